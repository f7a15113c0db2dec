/**
 * Carte nationale d'identité et passeport (issue 14): the online pré-demande (a procedure of the platform, its
 * versioned form, its {@link NumeroPreDemande}), the town halls equipped with a dispositif de recueil (each one a
 * service instructeur), their agendas and the appointments — one active appointment per pré-demande nationally and
 * one booking per slot, both guaranteed by database constraints —, the town hall's counter and the public waiting
 * times.
 */
@NullMarked
package fr.gouv.guichet.identite;

import org.jspecify.annotations.NullMarked;
