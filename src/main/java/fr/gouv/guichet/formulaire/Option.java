package fr.gouv.guichet.formulaire;

/** One possible answer of a choice field: the stored value and the label shown. */
public record Option(String valeur, String libelle) {
}
