package fr.gouv.guichet.demarche.internal;

import fr.gouv.guichet.compte.ProfilUsager;
import fr.gouv.guichet.compte.Usagers;
import fr.gouv.guichet.demarche.Dossier;
import fr.gouv.guichet.demarche.Evenements.DossierDepose;
import fr.gouv.guichet.notification.Courriel;
import fr.gouv.guichet.notification.Courriels;
import org.springframework.core.env.Environment;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * E-mails the récépissé when a dossier is deposited. Runs from the outbox (retried until it succeeds) and sends
 * once per dossier: the sending is claimed in the listener's transaction before it is sent, so a concurrent run for
 * the same dossier (the outbox job resubmitting a publication still being processed, here or on another instance)
 * waits on the claim's row lock and then does nothing; a failed sending rolls the claim back for the next attempt.
 * The e-mail's Message-ID is fixed per dossier: should a crash fall between the SMTP server's acceptance and the
 * claim's commit, the copy sent again is the same message for the usager's mailbox.
 */
@Component
class EnvoiRecepisse {

    private final DossierRepository dossiers;
    private final Recepisses recepisses;
    private final Usagers usagers;
    private final Courriels courriels;
    private final Environment env;

    EnvoiRecepisse(DossierRepository dossiers, Recepisses recepisses, Usagers usagers, Courriels courriels, Environment env) {
        this.dossiers = dossiers;
        this.recepisses = recepisses;
        this.usagers = usagers;
        this.courriels = courriels;
        this.env = env;
    }

    @ApplicationModuleListener
    void envoyer(DossierDepose evenement) {
        String cle = "recepisse-courriel:" + evenement.dossierId();
        if (dossiers.effetRealise(cle)) {
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
        byte[] pdf = recepisses.pdf(dossier);
        String lien = env.getProperty("guichet.url-publique", "http://localhost:8080") + "/usager/dossiers/" + dossier.id();
        // Claimed right before sending (everything slow is done): a crash between the SMTP server's acceptance and
        // this transaction's commit is the only way the récépissé can be sent twice.
        if (!dossiers.marquerEffet(cle)) {
            return;
        }
        courriels.envoyer(new Courriel(usager.get().email(), "Accusé de réception de votre demande " + dossier.numero(), List.of(
                "Votre demande n° " + dossier.numero() + " a bien été transmise à la préfecture.",
                "Vous trouverez en pièce jointe l’accusé de réception, qui indique la date de réception, le service chargé "
                        + "de votre dossier, les documents attendus et les voies de recours.",
                "Depuis votre espace, vous pouvez joindre des documents et écrire à la préfecture jusqu’à sa décision."),
                "Suivre mon dossier", lien,
                List.of(new Courriel.Fichier(Recepisses.nomFichier(dossier), "application/pdf", pdf)),
                "recepisse." + dossier.numero()));
    }
}
