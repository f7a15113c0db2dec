/**
 * The external systems of vehicle registration, one interface each: the online payment provider
 * ({@link PrestatairePaiement}) and the production of registration certificates ({@link ProductionCertificats}).
 * Their real clients speak HTTP ({@link ClientHttp}); with no configured address, the embedded default starts the
 * demonstration server {@code fr.gouv.fauxservices.ServeurDemoImmatriculation}.
 */
@NullMarked
package fr.gouv.guichet.immatriculation.externe;

import org.jspecify.annotations.NullMarked;
