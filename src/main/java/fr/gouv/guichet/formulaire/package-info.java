/**
 * Generic form engine: versioned CERFA definitions read from {@code classpath:formulaires/*.json},
 * answers ({@link fr.gouv.guichet.formulaire.Reponses}), server-side validation
 * ({@link fr.gouv.guichet.formulaire.MoteurValidation}) and the shape of an expected document
 * ({@link fr.gouv.guichet.formulaire.PieceAttendue}; each procedure derives its own list). Other features only use this package;
 * {@code internal} is an implementation detail.
 */
@NullMarked
package fr.gouv.guichet.formulaire;

import org.jspecify.annotations.NullMarked;
