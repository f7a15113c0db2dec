package fr.gouv.guichet.permis.externe;

import java.util.Arrays;
import java.util.Optional;

/**
 * Business refusals of the external systems: the {@link #code()} is the {@code erreur} member of the HTTP answer
 * (see {@code docs/services-externes-permis.md}), the {@link #message()} what the usager reads next to the field.
 * An expired and an unknown code get distinct messages.
 */
public enum Refus {
    CODE_EPHOTO_INCONNU("code-ephoto-inconnu", "Ce code ePhoto est inconnu du service des photos. Vérifiez-le sur la "
            + "planche remise par la cabine ou le photographe agréé (lettres et chiffres, sans confusion entre O et 0)."),
    CODE_EPHOTO_EXPIRE("code-ephoto-expire", "Ce code ePhoto a expiré : un code est valable 6 mois après la prise de "
            + "vue. Faites faire de nouvelles photos dans une cabine ou chez un photographe agréé."),
    NEPH_INCONNU("neph-inconnu", "Aucun résultat d'examen n'est enregistré pour ce numéro NEPH."),
    COMMANDE_INCONNUE("commande-inconnue", "Cette commande de titre est inconnue du service de fabrication."),
    DEMANDE_INVALIDE("demande-invalide", "Le service a refusé la demande comme mal formée.");

    private final String code;
    private final String message;

    Refus(String code, String message) {
        this.code = code;
        this.message = message;
    }

    public String code() {
        return code;
    }

    public String message() {
        return message;
    }

    public static Optional<Refus> depuisCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }
}
