package fr.gouv.guichet.tiers.internal;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * A dossier a company filed for a client, with the mandate it holds; {@code etat} and {@code numero} are the dossier's.
 *
 * @param lieu            where the collaborator acted from (network prefix of the request), for the fraud rules
 * @param immatriculation the vehicle of a change of holder
 * @param adresseConnue   whether the address reference knows the client's address (null: not checked)
 * @param transmisLe      when the dossier was deposited (null while a change of holder waits for its payment)
 */
public record Depot(long id, long entreprise, @Nullable Long collaborateur, long dossier, String demarche, String clientNom,
                    String clientPrenoms, String clientEmail, String clientAdresse, String mandatMode, String mandatSha256,
                    String lieu, Instant deposeLe, @Nullable Instant opposeLe, @Nullable String motifOpposition,
                    @Nullable String numero, @Nullable String etat, @Nullable String immatriculation,
                    @Nullable Boolean adresseConnue, @Nullable Instant transmisLe) {

    public String client() {
        return clientPrenoms + " " + clientNom;
    }
}
