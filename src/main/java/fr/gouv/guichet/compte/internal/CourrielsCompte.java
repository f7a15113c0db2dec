package fr.gouv.guichet.compte.internal;

import fr.gouv.guichet.compte.internal.EvenementsCompte.ActivationDemandee;
import fr.gouv.guichet.compte.internal.EvenementsCompte.ChangementEmailDemande;
import fr.gouv.guichet.compte.internal.EvenementsCompte.CompteSupprime;
import fr.gouv.guichet.compte.internal.EvenementsCompte.InscriptionEnDouble;
import fr.gouv.guichet.compte.internal.EvenementsCompte.MotDePasseModifie;
import fr.gouv.guichet.compte.internal.EvenementsCompte.ReinitialisationDemandee;
import fr.gouv.guichet.notification.Courriel;
import fr.gouv.guichet.notification.Courriels;
import org.springframework.core.env.Environment;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.List;

/** Sends the account e-mails, as listeners of the account events (persisted in the outbox before sending). */
@Component
class CourrielsCompte {

    private final Courriels courriels;
    private final Environment env;

    CourrielsCompte(Courriels courriels, Environment env) {
        this.courriels = courriels;
        this.env = env;
    }

    @ApplicationModuleListener
    void activation(ActivationDemandee e) {
        courriels.envoyer(new Courriel(e.email(), "Activez votre compte Guichet", List.of(
                "Vous avez créé un compte sur Guichet, le service en ligne des préfectures.",
                "Pour l’activer, ouvrez le lien ci-dessous. Il est valable 24 heures et ne peut servir qu’une fois.",
                "Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : aucun compte ne sera activé."),
                "Activer mon compte", lien("/activation", e.jeton())));
    }

    @ApplicationModuleListener
    void enDouble(InscriptionEnDouble e) {
        courriels.envoyer(new Courriel(e.email(), "Votre compte Guichet existe déjà", List.of(
                "Quelqu’un (peut-être vous) a demandé à créer un compte Guichet avec cette adresse électronique.",
                "Un compte existe déjà pour cette adresse. Si vous avez oublié votre mot de passe, vous pouvez le réinitialiser.",
                "Si vous n’êtes pas à l’origine de cette demande, vous n’avez rien à faire."),
                "Réinitialiser mon mot de passe", base() + "/mot-de-passe-oublie"));
    }

    @ApplicationModuleListener
    void reinitialisation(ReinitialisationDemandee e) {
        courriels.envoyer(new Courriel(e.email(), "Réinitialisation de votre mot de passe Guichet", List.of(
                "Vous avez demandé à réinitialiser le mot de passe de votre compte Guichet.",
                "Ouvrez le lien ci-dessous pour choisir un nouveau mot de passe. Il est valable 1 heure et ne peut servir qu’une fois.",
                "Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : votre mot de passe reste inchangé."),
                "Choisir un nouveau mot de passe", lien("/mot-de-passe/reinitialiser", e.jeton())));
    }

    @ApplicationModuleListener
    void motDePasseModifie(MotDePasseModifie e) {
        courriels.envoyer(Courriel.simple(e.email(), "Votre mot de passe Guichet a été modifié", List.of(
                "Le mot de passe de votre compte Guichet vient d’être modifié.",
                "Si vous n’êtes pas à l’origine de cette modification, réinitialisez immédiatement votre mot de passe "
                        + "depuis la page de connexion et signalez-le à videoprotection@interieur.gouv.fr.")));
    }

    @ApplicationModuleListener
    void changementEmail(ChangementEmailDemande e) {
        courriels.envoyer(new Courriel(e.nouvelEmail(), "Confirmez votre nouvelle adresse électronique", List.of(
                "Vous avez demandé à utiliser cette adresse électronique pour votre compte Guichet.",
                "Ouvrez le lien ci-dessous pour la confirmer. Il est valable 24 heures et ne peut servir qu’une fois."),
                "Confirmer cette adresse", lien("/compte/email/confirmer", e.jeton())));
        if (e.ancienEmail() == null) {
            return;
        }
        courriels.envoyer(Courriel.simple(e.ancienEmail(), "Changement d’adresse électronique demandé", List.of(
                "Un changement d’adresse électronique a été demandé pour votre compte Guichet, vers l’adresse "
                        + e.nouvelEmail() + ".",
                "Tant que la nouvelle adresse n’est pas confirmée, votre compte reste attaché à celle-ci. "
                        + "Si vous n’êtes pas à l’origine de cette demande, changez votre mot de passe.")));
    }

    @ApplicationModuleListener
    void suppression(CompteSupprime e) {
        courriels.envoyer(Courriel.simple(e.email(), "Votre compte Guichet a été supprimé", List.of(
                "Votre compte Guichet a été supprimé à votre demande.",
                "Vous pouvez créer un nouveau compte à tout moment.")));
    }

    private String base() {
        return env.getProperty("guichet.url-publique", "http://localhost:8080");
    }

    private String lien(String chemin, String jeton) {
        return UriComponentsBuilder.fromUriString(base() + chemin).queryParam("jeton", jeton).build().toUriString();
    }
}
