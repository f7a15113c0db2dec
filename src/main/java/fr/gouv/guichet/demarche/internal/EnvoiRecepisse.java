package fr.gouv.guichet.demarche.internal;

import fr.gouv.guichet.compte.ProfilUsager;
import fr.gouv.guichet.compte.Usagers;
import fr.gouv.guichet.demarche.Dossier;
import fr.gouv.guichet.demarche.InformationsDossier;
import fr.gouv.guichet.demarche.Procedures;
import fr.gouv.guichet.demarche.Evenements.DossierDepose;
import fr.gouv.guichet.document.DonneesRecepisse;
import fr.gouv.guichet.notification.Courriel;
import fr.gouv.guichet.notification.Courriels;
import fr.gouv.guichet.compte.EnvoisUsager;
import org.springframework.core.env.Environment;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * E-mails the accusé de réception (its legal mentions and a link, no attachment) when a dossier is deposited. Runs from
 * the outbox (retried until it succeeds) and sends once per dossier ({@link Courriels#envoyerUneFois}: reserved and
 * confirmed outside the listener's transaction, so that a database failover after the SMTP server's acceptance no
 * longer sends it twice). The e-mail's Message-ID is fixed per dossier.
 */
@Component
class EnvoiRecepisse {

    private final DossierRepository dossiers;
    private final Recepisses recepisses;
    private final Usagers usagers;
    private final Courriels courriels;
    private final EnvoisUsager envois;
    private final Environment env;
    private final Procedures procedures;
    private final List<InformationsDossier> informations;

    EnvoiRecepisse(DossierRepository dossiers, Recepisses recepisses, Usagers usagers, Courriels courriels, Environment env,
                   Procedures procedures, EnvoisUsager envois, List<InformationsDossier> informations) {
        this.envois = envois;
        this.informations = informations;
        this.procedures = procedures;
        this.dossiers = dossiers;
        this.recepisses = recepisses;
        this.usagers = usagers;
        this.courriels = courriels;
        this.env = env;
    }

    @ApplicationModuleListener
    void envoyer(DossierDepose evenement) {
        String cle = "recepisse-courriel:" + evenement.dossierId();
        if (courriels.dejaEnvoye(cle)) {
            return;
        }
        Dossier dossier = dossiers.parId(evenement.dossierId()).orElse(null);
        if (dossier == null || dossier.usagerId() == null) {
            return;
        }
        Optional<ProfilUsager> usager = usagers.profil(dossier.usagerId());
        if (usager.isEmpty()) {
            return;
        }
        List<String> paragraphes = new java.util.ArrayList<>(mentions(recepisses.donnees(dossier)));
        // What the procedure adds (a number given at the deposit, what to send by post), after the legal mentions.
        informations.stream().map(i -> i.pour(dossier)).flatMap(Optional::stream)
                .forEach(e -> paragraphes.add(e.titre() + " : " + String.join(" ", e.lignes())));
        String lien = env.getProperty("guichet.url-publique", "http://localhost:8080") + "/usager/dossiers/" + dossier.id();
        envois.envoyerUneFois(usager.get().id(), cle, adresse -> new Courriel(adresse,
                "Accusé de réception de votre demande " + dossier.numero(), paragraphes, "Suivre mon dossier", lien, List.of(),
                "recepisse." + dossier.numero()));
    }

    /**
     * What the law requires of an accusé de réception (CRPA R112-5): number, date of receipt, the service and its
     * contact details, the implicit-decision date and the recourse routes. The full copy of the form (the usager's
     * personal details) is not e-mailed: it stays downloadable in their space.
     */
    static List<String> mentions(DonneesRecepisse donnees) {
        DonneesRecepisse.Service service = donnees.service();
        if (donnees.decisionImpliciteLe() == null) {
            // The procedure declares no implicit decision: nothing is said of the silence (ADR 0015).
            return List.of(reception(donnees), instruction(service),
                    "Vous serez informé par courriel de chaque étape du traitement de votre demande. Si elle est rejetée, "
                            + "la décision motivée vous indiquera les voies et délais de recours.",
                    TELECHARGEMENT);
        }
        return List.of(
                reception(donnees), instruction(service),
                "Le silence gardé par l’administration pendant quatre mois à compter de la réception d’un dossier complet "
                        + "vaut décision de rejet : si votre dossier est complet, votre demande sera réputée rejetée si vous "
                        + "n’avez pas reçu de réponse le " + donnees.dateDecisionImpliciteTexte() + ". Si des pièces vous sont "
                        + "demandées, ce délai est suspendu jusqu’à leur réception ou, au plus tard, jusqu’à la date limite "
                        + "indiquée (article L114-5 du code des relations entre le public et l’administration).",
                "Une décision de rejet, explicite ou implicite, peut faire l’objet dans un délai de deux mois d’un recours "
                        + "gracieux auprès de l’autorité qui l’a prise, d’un recours hiérarchique auprès du ministre de "
                        + "l’Intérieur, ou d’un recours contentieux devant le tribunal administratif (aussi par "
                        + "l’application Télérecours citoyens, www.telerecours.fr).",
                TELECHARGEMENT);
    }

    private static final String TELECHARGEMENT = "L’accusé de réception complet, avec le récapitulatif de votre demande, "
            + "est téléchargeable depuis votre espace, où vous pouvez aussi joindre des documents et écrire au service "
            + "jusqu’à sa décision.";

    private static String reception(DonneesRecepisse donnees) {
        return "Votre demande n° " + donnees.numeroDossier() + " (" + donnees.libelleDemarche() + ") a été reçue le "
                + donnees.dateReceptionTexte() + " à " + donnees.heureReceptionTexte() + ".";
    }

    private static String instruction(DonneesRecepisse.Service service) {
        return "Elle est instruite par le service suivant : " + service.nom() + ", " + service.prefecture() + ", "
                + String.join(", ", service.adresse()) + ". Téléphone : " + service.telephone()
                + ". Courriel : " + service.courriel() + "."
                + (service.horaires().isBlank() ? "" : " Horaires : " + service.horaires() + ".");
    }
}
