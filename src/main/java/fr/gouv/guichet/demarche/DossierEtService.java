package fr.gouv.guichet.demarche;

import org.jspecify.annotations.Nullable;

/**
 * A usager's dossier with the name of the service instructeur fixed at its deposit (a préfecture, a CERT, a town
 * hall), read in the same statement for the usager's pages.
 *
 * @param service e.g. "CERT permis de conduire de Bordeaux"; null for a draft
 */
public record DossierEtService(Dossier dossier, @Nullable String service) {
}
