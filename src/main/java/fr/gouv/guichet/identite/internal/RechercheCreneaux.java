package fr.gouv.guichet.identite.internal;

import fr.gouv.guichet.identite.Mairie;
import fr.gouv.guichet.mediation.internal.Communes;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The search across town halls: those within the distance of a commune or postcode, each with its first free slots
 * from the chosen day, the earliest first. Town halls with their own booking site are listed apart, with their link.
 */
@Service
public class RechercheCreneaux {

    public static final List<Integer> RAYONS = List.of(10, 20, 50, 100);
    static final int CRENEAUX_PAR_MAIRIE = 4;

    public record Position(String libelle, double latitude, double longitude) {
    }

    public record Resultat(Mairie mairie, double distanceKm, List<Agenda.Creneau> creneaux) {
        public String distance() {
            return distanceKm < 1 ? "moins de 1 km" : String.format(Locale.FRANCE, "%.1f km", distanceKm);
        }
    }

    public record Reponse(Position depuis, List<Resultat> avecCreneaux, List<Resultat> sansCreneau, List<Resultat> autresSites) {
    }

    private final Mairies mairies;
    private final Agenda agenda;
    private final Communes communes;

    RechercheCreneaux(Mairies mairies, Agenda agenda, Communes communes) {
        this.mairies = mairies;
        this.agenda = agenda;
        this.communes = communes;
    }

    /** Where the searched commune or postcode is: the shipped communes, else an equipped town hall's commune. */
    public Optional<Position> situer(String recherche) {
        Optional<Position> commune = communes.situer(recherche).map(p -> new Position(p.libelle(), p.latitude(), p.longitude()));
        if (commune.isPresent()) {
            return commune;
        }
        String cle = cle(recherche);
        return mairies.toutes().stream().filter(m -> cle(m.commune()).equals(cle) || m.codeInsee().equals(recherche.strip()))
                .findFirst().map(m -> new Position(m.commune(), m.latitude(), m.longitude()));
    }

    public Reponse rechercher(Position depuis, int rayonKm, LocalDate aPartirDu) {
        List<Resultat> avec = new ArrayList<>();
        List<Resultat> sans = new ArrayList<>();
        List<Resultat> autres = new ArrayList<>();
        for (Mairie m : mairies.toutes()) {
            double d = distanceKm(depuis.latitude(), depuis.longitude(), m.latitude(), m.longitude());
            if (d > rayonKm) {
                continue;
            }
            if (!m.agendaGuichet()) {
                autres.add(new Resultat(m, d, List.of()));
                continue;
            }
            List<Agenda.Creneau> creneaux = agenda.libres(m, aPartirDu, aPartirDu.plusDays(Agenda.HORIZON_JOURS), CRENEAUX_PAR_MAIRIE);
            (creneaux.isEmpty() ? sans : avec).add(new Resultat(m, d, creneaux));
        }
        avec.sort(Comparator.<Resultat, java.time.LocalDateTime>comparing(r -> r.creneaux().getFirst().debut())
                .thenComparingDouble(Resultat::distanceKm));
        sans.sort(Comparator.comparingDouble(Resultat::distanceKm));
        autres.sort(Comparator.comparingDouble(Resultat::distanceKm));
        return new Reponse(depuis, avec, sans, autres);
    }

    private static String cle(String nom) {
        return java.text.Normalizer.normalize(nom, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[-'’\\s]+", " ").strip();
    }

    /** Great-circle distance in km. */
    static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
        return 6371 * 2 * Math.asin(Math.sqrt(a));
    }
}
