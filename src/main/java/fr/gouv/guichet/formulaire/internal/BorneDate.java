package fr.gouv.guichet.formulaire.internal;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;

/** A date bound of a definition: an ISO date, {@code aujourdhui}, or {@code aujourdhui+P5Y} / {@code aujourdhui-P1M}. */
public final class BorneDate {

    private static final String AUJOURDHUI = "aujourdhui";

    private BorneDate() {
    }

    /** @throws IllegalArgumentException when the bound is not written as documented */
    public static LocalDate resoudre(String borne, LocalDate aujourdhui) {
        String b = borne.strip();
        try {
            if (b.equals(AUJOURDHUI)) {
                return aujourdhui;
            }
            if (b.startsWith(AUJOURDHUI + "+")) {
                return aujourdhui.plus(Period.parse(b.substring(AUJOURDHUI.length() + 1)));
            }
            if (b.startsWith(AUJOURDHUI + "-")) {
                return aujourdhui.minus(Period.parse(b.substring(AUJOURDHUI.length() + 1)));
            }
            return LocalDate.parse(b);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Borne de date illisible : « " + borne
                    + " » (attendu 2024-01-31, aujourdhui, aujourdhui+P5Y ou aujourdhui-P1M).", e);
        }
    }
}
