package fr.gouv.guichet.demarche;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * A line of "Mes dossiers": what the list shows, without the answers.
 *
 * @param service the name of the service instructeur fixed at the deposit; null for a draft
 */
public record ResumeDossier(long id, @Nullable String numero, String codeDepartement, String demarche, Etat etat,
                            Instant modifieLe, @Nullable String service) {

    public boolean estBrouillon() {
        return etat.estBrouillon();
    }
}
