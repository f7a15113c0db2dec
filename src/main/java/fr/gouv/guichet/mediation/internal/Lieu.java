package fr.gouv.guichet.mediation.internal;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.List;

/**
 * A help place, field for field as in the national "schéma de données des lieux de médiation numérique"
 * (lists — courriels, site_web, services, prise_en_charge_specifique — separated by {@code |} in the CSV).
 */
public record Lieu(String id, @Nullable String pivot, String nom, String commune, String codePostal,
                   @Nullable String codeInsee, String adresse, @Nullable String complementAdresse,
                   double latitude, double longitude, @Nullable String typologie, @Nullable String telephone,
                   List<String> courriels, List<String> siteWeb, @Nullable String horaires,
                   @Nullable String presentationResume, @Nullable String presentationDetail, @Nullable String source,
                   @Nullable String itinerance, @Nullable String structureParente, @Nullable LocalDate dateMaj,
                   List<String> services, List<String> priseEnChargeSpecifique, @Nullable String ficheAccesLibre) {

    public Lieu {
        courriels = List.copyOf(courriels);
        siteWeb = List.copyOf(siteWeb);
        services = List.copyOf(services);
        priseEnChargeSpecifique = List.copyOf(priseEnChargeSpecifique);
    }

    /** Parsed hours, or null when the place publishes none (it is then never "open" in a search). */
    public @Nullable Horaires horairesLus() {
        if (horaires == null) {
            return null;
        }
        try {
            return Horaires.lire(horaires);
        } catch (HorairesInvalides e) {
            return null;
        }
    }
}
