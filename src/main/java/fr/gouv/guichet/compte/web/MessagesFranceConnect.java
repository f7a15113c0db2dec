package fr.gouv.guichet.compte.web;

import fr.gouv.guichet.compte.internal.ComptesFranceConnect.Statut;

/** What the usager is told when a FranceConnect sign-in or link does not succeed (never the provider's raw text alone). */
final class MessagesFranceConnect {

    private MessagesFranceConnect() {
    }

    static String erreur(String code) {
        return switch (code) {
            case "access_denied" -> "Vous avez annulé la connexion avec FranceConnect, ou FranceConnect l’a refusée.";
            case "invalid_id_token", "invalid_user_info_response", "invalid_nonce" ->
                    "La réponse de FranceConnect n’a pas pu être vérifiée : par sécurité, vous n’êtes pas connecté.";
            case "authorization_request_not_found", "invalid_state_parameter" ->
                    "La demande de connexion a expiré ou a été ouverte dans un autre onglet.";
            case "invalid_request", "invalid_scope", "unauthorized_client" ->
                    "FranceConnect a refusé la demande de connexion de Guichet.";
            default -> "La connexion avec FranceConnect n’a pas abouti.";
        };
    }

    /** The plain message of an outcome that is not a failure (cancelled, expired or replayed return), or null. */
    static @org.jspecify.annotations.Nullable String sansGravite(String code) {
        return switch (code) {
            case "access_denied" -> "Vous avez annulé la connexion avec FranceConnect : vous n’êtes pas connecté. "
                    + "Vous pouvez réessayer, ou vous connecter avec votre adresse électronique et votre mot de passe.";
            case "authorization_request_not_found", "invalid_state_parameter" -> "Cette demande de connexion avec FranceConnect "
                    + "n’est plus valable (elle a expiré, a déjà servi ou a été ouverte dans un autre onglet) : "
                    + "cliquez à nouveau sur « S’identifier avec FranceConnect ».";
            default -> null;
        };
    }

    static String rattachement(Statut statut) {
        return switch (statut) {
            case MOT_DE_PASSE_INCORRECT -> "Le mot de passe est incorrect.";
            case FREINE -> "Trop de tentatives ont échoué : réessayez dans 15 minutes, ou utilisez « Mot de passe oublié ».";
            case SANS_MOT_DE_PASSE -> "Ce compte n’a pas de mot de passe : il ne peut pas être relié ainsi.";
            case DEJA_RELIE -> "Ce compte est déjà relié à une autre identité FranceConnect.";
            case RELIE -> "";
        };
    }
}
