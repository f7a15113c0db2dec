package fr.gouv.guichet.tiers.internal;

import fr.gouv.guichet.demarche.Dossier;
import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.demarche.InstructionDossiers;
import fr.gouv.guichet.demarche.Evenements.DossierTransitionne;
import fr.gouv.guichet.document.GenerateurPdf;
import fr.gouv.guichet.piece.StockageFichiers;
import fr.gouv.guichet.referentiel.ServiceInstructeur;
import fr.gouv.guichet.referentiel.ServicesInstructeurs;
import fr.gouv.guichet.tiers.CycleHabilitation;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.io.ByteArrayInputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The convention d’habilitation, rendered after the habilitation's transaction (outbox: a crash renders it later,
 * once) and attached to the dossier as an official document; its attachment sends the e-mail announcing the
 * habilitation with the PDF ({@link CycleHabilitation#HABILITER}). It states only what is recorded: the company as
 * copied at the habilitation, the date of the recorded transition, the service's registered signatory.
 */
@Component
class Convention {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRANCE).withZone(ZoneId.of("Europe/Paris"));

    private final Dossiers dossiers;
    private final InstructionDossiers instruction;
    private final EntrepriseRepository entreprises;
    private final ServicesInstructeurs services;
    private final GenerateurPdf pdf;
    private final StockageFichiers stockage;

    Convention(Dossiers dossiers, InstructionDossiers instruction, EntrepriseRepository entreprises,
               ServicesInstructeurs services, GenerateurPdf pdf, StockageFichiers stockage) {
        this.dossiers = dossiers;
        this.instruction = instruction;
        this.entreprises = entreprises;
        this.services = services;
        this.pdf = pdf;
        this.stockage = stockage;
    }

    @ApplicationModuleListener(condition = CycleHabilitation.SI_EVENEMENT_D_UNE_HABILITATION)
    void habilitee(DossierTransitionne e) {
        if (!CycleHabilitation.estUneHabilitation(e.demarche()) || !e.transition().equals(CycleHabilitation.HABILITER.code())) {
            return;
        }
        if (!dossiers.marquerEffet("tiers-convention:" + e.transitionId())) {
            return;
        }
        Dossier dossier = instruction.pourInstruction(e.dossierId()).orElseThrow();
        Entreprise entreprise = entreprises.parDossier(dossier.id()).orElseThrow();
        ServiceInstructeur service = services.parCode(instruction.service(dossier.id()).orElseThrow()).orElseThrow();
        byte[] contenu = pdf.generer("convention-habilitation", variables(dossier, entreprise, service));
        String cle = stockage.enregistrer(new ByteArrayInputStream(contenu), contenu.length + 1L);
        instruction.joindreDocumentOfficiel(dossier.id(), CycleHabilitation.PIECE_CONVENTION,
                "convention-habilitation-" + dossier.numero() + ".pdf", contenu.length, StockageFichiers.sha256(cle), cle);
    }

    static Map<String, Object> variables(Dossier dossier, Entreprise entreprise, ServiceInstructeur service) {
        Map<String, Object> v = new HashMap<>();
        v.put("numero", dossier.numero());
        v.put("entreprise", entreprise);
        v.put("type", entreprise.type().libelle());
        v.put("activites", String.join(", ", entreprise.libellesActivites()));
        v.put("dateSignature", DATE.format(entreprise.habiliteeLe()));
        v.put("finPremierePeriode", DATE.format(entreprise.habiliteeLe().atZone(ZoneId.of("Europe/Paris")).plusYears(3)));
        v.put("service", service.libelle());
        v.put("prefecture", service.nom());
        var c = service.coordonnees();
        v.put("signataire", c.signataire().isBlank() ? "Le préfet" : c.signataire());
        v.put("qualite", c.signataireQualite());
        v.put("delegation", c.referenceDelegation());
        return v;
    }
}
