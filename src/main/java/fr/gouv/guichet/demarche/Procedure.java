package fr.gouv.guichet.demarche;

/**
 * A procedure offered by a feature (e.g. videoprotection's "demande d'autorisation"): how its dossiers are numbered,
 * which CERFA definition they are filled with, and how they are named. Features declare them as beans.
 *
 * @param code          stable code stored on the dossier, e.g. {@code VP_AUTORISATION}
 * @param prefixeNumero two letters opening the dossier number, e.g. {@code VP}
 * @param formulaireId  id of the form definition, e.g. {@code cerfa-13806}
 * @param famille       family in the competence table (which service instructs it for a département), e.g.
 *                      {@code VIDEOPROTECTION}: data of the feature, never named here
 */
public record Procedure(String code, String libelle, String prefixeNumero, String formulaireId, String cerfa, String famille) {
}
