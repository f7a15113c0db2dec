package fr.gouv.guichet.tiers.internal;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * A dossier a company filed for a client, with the mandate it holds; {@code etat} and {@code numero} are the dossier's.
 *
 * @param lieu where the collaborator acted from (network prefix of the request), for the fraud rules
 */
public record Depot(long id, long entreprise, @Nullable Long collaborateur, long dossier, String demarche, String clientNom,
                    String clientPrenoms, String clientEmail, String clientAdresse, String mandatMode, String mandatSha256,
                    String lieu, Instant deposeLe, @Nullable Instant opposeLe, @Nullable String motifOpposition,
                    @Nullable String numero, @Nullable String etat) {

    public String client() {
        return clientPrenoms + " " + clientNom;
    }
}
