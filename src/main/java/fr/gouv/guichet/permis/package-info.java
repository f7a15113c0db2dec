/**
 * Driving licence procedures (issue 12, part B): the values that carry the licence rules ({@link Neph},
 * {@link CodeEphoto} and its {@link FormatEphoto}, {@link CategoriePermis}), the procedures
 * ({@link DemarchePermis}) with their versioned form definitions. The timbres fiscaux are paid through the
 * {@code timbre} module (motif {@link DemarchePermis#motifTimbre()}). The external systems (ePhoto, examination
 * results, title production) are ports in {@code externe}, each with a real HTTP client configured by properties;
 * a demonstration server ({@code fr.gouv.fauxservices}) answers them when no address is configured.
 */
@NullMarked
package fr.gouv.guichet.permis;

import org.jspecify.annotations.NullMarked;
