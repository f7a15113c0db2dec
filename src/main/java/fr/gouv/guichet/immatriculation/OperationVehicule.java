package fr.gouv.guichet.immatriculation;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** One line of a vehicle's history in the register. */
public record OperationVehicule(long id, String type, Instant moment, String detail, @Nullable Long dossierId) {
}
