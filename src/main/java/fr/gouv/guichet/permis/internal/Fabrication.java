package fr.gouv.guichet.permis.internal;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Where a validated title stands with the production service, as recorded.
 *
 * @param derniereErreur why the last attempt failed (service unreachable, refusal), in French; null when it succeeded
 */
public record Fabrication(long dossierId, Instant demandeeLe, @Nullable String numeroCommande, @Nullable Instant commandeeLe,
                          @Nullable LocalDate fabricationPrevueLe, @Nullable LocalDate livraisonPrevueLe,
                          @Nullable String numeroSuivi, @Nullable LocalDate expedieLe, int essais,
                          @Nullable String derniereErreur, @Nullable Instant erreurLe) {

    public boolean commandee() {
        return numeroCommande != null;
    }

    public boolean expediee() {
        return expedieLe != null;
    }

    private static final java.time.format.DateTimeFormatter DATE_HEURE = java.time.format.DateTimeFormatter
            .ofPattern("dd/MM/yyyy 'à' HH'h'mm").withZone(java.time.ZoneId.of("Europe/Paris"));

    public String demandeeLeAffichee() {
        return DATE_HEURE.format(demandeeLe);
    }

    public String erreurLeAffichee() {
        return erreurLe == null ? "" : DATE_HEURE.format(erreurLe);
    }
}
