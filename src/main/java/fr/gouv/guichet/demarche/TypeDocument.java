package fr.gouv.guichet.demarche;

/**
 * A kind of official document a feature issues for its dossiers (e.g. a decision), declared as a bean: its code is
 * stored with each document issued ({@code document_emis.type}), its label is shown when someone checks a document's
 * verification code.
 */
public record TypeDocument(String code, String libelle) {
}
