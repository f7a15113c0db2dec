package fr.gouv.fauxservices;

import java.util.List;

/**
 * The codes and numbers the demonstration server knows from its start (also printed in the README). Dates are
 * relative to the server's clock, so a valid code stays valid whatever the day of the demonstration.
 */
public final class JeuDeDemonstration {

    /** ePhoto codes taken 10 days ago: photo and signature given. */
    public static final List<String> EPHOTO_VALIDES = List.of("DEMOEPHOTOVALIDE000001", "DEMOEPHOTOVALIDE000002",
            "DEMOEPHOTOVALIDE000003");
    /** Taken 7 months ago: refused as expired (a code is valid 6 months). */
    public static final String EPHOTO_EXPIRE = "DEMOEPHOTOEXPIRE000001";
    /** Valid, but already used for another dossier ({@value #DOSSIER_ANCIEN}). */
    public static final String EPHOTO_DEJA_UTILISE = "DEMOEPHOTODEJAUTIL0001";
    /** Well formed, unknown. */
    public static final String EPHOTO_INCONNU = "DEMOEPHOTOINCONNU00001";
    public static final String DOSSIER_ANCIEN = "DEMO-DOSSIER-ANCIEN";

    /** 25 € timbres bought 3 days ago. */
    public static final List<String> TIMBRES_25_EUROS = List.of("2500000000000001", "2500000000000002",
            "2500000000000003", "2500000000000004", "2500000000000005");
    /** Any 16-digit number beginning with these digits is a 25 € timbre bought today (to try again and again). */
    public static final String PREFIXE_TIMBRES_25_EUROS_A_VOLONTE = "2525";
    /**
     * Any 16-digit number beginning with one of these prefixes is a passport timbre of that amount bought today:
     * {@code 8686…} 86 € (adult), {@code 4242…} 42 € (15 to 17), {@code 1717…} 17 € (under 15). A CNI lost or stolen
     * takes a 25 € timbre ({@value #PREFIXE_TIMBRES_25_EUROS_A_VOLONTE}…).
     */
    public static final java.util.Map<String, String> PREFIXES_TIMBRES_PASSEPORT_A_VOLONTE = java.util.Map.of(
            "8686", "86.00", "4242", "42.00", "1717", "17.00");
    /** An 86 € timbre (passport): its amount does not pay a licence procedure. */
    public static final String TIMBRE_86_EUROS = "8600000000000001";
    /** Bought 13 months ago: expired (12 months). */
    public static final String TIMBRE_EXPIRE = "2500000000009001";
    /** Already consumed by another dossier. */
    public static final String TIMBRE_DEJA_UTILISE = "2500000000009002";
    /** Refunded. */
    public static final String TIMBRE_REMBOURSE = "2500000000009003";
    /** Well formed, unknown. */
    public static final String TIMBRE_INCONNU = "1234567890123456";

    /** NEPH with results: Camille DUPONT passed B; Léa MARTIN passed A2 then B; Paul BERNARD passed nothing yet. */
    public static final String NEPH_B = "250683010042";
    public static final String NEPH_A2_B = "240133050007";
    public static final String NEPH_SANS_REUSSITE = "250875010001";
    public static final String NEPH_INCONNU = "260113010099";

    private JeuDeDemonstration() {
    }
}
