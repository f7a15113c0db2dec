package fr.gouv.guichet.mediation.internal;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Set;

/**
 * The eleven public holidays of metropolitan France (code du travail L3133-1): fixed dates, plus Easter Monday,
 * Ascension and Whit Monday computed from Easter (Meeus/Jones/Butcher Gregorian algorithm). The OSM {@code PH}
 * selector is evaluated against them (Alsace-Moselle and overseas extra days are not included).
 */
public final class JoursFeries {

    private static final Set<MonthDay> FIXES = Set.of(MonthDay.of(1, 1), MonthDay.of(5, 1), MonthDay.of(5, 8),
            MonthDay.of(7, 14), MonthDay.of(8, 15), MonthDay.of(11, 1), MonthDay.of(11, 11), MonthDay.of(12, 25));

    private JoursFeries() {
    }

    public static boolean estFerie(LocalDate jour) {
        if (FIXES.contains(MonthDay.from(jour))) {
            return true;
        }
        LocalDate paques = paques(jour.getYear());
        return jour.equals(paques.plusDays(1)) || jour.equals(paques.plusDays(39)) || jour.equals(paques.plusDays(50));
    }

    static LocalDate paques(int annee) {
        int a = annee % 19;
        int b = annee / 100;
        int c = annee % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int mois = (h + l - 7 * m + 114) / 31;
        int jour = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(annee, mois, jour);
    }
}
