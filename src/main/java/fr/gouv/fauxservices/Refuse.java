package fr.gouv.fauxservices;

/** A business refusal: HTTP status, {@code erreur} code and message of the contract. */
final class Refuse extends RuntimeException {

    final int statut;
    final String erreur;

    Refuse(int statut, String erreur, String message) {
        super(message, null, false, false);
        this.statut = statut;
        this.erreur = erreur;
    }

    static Refuse inconnu(String erreur, String message) {
        return new Refuse(404, erreur, message);
    }

    static Refuse expire(String erreur, String message) {
        return new Refuse(410, erreur, message);
    }

    static Refuse conflit(String erreur, String message) {
        return new Refuse(409, erreur, message);
    }

    static Refuse invalide(String message) {
        return new Refuse(400, "demande-invalide", message);
    }
}
