package fr.gouv.guichet.demarche;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** A line of "Mes dossiers": what the list shows, without the answers. */
public record ResumeDossier(long id, @Nullable String numero, String codeDepartement, String demarche, Etat etat,
                            Instant modifieLe) {

    public boolean estBrouillon() {
        return etat.estBrouillon();
    }
}
