package fr.gouv.guichet.piece.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Sizes written the French way: "20 Mo", "23,4 Mo", "512 Ko", "300 octets" (1 Mo = 1 048 576 octets). */
public final class FormatTaille {

    private static final long KO = 1024;
    private static final long MO = 1024 * KO;

    private FormatTaille() {
    }

    /** Rounded up to one decimal, so a size just over a limit never reads as the limit itself. */
    public static String formater(long octets) {
        if (octets < KO) {
            return octets + (octets > 1 ? " octets" : " octet");
        }
        long unite = octets < MO ? KO : MO;
        BigDecimal valeur = BigDecimal.valueOf(octets).divide(BigDecimal.valueOf(unite), 1, RoundingMode.CEILING)
                .stripTrailingZeros();
        String nombre = valeur.scale() <= 0 ? valeur.toBigInteger().toString() : valeur.toPlainString().replace('.', ',');
        return nombre + (unite == MO ? " Mo" : " Ko");
    }
}
