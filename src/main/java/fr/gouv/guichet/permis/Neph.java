package fr.gouv.guichet.permis;

import org.jspecify.annotations.Nullable;

import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A NEPH (numéro d'enregistrement préfectoral harmonisé), the candidate's file number kept for life: 12 digits
 * = year (2) and month (2) of registration, département (2), préfecture or sous-préfecture (2), order of the
 * registration in that month (4). The layout comes from commercial sources only ({@code titres.md} [S]); the
 * checks here are the ones the layout implies: 12 digits, a month 01–12, a département other than 00, an order
 * other than 0000. A NEPH typed by a person that fails them is not rejected by the procedures (the field is not
 * mandatory online): {@link #depuisSaisie} simply gives nothing and the text is kept as typed.
 */
public record Neph(String valeur) {

    private static final Pattern DOUZE_CHIFFRES = Pattern.compile("\\d{12}");

    /**
     * The two digits "préfecture" of the NEPH Guichet gives: {@code 01} for every département. The only source of the
     * layout ({@code titres.md}, [39], commercial sites) says "préfecture (2)" and nothing about how préfectures and
     * sous-préfectures are numbered within a département; the département's two digits are those of the département
     * where the inscription is deposited ({@link #departementSurDeuxChiffres}). Kept in this one place (ADR 0021) until
     * a source gives the numbering; NEPH typed by people keep whatever digits they carry.
     */
    public static final int PREFECTURE_SANS_SOURCE = 1;

    public Neph {
        String probleme = probleme(valeur);
        if (probleme != null) {
            throw new IllegalArgumentException("NEPH invalide « " + valeur + " » : " + probleme);
        }
    }

    /**
     * The NEPH given to a new registration.
     *
     * @param mois        month of the registration
     * @param departement département on two digits, see {@link #departementSurDeuxChiffres(String)}
     * @param prefecture  code of the préfecture or sous-préfecture, 1 to 99
     * @param rang        order of the registration in the month, 1 to 9999
     */
    public static Neph attribuer(YearMonth mois, String departement, int prefecture, int rang) {
        if (prefecture < 1 || prefecture > 99) {
            throw new IllegalArgumentException("Code de préfecture hors de 1–99 : " + prefecture);
        }
        if (rang < 1 || rang > 9999) {
            throw new IllegalArgumentException("Rang d'inscription hors de 1–9999 : " + rang + " (mois complet)");
        }
        return new Neph(String.format("%02d%02d%s%02d%04d", mois.getYear() % 100, mois.getMonthValue(),
                departementSurDeuxChiffres(departement), prefecture, rang));
    }

    /**
     * A département code on the two digits of a NEPH: metropolitan codes as they are, Corsica (2A, 2B) as 20,
     * overseas (971…976) as 97. Assumption: the sources do not say how the two digits are written for Corsica and
     * overseas [U]; change it here only.
     */
    public static String departementSurDeuxChiffres(String codeDepartement) {
        String code = codeDepartement.strip().toUpperCase();
        if (code.equals("2A") || code.equals("2B")) {
            return "20";
        }
        if (code.matches("97\\d")) {
            return "97";
        }
        if (code.matches("\\d{2}") && !code.equals("00")) {
            return code;
        }
        throw new IllegalArgumentException("Code de département inconnu pour un NEPH : " + codeDepartement);
    }

    /** Reads a NEPH typed by a person (spaces removed); empty when it does not have the expected layout. */
    public static Optional<Neph> depuisSaisie(String saisie) {
        String chiffres = saisie.replaceAll("[\\s\\u00A0\\u202F.-]", "");
        return probleme(chiffres) == null ? Optional.of(new Neph(chiffres)) : Optional.empty();
    }

    /** Why this text is not a NEPH, in French, or null when it is one. */
    public static @Nullable String probleme(@Nullable String valeur) {
        if (valeur == null || !DOUZE_CHIFFRES.matcher(valeur).matches()) {
            return "un NEPH compte exactement 12 chiffres";
        }
        int mois = Integer.parseInt(valeur.substring(2, 4));
        if (mois < 1 || mois > 12) {
            return "les chiffres 3 et 4 (mois de l'inscription) doivent être compris entre 01 et 12";
        }
        if (valeur.startsWith("00", 4)) {
            return "les chiffres 5 et 6 (département) ne peuvent pas valoir 00";
        }
        if (valeur.endsWith("0000")) {
            return "les 4 derniers chiffres (rang de l'inscription dans le mois) ne peuvent pas valoir 0000";
        }
        return null;
    }

    /** Month of the registration (years 00–99 read as 2000–2099: NEPH from the last century are not expected here). */
    public YearMonth moisInscription() {
        return YearMonth.of(2000 + Integer.parseInt(valeur.substring(0, 2)), Integer.parseInt(valeur.substring(2, 4)));
    }

    public String departement() {
        return valeur.substring(4, 6);
    }

    public String prefecture() {
        return valeur.substring(6, 8);
    }

    public int rang() {
        return Integer.parseInt(valeur.substring(8));
    }

    /** Grouped as printed: {@code 2611 83 01 0042}. */
    public String pourAffichage() {
        return valeur.substring(0, 4) + " " + departement() + " " + prefecture() + " " + valeur.substring(8);
    }

    @Override
    public String toString() {
        return valeur;
    }
}
