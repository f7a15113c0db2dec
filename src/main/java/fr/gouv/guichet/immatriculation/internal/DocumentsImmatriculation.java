package fr.gouv.guichet.immatriculation.internal;

import fr.gouv.guichet.demarche.InstructionDossiers;
import fr.gouv.guichet.document.GenerateurPdf;
import fr.gouv.guichet.immatriculation.BaremeTaxes;
import fr.gouv.guichet.immatriculation.CycleImmatriculation;
import fr.gouv.guichet.immatriculation.RegistreVehicules;
import fr.gouv.guichet.immatriculation.Vehicule;
import fr.gouv.guichet.immatriculation.VehiculeIntrouvable;
import fr.gouv.guichet.referentiel.ServicesInstructeurs;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The documents of registration, stating only what is recorded: the certificat de situation administrative (for the
 * seller, from the register and the declaration of sale) and the certificat provisoire d'immatriculation (once the
 * request is paid and transmitted, with its validity period and the payment).
 */
@Service
public class DocumentsImmatriculation {

    /**
     * How long the provisional certificate lets the holder drive: one month (titres.md lists the CPI validity among the
     * points not verified; the one place to change it).
     */
    public static final Period VALIDITE_PROVISOIRE = Period.ofMonths(1);
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRANCE);
    static final DateTimeFormatter DATE_HEURE = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' H 'h' mm", Locale.FRANCE);

    private final GenerateurPdf pdf;
    private final Cessions cessions;
    private final RegistreVehicules registre;
    private final DemandesUsager demandes;
    private final Paiements paiements;
    private final InstructionDossiers dossiers;
    private final ServicesInstructeurs services;

    DocumentsImmatriculation(GenerateurPdf pdf, Cessions cessions, RegistreVehicules registre, DemandesUsager demandes,
                             Paiements paiements, InstructionDossiers dossiers, ServicesInstructeurs services) {
        this.pdf = pdf;
        this.cessions = cessions;
        this.registre = registre;
        this.demandes = demandes;
        this.paiements = paiements;
        this.dossiers = dossiers;
        this.services = services;
    }

    public byte[] situation(long cessionId, long usagerId) {
        Cessions.Cession c = cessions.duVendeur(cessionId, usagerId);
        Vehicule v = registre.parId(c.vehiculeId()).orElseThrow(VehiculeIntrouvable::new);
        Map<String, Object> vars = vehicule(v);
        vars.put("etabliLe", DATE_HEURE.format(Instant.now().atZone(Cessions.PARIS)));
        vars.put("gage", v.situation().gage());
        vars.put("opposition", v.situation().opposition());
        vars.put("vole", v.situation().vole());
        vars.put("detruit", v.situation().detruit());
        vars.put("declareeLe", DATE.format(c.declareeLe().atZone(Cessions.PARIS)));
        vars.put("dateVente", DATE.format(c.dateVente()));
        vars.put("acquereur", c.acquereur());
        vars.put("kilometrage", String.format(Locale.FRANCE, "%,d", c.kilometrage()).replace('\u202f', ' '));
        return pdf.generer("immatriculation-situation", vars);
    }

    /** @throws VehiculeIntrouvable before payment and transmission, or after a rejection */
    public byte[] provisoire(long dossierId, long usagerId) {
        DemandesUsager.Vue vue = demandes.vue(dossierId, usagerId);
        if (vue.dossier().estBrouillon() || vue.dossier().etat().equals(CycleImmatriculation.REJETE) || vue.dossier().deposeLe() == null) {
            throw new VehiculeIntrouvable();
        }
        LocalDate du = vue.dossier().deposeLe().atZone(Cessions.PARIS).toLocalDate();
        Map<String, Object> vars = vehicule(vue.vehicule());
        Map<String, String> r = vue.reponses();
        vars.put("immatriculation", vue.demande().numeroAttribue() != null ? vue.demande().numeroAttribue() : vue.vehicule().immatriculation());
        vars.put("titulaire", r.getOrDefault("prenoms", "") + " " + r.getOrDefault("nom", ""));
        String cot = r.getOrDefault("cotitulaire_nom", "");
        vars.put("cotitulaire", cot.isBlank() ? null : r.getOrDefault("cotitulaire_prenoms", "") + " " + cot);
        vars.put("adresse", r.getOrDefault("adresse", "") + ", " + r.getOrDefault("code_postal", "") + " " + r.getOrDefault("commune", ""));
        vars.put("numeroDossier", vue.dossier().numero());
        vars.put("operation", vue.demande().operation().libelle());
        vars.put("valideDu", DATE.format(du));
        vars.put("valideAu", DATE.format(du.plus(VALIDITE_PROVISOIRE).minusDays(1)));
        vars.put("service", dossiers.service(dossierId).flatMap(services::parCode).map(s -> s.nom()).orElse("Centre d’instruction"));
        vars.put("taxes", vue.demande().taxes().stream().map(t -> Map.of("code", t.code(), "libelle", t.libelle(),
                "montant", BaremeTaxes.Taxes.euros(t.centimes()))).toList());
        vars.put("total", BaremeTaxes.Taxes.euros(vue.demande().montantCentimes()));
        List<Paiements.Paiement> payes = paiements.duDossier(dossierId).stream().filter(p -> p.statut() == Paiements.EtatPaiement.PAYE).toList();
        vars.put("referencePaiement", payes.isEmpty() ? "sans objet (démarche gratuite)" : payes.getFirst().reference());
        vars.put("payeLe", payes.isEmpty() || payes.getFirst().termineLe() == null ? DATE.format(du)
                : DATE.format(payes.getFirst().termineLe().atZone(Cessions.PARIS)));
        vars.put("remboursements", paiements.duDossier(dossierId).stream().filter(p -> p.statut().enDouble())
                .map(p -> "Second paiement de " + p.montant() + " (référence " + p.reference() + ") : " + (p.rembourseLe() == null
                        ? "remboursement demandé au prestataire de paiement."
                        : "remboursé le " + p.rembourseLeTexte() + " (remboursement n° " + p.identifiantRemboursement() + ").")).toList());
        return pdf.generer("immatriculation-provisoire", vars);
    }

    private static Map<String, Object> vehicule(Vehicule v) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("auteur", GenerateurPdf.AUTEUR);
        vars.put("immatriculation", v.immatriculation());
        vars.put("vin", v.vin());
        vars.put("marque", v.marque() + " " + v.modele());
        vars.put("puissance", v.puissanceFiscale());
        vars.put("premiereImmatriculation", DATE.format(v.premiereImmatriculation()));
        vars.put("titulaire", v.titulaire().complet());
        return vars;
    }
}
