/**
 * Ports to the external systems of the driving licence, one interface each: {@link ServicePhotos} (ePhoto),
 * {@link ResultatsExamen} (who passed which category when),
 * {@link ProductionTitres} (title production and shipping). A call either answers, is refused for a business
 * reason ({@link RefusServiceExterneException}, one {@link Refus} per reason, with its French message) or fails
 * because the system is unreachable ({@code externe.ServiceExterneIndisponibleException}, French message saying
 * nothing was lost). The timbres fiscaux are the {@code timbre} module's. The domain never knows whether the real system or the demonstration server answers.
 */
@NullMarked
package fr.gouv.guichet.permis.externe;

import org.jspecify.annotations.NullMarked;
