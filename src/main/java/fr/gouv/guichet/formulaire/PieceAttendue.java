package fr.gouv.guichet.formulaire;

/**
 * A document the usager must attach.
 *
 * @param code        stable code (used to file the uploaded document)
 * @param libelle     short name
 * @param explication what the document must contain
 */
public record PieceAttendue(String code, String libelle, String explication) {
}
