package fr.gouv.guichet.immatriculation;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * The code de cession the seller hands to the buyer, in one place: its format and its lifetime. {@code titres.md}
 * (SIV part, sources [37], marked conflicting): "5 alphanumeric characters, valid 15 days" (the buyer then has one
 * month from the sale to register). The alphabet leaves out characters read one for another (0/O, 1/I/L, U/V) so that
 * a code copied by hand is read right; it is shown only on screen, and only its digest is stored.
 */
public record CodeCession(String valeur) {

    public static final int LONGUEUR = 5;
    public static final Duration VALIDITE = Duration.ofDays(15);
    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTWXYZ";
    private static final SecureRandom ALEA = new SecureRandom();

    public CodeCession {
        if (valeur.length() != LONGUEUR || !valeur.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            throw new IllegalArgumentException("Code de cession mal formé");
        }
    }

    public static CodeCession nouveau() {
        StringBuilder s = new StringBuilder(LONGUEUR);
        for (int i = 0; i < LONGUEUR; i++) {
            s.append(ALPHABET.charAt(ALEA.nextInt(ALPHABET.length())));
        }
        return new CodeCession(s.toString());
    }

    /** What a person typed (spaces ignored, any case), if it has the code's format. */
    public static Optional<CodeCession> lire(String saisie) {
        String s = saisie.strip().replace(" ", "").toUpperCase(Locale.ROOT);
        try {
            return Optional.of(new CodeCession(s));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The stored digest, bound to the vehicle (the same code on two vehicles gives two digests). */
    public String empreinte(String immatriculation) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest((immatriculation + ":" + valeur).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "CodeCession[*****]";
    }
}
