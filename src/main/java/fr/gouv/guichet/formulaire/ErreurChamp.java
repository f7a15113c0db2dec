package fr.gouv.guichet.formulaire;

/**
 * One validation error.
 *
 * @param champId the field id, or {@code groupe[index].sous_champ} for a field of a repeatable group entry
 *                (index 0-based, as posted)
 * @param message polite French message saying what is wrong and how to fix it
 */
public record ErreurChamp(String champId, String message) {

    /**
     * The HTML id the {@code champs.html} fragments give to this field (an input, or the fieldset of radios,
     * checkboxes and groups): the target of the link in the error summary, e.g. {@code champ-prenom},
     * {@code champ-agences-1-code_postal}.
     */
    public String ancre() {
        return "champ-" + champId.replace("].", "-").replace("[", "-");
    }
}
