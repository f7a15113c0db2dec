package fr.gouv.guichet.mediation.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OSM {@code opening_hours} of a place, in the realistic subset used by the lieux de médiation numérique:
 * rules separated by {@code ;}, each made of an optional day selector ({@code Mo-Fr}, {@code Mo,We}, {@code PH},
 * {@code Sa,PH}) and either time spans ({@code 08:30-12:30,13:15-16:00}) or {@code off}/{@code closed};
 * {@code 24/7}. As in OSM, a later rule replaces the earlier ones for the days it selects (so {@code PH off} at the
 * end closes public holidays). Anything else (months, weeks, school holidays, spans past midnight, comments) is
 * refused with a French reason rather than guessed. Times are local times of the place (heure de Paris).
 */
@org.springframework.modulith.NamedInterface("lieux")
public final class Horaires {

    public static final int LONGUEUR_MAX = 500;

    private static final Map<String, DayOfWeek> JOURS = Map.of("Mo", DayOfWeek.MONDAY, "Tu", DayOfWeek.TUESDAY,
            "We", DayOfWeek.WEDNESDAY, "Th", DayOfWeek.THURSDAY, "Fr", DayOfWeek.FRIDAY, "Sa", DayOfWeek.SATURDAY,
            "Su", DayOfWeek.SUNDAY);
    private static final Pattern PLAGE = Pattern.compile("(\\d{2}):(\\d{2})-(\\d{2}):(\\d{2})");
    private static final Pattern SELECTEUR = Pattern.compile("[A-Za-z]{2}([-,][A-Za-z]{2})*");

    /** One time span of a day, start included, end excluded ({@code 24:00} is the end of the day). */
    public record Plage(LocalTime debut, LocalTime fin, boolean jusquaMinuit) {

        boolean contient(LocalTime heure) {
            return !heure.isBefore(debut) && (jusquaMinuit || heure.isBefore(fin));
        }

        public String libelle() {
            return format(debut) + " à " + (jusquaMinuit ? "24 h 00" : format(fin));
        }

        private static String format(LocalTime t) {
            return String.format(Locale.ROOT, "%d h %02d", t.getHour(), t.getMinute());
        }
    }

    private record Regle(Set<DayOfWeek> jours, boolean feries, boolean tousLesJours, List<Plage> plages) {

        boolean selectionne(LocalDate date) {
            return tousLesJours || jours.contains(date.getDayOfWeek()) || (feries && JoursFeries.estFerie(date));
        }
    }

    private final String texte;
    private final List<Regle> regles;

    private Horaires(String texte, List<Regle> regles) {
        this.texte = texte;
        this.regles = regles;
    }

    public static Horaires lire(String texte) throws HorairesInvalides {
        String t = texte.strip();
        if (t.isEmpty()) {
            throw new HorairesInvalides("horaires vides");
        }
        if (t.length() > LONGUEUR_MAX) {
            throw new HorairesInvalides("horaires trop longs (" + LONGUEUR_MAX + " caractères au plus)");
        }
        List<Regle> regles = new ArrayList<>();
        for (String morceau : t.split(";")) {
            String regle = morceau.strip();
            if (!regle.isEmpty()) {
                regles.add(regle(regle));
            }
        }
        if (regles.isEmpty()) {
            throw new HorairesInvalides("aucune règle d’horaires");
        }
        return new Horaires(t, List.copyOf(regles));
    }

    private static Regle regle(String regle) throws HorairesInvalides {
        if (regle.equals("24/7")) {
            return new Regle(Set.of(), false, true, List.of(new Plage(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, true)));
        }
        String[] mots = regle.split("\\s+", 2);
        Set<DayOfWeek> jours = EnumSet.noneOf(DayOfWeek.class);
        boolean feries = false;
        boolean tous = true;
        String reste = regle;
        if (SELECTEUR.matcher(mots[0]).matches() && !mots[0].equalsIgnoreCase("off") ) {
            tous = false;
            for (String element : mots[0].split(",")) {
                if (element.equals("PH")) {
                    feries = true;
                } else {
                    jours.addAll(jours(element, regle));
                }
            }
            reste = mots.length > 1 ? mots[1].strip() : "";
        }
        if (reste.isEmpty()) {
            return new Regle(jours, feries, tous, List.of(new Plage(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, true)));
        }
        if (reste.equals("off") || reste.equals("closed")) {
            return new Regle(jours, feries, tous, List.of());
        }
        return new Regle(jours, feries, tous, plages(reste.replaceAll("\\s*,\\s*", ","), regle));
    }

    private static Set<DayOfWeek> jours(String element, String regle) throws HorairesInvalides {
        String[] bornes = element.split("-");
        DayOfWeek debut = jour(bornes[0], regle);
        if (bornes.length == 1) {
            return EnumSet.of(debut);
        }
        DayOfWeek fin = jour(bornes[1], regle);
        Set<DayOfWeek> jours = EnumSet.noneOf(DayOfWeek.class);
        for (DayOfWeek j = debut; ; j = j.plus(1)) {
            jours.add(j);
            if (j == fin) {
                return jours;
            }
        }
    }

    private static DayOfWeek jour(String code, String regle) throws HorairesInvalides {
        DayOfWeek jour = JOURS.get(code);
        if (jour == null) {
            throw new HorairesInvalides("jour « " + code + " » non reconnu dans « " + regle
                    + " » (attendu : Mo, Tu, We, Th, Fr, Sa, Su ou PH)");
        }
        return jour;
    }

    private static List<Plage> plages(String texte, String regle) throws HorairesInvalides {
        List<Plage> plages = new ArrayList<>();
        for (String p : texte.split(",")) {
            Matcher m = PLAGE.matcher(p);
            if (!m.matches()) {
                throw new HorairesInvalides("plage « " + p + " » non reconnue dans « " + regle
                        + " » (attendu : HH:MM-HH:MM, off ou closed)");
            }
            LocalTime debut = heure(m.group(1), m.group(2), false, regle);
            boolean minuit = m.group(3).equals("24") && m.group(4).equals("00");
            LocalTime fin = minuit ? LocalTime.MIDNIGHT : heure(m.group(3), m.group(4), true, regle);
            if (!minuit && !fin.isAfter(debut)) {
                throw new HorairesInvalides("plage « " + p + " » : la fin doit suivre le début le même jour");
            }
            plages.add(new Plage(debut, fin, minuit));
        }
        return List.copyOf(plages);
    }

    private static LocalTime heure(String h, String m, boolean fin, String regle) throws HorairesInvalides {
        int heures = Integer.parseInt(h);
        int minutes = Integer.parseInt(m);
        if (heures > 23 || minutes > 59) {
            throw new HorairesInvalides("heure « " + h + ":" + m + " » impossible dans « " + regle + " »");
        }
        return LocalTime.of(heures, minutes);
    }

    /** The spans of that date: those of the last rule selecting it, none if no rule does. */
    public List<Plage> plages(LocalDate date) {
        List<Plage> resultat = List.of();
        for (Regle r : regles) {
            if (r.selectionne(date)) {
                resultat = r.plages();
            }
        }
        return resultat;
    }

    public boolean ouvertLe(LocalDate date) {
        return !plages(date).isEmpty();
    }

    public boolean ouvertA(LocalDateTime moment) {
        return plages(moment.toLocalDate()).stream().anyMatch(p -> p.contient(moment.toLocalTime()));
    }

    public String texte() {
        return texte;
    }
}
