package fr.gouv.guichet.immatriculation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A number of the national series {@code AA-123-AA} (SIV, since 15 April 2009), in chronological order from
 * {@code AA-001-AA}: the digits run from 001 to 999, then the right-hand letters, then the left-hand ones. Rules of
 * {@code shared/domain/titres.md}: the letters I, O and U are never used, the pair "SS" is excluded on both sides,
 * "WW" on the left is reserved to temporary numbers. {@link #deRang(long)} gives the number of each rank of the
 * series, so that the allocation only has to hand out ranks once (a database sequence, see the migration).
 */
public record NumeroImmatriculation(String valeur) {

    /** The 23 letters the series uses. */
    static final String LETTRES = "ABCDEFGHJKLMNPQRSTVWXYZ";
    private static final Pattern FORMAT = Pattern.compile("([A-Z]{2})-(\\d{3})-([A-Z]{2})");
    private static final List<String> PAIRES_GAUCHE = paires(true);
    private static final List<String> PAIRES_DROITE = paires(false);

    /** Number of ranks in the series. */
    public static final long TAILLE_SERIE = (long) PAIRES_GAUCHE.size() * PAIRES_DROITE.size() * 999;

    public NumeroImmatriculation {
        var m = FORMAT.matcher(valeur);
        if (!m.matches() || !PAIRES_GAUCHE.contains(m.group(1)) || !PAIRES_DROITE.contains(m.group(3))
                || m.group(2).equals("000")) {
            throw new IllegalArgumentException("Numéro d’immatriculation hors de la série nationale : " + valeur);
        }
    }

    /** The number of this rank (0 is {@code AA-001-AA}). */
    public static NumeroImmatriculation deRang(long rang) {
        if (rang < 0 || rang >= TAILLE_SERIE) {
            throw new IllegalArgumentException("Rang hors de la série : " + rang);
        }
        int chiffres = (int) (rang % 999) + 1;
        long reste = rang / 999;
        String droite = PAIRES_DROITE.get((int) (reste % PAIRES_DROITE.size()));
        String gauche = PAIRES_GAUCHE.get((int) (reste / PAIRES_DROITE.size()));
        return new NumeroImmatriculation(gauche + "-" + String.format("%03d", chiffres) + "-" + droite);
    }

    /** The rank of this number in the series (inverse of {@link #deRang(long)}). */
    public long rang() {
        String[] parts = valeur.split("-");
        return ((long) PAIRES_GAUCHE.indexOf(parts[0]) * PAIRES_DROITE.size() + PAIRES_DROITE.indexOf(parts[2])) * 999
                + Integer.parseInt(parts[1]) - 1;
    }

    /** Whether {@code texte} (spaces and dashes ignored, any case) is a number of the series; null-safe normalisation. */
    public static java.util.Optional<NumeroImmatriculation> lire(String texte) {
        String s = texte.strip().toUpperCase(java.util.Locale.ROOT).replaceAll("[\\s-]", "");
        if (s.length() != 7) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(new NumeroImmatriculation(s.substring(0, 2) + "-" + s.substring(2, 5) + "-" + s.substring(5)));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    private static List<String> paires(boolean gauche) {
        List<String> paires = new ArrayList<>();
        for (char a : LETTRES.toCharArray()) {
            for (char b : LETTRES.toCharArray()) {
                String p = "" + a + b;
                if (!p.equals("SS") && !(gauche && p.equals("WW"))) {
                    paires.add(p);
                }
            }
        }
        return List.copyOf(paires);
    }

    @Override
    public String toString() {
        return valeur;
    }
}
