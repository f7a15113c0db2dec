package fr.gouv.guichet.mediation.internal;

import org.springframework.stereotype.Service;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The public search of help places, nearest first. */
@Service
public class RechercheLieux {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final int RESULTATS_MAX = 50;
    private static final double RAYON_TERRE_KM = 6371.0;

    public record Resultat(Lieu lieu, double distanceKm) {

        public String distance() {
            return distanceKm < 1 ? "moins de 1 km" : String.format(java.util.Locale.FRANCE, "%.1f km", distanceKm);
        }
    }

    public sealed interface Reponse {
    }

    public record Trouves(Communes.Position depuis, List<Resultat> resultats) implements Reponse {
    }

    public record LieuInconnu(String recherche) implements Reponse {
    }

    private final LieuRepository lieux;
    private final Communes communes;

    RechercheLieux(LieuRepository lieux, Communes communes) {
        this.lieux = lieux;
        this.communes = communes;
    }

    public Optional<Lieu> lieu(String id) {
        return id.length() > 100 ? Optional.empty() : lieux.parId(id);
    }

    public Reponse rechercher(CritereRecherche critere, LocalDateTime maintenant) {
        Optional<Communes.Position> depuis = communes.situer(critere.lieu()).or(() -> parLesLieux(critere.lieu()));
        if (depuis.isEmpty()) {
            return new LieuInconnu(critere.lieu());
        }
        Communes.Position p = depuis.get();
        double dLat = Math.toDegrees(critere.rayonKm() / RAYON_TERRE_KM);
        double dLon = dLat / Math.max(0.01, Math.cos(Math.toRadians(p.latitude())));
        List<Resultat> resultats = lieux.dansLeCadre(p.latitude() - dLat, p.latitude() + dLat, p.longitude() - dLon,
                        p.longitude() + dLon).stream()
                .map(l -> new Resultat(l, distanceKm(p.latitude(), p.longitude(), l.latitude(), l.longitude())))
                .filter(r -> r.distanceKm() <= critere.rayonKm())
                .filter(r -> convient(r.lieu(), critere, maintenant))
                .sorted(Comparator.comparingDouble(Resultat::distanceKm).thenComparing(r -> r.lieu().nom()))
                .limit(RESULTATS_MAX)
                .toList();
        return new Trouves(p, resultats);
    }

    static boolean convient(Lieu lieu, CritereRecherche c, LocalDateTime maintenant) {
        if (!lieu.services().containsAll(c.services())) {
            return false;
        }
        if (c.accessibilite() != null && !lieu.priseEnChargeSpecifique().contains(c.accessibilite())) {
            return false;
        }
        Horaires h = lieu.horairesLus();
        if (c.ouvertMaintenant() && (h == null || !h.ouvertA(maintenant))) {
            return false;
        }
        if (c.jour() != null) {
            if (h == null) {
                return false;
            }
            return c.heure() == null ? h.ouvertLe(c.jour()) : h.ouvertA(c.jour().atTime(c.heure()));
        }
        return true;
    }

    /** Position of a commune or postcode missing from the referential: the mean of its recorded places. */
    private Optional<Communes.Position> parLesLieux(String recherche) {
        String r = recherche.strip();
        List<Lieu> trouves = r.matches("\\d{5}") ? lieux.parCodePostal(r) : lieux.parCommune(r);
        if (trouves.isEmpty()) {
            return Optional.empty();
        }
        double lat = trouves.stream().mapToDouble(Lieu::latitude).average().orElseThrow();
        double lon = trouves.stream().mapToDouble(Lieu::longitude).average().orElseThrow();
        return Optional.of(new Communes.Position(trouves.getFirst().commune() + " (" + trouves.getFirst().codePostal() + ")", lat, lon));
    }

    /** Great-circle distance (haversine). */
    static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * RAYON_TERRE_KM * Math.asin(Math.sqrt(a));
    }
}
