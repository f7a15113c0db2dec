package fr.gouv.guichet.demarche;

import org.jspecify.annotations.Nullable;

/**
 * A usager's dossier with the name of the service instructeur fixed at its deposit, read in the same statement for
 * the usager's pages.
 *
 * @param service the service's name as the reference data gives it; null for a draft
 */
public record DossierEtService(Dossier dossier, @Nullable String service) {
}
