package fr.gouv.guichet.compte.internal;

/** Events of the account lifecycle; their e-mails are sent by {@link CourrielsCompte} through the outbox. */
public final class EvenementsCompte {

    private EvenementsCompte() {
    }

    public record ActivationDemandee(String email, String jeton) {
    }

    /** Someone tried to create an account with an address that already has one. */
    public record InscriptionEnDouble(String email) {
    }

    public record ReinitialisationDemandee(String email, String jeton) {
    }

    public record MotDePasseModifie(String email) {
    }

    /** {@code ancienEmail} null: an account without address (FranceConnect) adds one. */
    public record ChangementEmailDemande(@org.jspecify.annotations.Nullable String ancienEmail, String nouvelEmail, String jeton) {
    }

    public record CompteSupprime(String email) {
    }
}
