package fr.gouv.guichet.instruction.internal;

import fr.gouv.guichet.agent.AgentConnecte;
import fr.gouv.guichet.commission.AvisVise;
import fr.gouv.guichet.demarche.DocumentsEmis;
import fr.gouv.guichet.videoprotection.DocumentsVideoprotection;
import fr.gouv.guichet.videoprotection.DonneesArrete;
import fr.gouv.guichet.videoprotection.DonneesRefus;
import fr.gouv.guichet.demarche.Dossier;
import fr.gouv.guichet.demarche.InstructionDossiers;
import fr.gouv.guichet.document.Autorite;
import fr.gouv.guichet.document.GenerateurPdf;
import fr.gouv.guichet.document.Signataire;
import fr.gouv.guichet.referentiel.ServiceInstructeur;
import fr.gouv.guichet.referentiel.ServicesInstructeurs;
import fr.gouv.guichet.document.Verification;
import fr.gouv.guichet.formulaire.CatalogueFormulaires;
import fr.gouv.guichet.formulaire.Champ;
import fr.gouv.guichet.formulaire.DefinitionFormulaire;
import fr.gouv.guichet.formulaire.Reponses;
import fr.gouv.guichet.juridique.TribunauxAdministratifs;
import fr.gouv.guichet.referentiel.Departement;
import fr.gouv.guichet.referentiel.Departements;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes the préfet's decisions from the dossier: the arrêté (final or provisional) and the motivated refusal, each
 * with a public verification code, recorded as acts to render ({@link ProductionActes}: their PDF is rendered after
 * the decision's transaction, then attached to the dossier for the usager); an authorization also enters the
 * préfecture's register.
 */
@Component
public class RedactionDecisions {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final DocumentsEmis documents;
    private final GenerateurPdf pdf;
    private final ProductionActes actes;
    private final CatalogueFormulaires catalogue;
    private final Departements departements;
    private final Registre registre;
    private final JdbcClient jdbc;
    private final ServicesInstructeurs services;
    private final InstructionDossiers dossiers;
    private final Environment env;
    private final Clock horloge;
    private final TribunauxAdministratifs tribunaux;

    RedactionDecisions(DocumentsEmis documents, GenerateurPdf pdf, ProductionActes actes,
                       CatalogueFormulaires catalogue, Departements departements, Registre registre, JdbcClient jdbc,
                       Environment env, Clock horloge, TribunauxAdministratifs tribunaux, InstructionDossiers dossiers,
                       ServicesInstructeurs services) {
        this.services = services;
        this.dossiers = dossiers;
        this.documents = documents;
        this.pdf = pdf;
        this.actes = actes;
        this.catalogue = catalogue;
        this.departements = departements;
        this.registre = registre;
        this.jdbc = jdbc;
        this.env = env;
        this.horloge = horloge;
        this.tribunaux = tribunaux;
    }

    /** The arrêté: final when the commission's recorded {@code avis} is given, provisional (until {@code finProvisoire}) otherwise. */
    public long arrete(Dossier dossier, AgentConnecte agent, @Nullable AvisVise avis, @Nullable LocalDate finProvisoire) {
        LocalDate aujourdhui = LocalDate.now(horloge);
        Reponses r = new Reponses(dossier.reponses());
        DefinitionFormulaire definition = catalogue.get(dossier.formulaireId(), dossier.formulaireVersion());
        Departement dep = departements.parCode(dossier.codeDepartement()).orElseThrow();
        String numeroArrete = "%d-%s-VP-%04d".formatted(aujourdhui.getYear(), dossier.codeDepartement(),
                registre.prochainNumeroArrete(dossier.codeDepartement(), aujourdhui.getYear()));
        boolean provisoire = finProvisoire != null;
        String type = (provisoire ? DocumentsVideoprotection.ARRETE_PROVISOIRE : DocumentsVideoprotection.ARRETE).code();
        String code = documents.emettre(type, dossier.id(), dossier.numero(), dossier.codeDepartement(), numeroArrete);
        DonneesArrete.Cameras cameras = cameras(r);
        ServiceInstructeur service = service(dossier);
        DonneesArrete donnees = new DonneesArrete(numeroArrete, aujourdhui, autorite(dep), visasDelegation(service), dossier.numero(),
                deposeLe(dossier), new DonneesArrete.Titulaire(personne(r), r.texte("denomination")),
                new DonneesArrete.Lieu(nonVide(r.texte("denomination"), "Système de vidéoprotection"), adresseSysteme(r)),
                cameras, finalites(definition, r), conservation(r),
                new DonneesArrete.ContactDroitAcces(nonVide(r.texte("droit_acces_service"), "Le responsable du système"),
                        nonVide(r.texte("droit_acces_telephone"), "non communiqué")),
                List.of(nonVide(r.texte("personnes_habilitees"), "Le responsable du système")),
                provisoire || avis == null ? new DonneesArrete.Regime.Provisoire(java.util.Objects.requireNonNull(finProvisoire))
                        : new DonneesArrete.Regime.Definitif(avis.visa(), avis.seanceLe(), avis.reserves()),
                signataire(service, agent), verification(code));
        long acte = actes.enregistrer(dossier.id(), provisoire ? "arrete_provisoire" : "arrete", "arrete-" + numeroArrete + ".pdf",
                DonneesArrete.GABARIT, pdf.xhtml(DonneesArrete.GABARIT, donnees.variables()));
        registre.enregistrer(dossier.id(), dossier.codeDepartement(), numeroArrete, aujourdhui, donnees.expireLe(), provisoire,
                nonVide(r.texte("denomination"), personne(r)), r.texte("systeme_commune"), String.join(", ", adresseSysteme(r)),
                cameras.interieures() + cameras.exterieures() + cameras.voiePublique());
        return acte;
    }

    public long refus(Dossier dossier, AgentConnecte agent, String motivation, List<FondementRefus> fondements,
                      @Nullable LocalDate avisCommissionLe) {
        LocalDate aujourdhui = LocalDate.now(horloge);
        Reponses r = new Reponses(dossier.reponses());
        Departement dep = departements.parCode(dossier.codeDepartement()).orElseThrow();
        String code = documents.emettre(DocumentsVideoprotection.REFUS.code(), dossier.id(), dossier.numero(), dossier.codeDepartement());
        ServiceInstructeur instructeur = service(dossier);
        var coordonnees = instructeur.coordonnees();
        var service = new DonneesRefus.Coordonnees(coordonnees.lignesAdresse(), coordonnees.telephone(), coordonnees.courriel());
        DonneesRefus donnees = new DonneesRefus(autorite(dep), service, aujourdhui,
                new DonneesRefus.Destinataire(nonVide(r.texte("denomination"), personne(r)), adresseDeclarant(r)),
                dossier.numero(), deposeLe(dossier), avisCommissionLe, motivation,
                fondements.stream().map(FondementRefus::citation).toList(),
                signataire(instructeur, agent), verification(code));
        return actes.enregistrer(dossier.id(), "refus", "refus-" + dossier.numero() + ".pdf", DonneesRefus.GABARIT,
                pdf.xhtml(DonneesRefus.GABARIT, donnees.variables()));
    }

    /** The deciding préfet (R252-1 / R252-2 exceptions included) and the tribunal named in the recourse routes. */
    private Autorite autorite(Departement dep) {
        return AutoritesVideoprotection.pour(dep, tribunaux.pour(dep.code()));
    }

    /** The dossier's service instructeur, fixed at deposit. */
    private ServiceInstructeur service(Dossier dossier) {
        return dossiers.service(dossier.id()).flatMap(services::parCode)
                .orElseThrow(() -> new IllegalStateException("Dossier " + dossier.numero() + " sans service instructeur"));
    }

    /**
     * The signatory recorded for the service (first name, name, quality: CRPA L212-1); a service that has not
     * recorded one yet (its procedures are then no longer offered) still signs with the deciding agent, as before.
     */
    private static Signataire signataire(ServiceInstructeur service, AgentConnecte agent) {
        ServiceInstructeur.Coordonnees c = service.coordonnees();
        if (!c.signataire().isBlank() && !c.signataireQualite().isBlank()) {
            return new Signataire(c.signataireQualite(), c.signataire());
        }
        return new Signataire("L’agent habilité du bureau de la vidéoprotection", agent.nom());
    }

    /** "Vu l’arrêté n° … portant délégation de signature au secrétaire général…", when the service recorded it. */
    private static List<String> visasDelegation(ServiceInstructeur service) {
        ServiceInstructeur.Coordonnees c = service.coordonnees();
        if (c.referenceDelegation().isBlank() || c.signataireQualite().isBlank() || c.signataire().isBlank()) {
            return List.of();
        }
        return List.of("Vu l’arrêté " + c.referenceDelegation() + " portant délégation de signature "
                + Signataire.aLaQualite(c.signataireQualite()) + ", " + c.signataire());
    }

    private Verification verification(String code) {
        return new Verification(code, env.getProperty("guichet.url-publique", "http://localhost:8080") + "/verifier/" + code);
    }

    private static LocalDate deposeLe(Dossier dossier) {
        return dossier.deposeLe() == null ? LocalDate.now(PARIS) : dossier.deposeLe().atZone(PARIS).toLocalDate();
    }

    private static DonneesArrete.Cameras cameras(Reponses r) {
        int interieures = entier(r.texte("cameras_interieures"));
        int exterieures = entier(r.texte("cameras_exterieures"));
        int voiePublique = entier(r.texte("cameras_voie_publique"));
        for (Map<String, String> agence : r.groupes("agences")) {
            interieures += entier(agence.getOrDefault("cameras_interieures", ""));
            exterieures += entier(agence.getOrDefault("cameras_exterieures", ""));
        }
        if (interieures + exterieures + voiePublique == 0) {
            interieures = 1;
        }
        return new DonneesArrete.Cameras(interieures, exterieures, voiePublique);
    }

    private static List<String> finalites(DefinitionFormulaire definition, Reponses r) {
        List<String> finalites = new ArrayList<>();
        for (String id : List.of("finalites", "finalites_voie_publique")) {
            definition.champ(id).ifPresent((Champ champ) -> r.liste(id).stream()
                    .filter(v -> !v.equals("autre")).map(champ::libelleOption).forEach(finalites::add));
        }
        if (!r.texte("finalites_autre").isBlank()) {
            finalites.add(r.texte("finalites_autre"));
        }
        return finalites.isEmpty() ? List.of("Sécurité des personnes et des biens") : finalites;
    }

    /** Retention in days: as declared; without recording, the legal maximum is what the arrêté caps. */
    private static int conservation(Reponses r) {
        int jours = entier(r.texte("duree_conservation"));
        return jours >= 1 && jours <= DonneesArrete.CONSERVATION_MAXIMALE_JOURS ? jours : DonneesArrete.CONSERVATION_MAXIMALE_JOURS;
    }

    private static List<String> adresseSysteme(Reponses r) {
        return adresse(r.texte("systeme_voie"), r.texte("systeme_complement"), r.texte("systeme_code_postal"), r.texte("systeme_commune"));
    }

    private static List<String> adresseDeclarant(Reponses r) {
        return adresse(r.texte("declarant_voie"), r.texte("declarant_complement"), r.texte("declarant_code_postal"), r.texte("declarant_commune"));
    }

    private static List<String> adresse(String voie, String complement, String codePostal, String commune) {
        List<String> lignes = new ArrayList<>();
        if (!voie.isBlank()) {
            lignes.add(voie);
        }
        if (!complement.isBlank()) {
            lignes.add(complement);
        }
        String ville = (codePostal + " " + commune).strip();
        if (!ville.isBlank()) {
            lignes.add(ville);
        }
        return lignes.isEmpty() ? List.of("Adresse non renseignée") : lignes;
    }

    private static String personne(Reponses r) {
        return nonVide((r.texte("prenom") + " " + r.texte("nom_naissance")).strip(), "Demandeur");
    }

    private static String nonVide(String valeur, String defaut) {
        return valeur == null || valeur.isBlank() ? defaut : valeur;
    }

    private static int entier(String valeur) {
        try {
            return Math.max(0, Integer.parseInt(valeur.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
