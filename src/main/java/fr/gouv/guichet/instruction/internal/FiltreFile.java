package fr.gouv.guichet.instruction.internal;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

/**
 * What the agent filters the queue on; every field is optional except the service and the tab. {@code departement}
 * narrows the queue of a service serving several départements (a CERT) to one of them.
 */
public record FiltreFile(String service, Onglet onglet, @Nullable String demarche, @Nullable String commune,
                         @Nullable Boolean prioritaire, @Nullable LocalDate deposeDu, @Nullable LocalDate deposeAu,
                         @Nullable String recherche, @Nullable Boolean nouveaux, @Nullable String departement) {

    public FiltreFile(String service, Onglet onglet, @Nullable String demarche, @Nullable String commune,
                      @Nullable Boolean prioritaire, @Nullable LocalDate deposeDu, @Nullable LocalDate deposeAu,
                      @Nullable String recherche, @Nullable Boolean nouveaux) {
        this(service, onglet, demarche, commune, prioritaire, deposeDu, deposeAu, recherche, nouveaux, null);
    }
}
