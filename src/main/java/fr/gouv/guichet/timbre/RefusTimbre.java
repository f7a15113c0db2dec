package fr.gouv.guichet.timbre;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why a timbre is refused: the {@link #code()} is the {@code erreur} member of the timbre service's HTTP answer
 * (see {@code docs/services-externes-permis.md}), the {@link #message()} what the usager reads next to the field.
 */
public enum RefusTimbre {
    INCONNU("timbre-inconnu", "Ce numéro de timbre fiscal est inconnu. Vérifiez les 16 chiffres reçus par "
            + "SMS ou par courriel lors de l'achat."),
    EXPIRE("timbre-expire", "Ce timbre fiscal n'est plus valable (il doit être utilisé dans les 12 mois qui "
            + "suivent l'achat). Vous pouvez en demander le remboursement sur le site des timbres fiscaux."),
    DEJA_UTILISE("timbre-deja-utilise", "Ce timbre fiscal a déjà été utilisé pour un autre dossier : un timbre "
            + "ne peut payer qu'une seule démarche. Achetez un nouveau timbre."),
    RESERVE("timbre-reserve", "Ce timbre fiscal est déjà en cours d'utilisation pour un autre dossier. Si ce "
            + "dossier est le vôtre, terminez-le ou abandonnez-le ; sinon, achetez un nouveau timbre."),
    REMBOURSE("timbre-rembourse", "Ce timbre fiscal a été remboursé : il ne peut plus être utilisé."),
    MONTANT("timbre-montant", "Le montant de ce timbre fiscal ne correspond pas à celui de la démarche. "
            + "Achetez un timbre du bon montant ; celui-ci peut être remboursé sur le site des timbres fiscaux."),
    NON_RESERVE("timbre-non-reserve", "Ce timbre fiscal n'est pas réservé pour ce dossier."),
    DEMANDE_INVALIDE("demande-invalide", "Le service des timbres a refusé la demande comme mal formée.");

    private final String code;
    private final String message;

    RefusTimbre(String code, String message) {
        this.code = code;
        this.message = message;
    }

    public String code() {
        return code;
    }

    public String message() {
        return message;
    }

    public static Optional<RefusTimbre> depuisCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }
}
