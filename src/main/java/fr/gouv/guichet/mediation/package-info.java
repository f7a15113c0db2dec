/**
 * Help places (points numériques of préfectures and sous-préfectures, espaces numériques of partners) stored in the
 * national "lieux de médiation numérique" data schema: CSV import (all or nothing), the OSM {@code opening_hours}
 * of each place, and the public search by commune or postcode, distance, opening, services and accessibility.
 */
@NullMarked
package fr.gouv.guichet.mediation;

import org.jspecify.annotations.NullMarked;
