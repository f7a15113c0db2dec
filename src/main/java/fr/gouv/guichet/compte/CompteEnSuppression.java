package fr.gouv.guichet.compte;

/**
 * Published synchronously, inside the deleting transaction, just before a usager account is deleted: features
 * drop what only made sense for that account (drafts); deposited dossiers stay with the préfecture.
 */
public record CompteEnSuppression(long usagerId) {
}
