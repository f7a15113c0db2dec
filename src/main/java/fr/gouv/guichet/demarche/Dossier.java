package fr.gouv.guichet.demarche;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * A dossier, pinned to the form definition version it was started on.
 *
 * @param reponses        the answers as stored (JSON): strings, lists of strings, lists of maps
 * @param completLe       since when the deposited dossier is complete (start of the implicit-decision clock), if it is
 * @param joursSuspension days the implicit-rejection clock was suspended by answered requests for documents (CRPA L114-5)
 */
public record Dossier(long id, @Nullable String numero, @Nullable Long usagerId, String codeDepartement, String demarche,
                      String formulaireId, String formulaireVersion, Map<String, Object> reponses, Etat etat,
                      @Nullable String referenceAutorisation, @Nullable LocalDate dateArrete, boolean prioritaire,
                      Instant creeLe, Instant modifieLe, @Nullable Instant deposeLe, int version,
                      @Nullable Instant completLe, int joursSuspension) {

    public boolean estBrouillon() {
        return etat.estBrouillon();
    }
}
