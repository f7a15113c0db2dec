/**
 * Generic form engine: versioned CERFA definitions read from {@code classpath:formulaires/*.json},
 * answers ({@link fr.gouv.guichet.formulaire.Reponses}), server-side validation
 * ({@link fr.gouv.guichet.formulaire.MoteurValidation}) and the list of expected documents
 * ({@link fr.gouv.guichet.formulaire.PiecesAttendues}). Other features only use this package;
 * {@code internal} is an implementation detail.
 */
@NullMarked
package fr.gouv.guichet.formulaire;

import org.jspecify.annotations.NullMarked;
