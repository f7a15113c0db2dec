package fr.gouv.guichet.immatriculation;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** One line of a vehicle's history in the register. */
public record OperationVehicule(long id, String type, Instant moment, String detail, @Nullable Long dossierId) {

    /** The operation in words, for the holder's page (the register's code if it is not one of Guichet's). */
    public String libelle() {
        return switch (type) {
            case "IMMATRICULATION" -> "Immatriculation";
            case "CESSION" -> "Déclaration de cession";
            case "CHANGEMENT_TITULAIRE" -> "Changement de titulaire";
            case "CHANGEMENT_ADRESSE" -> "Changement d’adresse";
            case "DUPLICATA" -> "Duplicata du certificat";
            default -> type;
        };
    }
}
