package fr.gouv.guichet.instruction.internal;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

/** What the agent filters the queue on; every field is optional except the préfecture and the tab. */
public record FiltreFile(String codeDepartement, Onglet onglet, @Nullable String demarche, @Nullable String commune,
                         @Nullable Boolean prioritaire, @Nullable LocalDate deposeDu, @Nullable LocalDate deposeAu,
                         @Nullable String recherche, @Nullable Boolean nouveaux) {
}
