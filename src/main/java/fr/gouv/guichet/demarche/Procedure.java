package fr.gouv.guichet.demarche;

/**
 * A procedure offered by a feature: how its dossiers are numbered, which form definition they are filled with, how
 * they are named, and the lifecycle they follow. Features declare them as beans.
 *
 * @param code          stable code stored on the dossier ({@code dossier.demarche})
 * @param prefixeNumero two letters opening the dossier number
 * @param formulaireId  id of the form definition
 * @param famille       family in the competence table (which service instructs it for a département): data of the
 *                      feature, never named here
 * @param cycle         the lifecycle of its dossiers
 * @param pieces        the documents its dossiers must come with
 */
public record Procedure(String code, String libelle, String prefixeNumero, String formulaireId, String cerfa, String famille,
                        CycleDeVie cycle, PiecesDemandees pieces) {
}
