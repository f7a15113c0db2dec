/**
 * Electronic timbres fiscaux, for any procedure that asks for one: the number ({@link NumeroTimbre}), the dated
 * amounts by motif ({@link BaremeTimbres}, one CSV per procedure under {@code tarifs-timbres/}), the external
 * service ({@link ServiceTimbres}, real HTTP client configured by {@code guichet.timbres.*}, demonstration server
 * by default) and the payment ({@link PaiementsTimbres}: reserve, consume exactly once, release, recorded in the
 * database so that a timbre never pays two dossiers). Names no procedure: the procedure passes its motif.
 */
@NullMarked
package fr.gouv.guichet.timbre;

import org.jspecify.annotations.NullMarked;
