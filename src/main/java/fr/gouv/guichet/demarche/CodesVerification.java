package fr.gouv.guichet.demarche;

import java.security.SecureRandom;

/**
 * Short public codes printed on official documents: 12 characters from an alphabet without look-alikes
 * (about 60 bits of randomness: not guessable), shown as {@code XXXX-XXXX-XXXX}.
 */
public final class CodesVerification {

    private static final String ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789";
    private static final SecureRandom ALEA = new SecureRandom();

    private CodesVerification() {
    }

    public static String nouveau() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(ALEA.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    public static String normaliser(String saisi) {
        String brut = saisi.strip().toUpperCase().replace("-", "").replace(" ", "");
        if (brut.length() != 12) {
            return brut;
        }
        return brut.substring(0, 4) + "-" + brut.substring(4, 8) + "-" + brut.substring(8);
    }

    public static boolean aLaBonneForme(String saisi) {
        return normaliser(saisi).matches("[" + ALPHABET + "]{4}-[" + ALPHABET + "]{4}-[" + ALPHABET + "]{4}");
    }
}
