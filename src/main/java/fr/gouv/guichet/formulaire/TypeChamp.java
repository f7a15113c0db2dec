package fr.gouv.guichet.formulaire;

import org.jspecify.annotations.Nullable;

/** The kinds of field a form definition may contain. */
public enum TypeChamp {
    TEXTE,
    TEXTE_LONG,
    EMAIL,
    TELEPHONE,
    NOMBRE,
    DATE,
    /** Two radios, values {@code oui} / {@code non}. */
    OUI_NON,
    /** Radios. */
    CHOIX_UNIQUE,
    /** Checkboxes; the answer is a list. */
    CHOIX_MULTIPLE,
    LISTE_DEROULANTE,
    SIRET,
    CODE_POSTAL,
    /** A list of entries, each with its own {@code sousChamps}; the answer is a list of maps. */
    GROUPE_REPETABLE;

    /** The {@code type} attribute of the HTML input rendering this field (numbers use text + inputmode, as advised by DSFR). */
    public String typeHtml() {
        return switch (this) {
            case EMAIL -> "email";
            case TELEPHONE -> "tel";
            case DATE -> "date";
            default -> "text";
        };
    }

    /** The HTML {@code inputmode} of this field, or null. */
    public @Nullable String modeSaisie() {
        return switch (this) {
            case NOMBRE, SIRET, CODE_POSTAL -> "numeric";
            default -> null;
        };
    }

    public boolean estUnChoix() {
        return this == OUI_NON || this == CHOIX_UNIQUE || this == CHOIX_MULTIPLE || this == LISTE_DEROULANTE;
    }

    public boolean exigeDesOptions() {
        return this == CHOIX_UNIQUE || this == CHOIX_MULTIPLE || this == LISTE_DEROULANTE;
    }

    public boolean estTexteLibre() {
        return this == TEXTE || this == TEXTE_LONG;
    }
}
