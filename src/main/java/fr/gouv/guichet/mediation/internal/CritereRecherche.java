package fr.gouv.guichet.mediation.internal;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;

/**
 * What the usager searches: around a commune or postcode, within a radius, optionally open now (at {@code maintenant},
 * Paris time) or open on a given day (at a given hour, if any), offering every listed service and the listed
 * specific support (accessibility).
 */
public record CritereRecherche(String lieu, int rayonKm, boolean ouvertMaintenant, @Nullable LocalDate jour,
                               @Nullable LocalTime heure, Set<String> services, @Nullable String accessibilite) {

    public static final Set<Integer> RAYONS = Set.of(5, 10, 20, 50, 100);

    public CritereRecherche {
        services = Set.copyOf(services);
    }
}
