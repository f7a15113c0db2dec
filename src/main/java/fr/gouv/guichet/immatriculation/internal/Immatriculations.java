package fr.gouv.guichet.immatriculation.internal;

import fr.gouv.guichet.immatriculation.NumeroImmatriculation;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a registration number as typed: the national series, or the old FNI format {@code 1234 AB 83}. */
final class Immatriculations {

    private static final Pattern FNI = Pattern.compile("(\\d{1,4})([A-Z]{1,3})(\\d{2}|2A|2B|97\\d)");

    private Immatriculations() {
    }

    static Optional<String> normaliser(String saisie) {
        if (saisie.length() > 20) {
            return Optional.empty();
        }
        Optional<NumeroImmatriculation> siv = NumeroImmatriculation.lire(saisie);
        if (siv.isPresent()) {
            return Optional.of(siv.get().valeur());
        }
        Matcher m = FNI.matcher(saisie.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s-]", ""));
        return m.matches() ? Optional.of(m.group(1) + " " + m.group(2) + " " + m.group(3)) : Optional.empty();
    }
}
