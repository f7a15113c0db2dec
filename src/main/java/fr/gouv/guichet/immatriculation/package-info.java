/**
 * Vehicle registration (issue 13): the vehicle register behind {@link RegistreVehicules} (a database implementation
 * stands for the national register in the demonstration), the sale declaration with its {@link CodeCession}, the
 * change of holder paid online, the change of address, the duplicate, the national series of
 * {@link NumeroImmatriculation numbers}, the dated taxes, the lifecycle of the dossiers ({@link CycleImmatriculation})
 * instructed by the CERT competent for the holder's département, and "Mes véhicules".
 */
@NullMarked
package fr.gouv.guichet.immatriculation;

import org.jspecify.annotations.NullMarked;
