package fr.gouv.guichet.piece.internal;

import fr.gouv.guichet.piece.TypeContenu;
import org.jspecify.annotations.Nullable;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns a name sent by a browser into a safe display and download name: no directory part, no control or
 * bidirectional-override characters, only letters (accents included), digits, space and {@code -_.()},
 * at most {@value #LONGUEUR_MAX} characters, never empty.
 */
public final class NomsFichiers {

    public static final int LONGUEUR_MAX = 120;
    public static final String NOM_PAR_DEFAUT = "document";

    private static final Pattern EXTENSION_REMPLACABLE = Pattern.compile("[A-Za-z]{1,5}");
    private static final Pattern EXTENSION_CONSERVABLE = Pattern.compile("[\\p{L}\\p{N}]{1,10}");

    private NomsFichiers() {
    }

    /** The cleaned name, extension kept as sent. */
    public static String nettoyer(@Nullable String nom) {
        if (nom == null) {
            return NOM_PAR_DEFAUT;
        }
        String texte = Normalizer.normalize(nom, Normalizer.Form.NFC);
        texte = texte.substring(Math.max(texte.lastIndexOf('/'), texte.lastIndexOf('\\')) + 1);
        StringBuilder propre = new StringBuilder(texte.length());
        texte.codePoints().forEach(c -> {
            int categorie = Character.getType(c);
            if (categorie == Character.CONTROL || categorie == Character.FORMAT
                    || categorie == Character.PRIVATE_USE || categorie == Character.UNASSIGNED
                    || categorie == Character.SURROGATE) {
                return;
            }
            if (Character.isLetterOrDigit(c) || categorie == Character.NON_SPACING_MARK || "-_.()".indexOf(c) >= 0) {
                propre.appendCodePoint(c);
            } else {
                propre.append(' ');
            }
        });
        String resultat = elaguer(propre.toString().replaceAll(" {2,}", " "));
        if (resultat.isEmpty()) {
            return NOM_PAR_DEFAUT;
        }
        int point = resultat.lastIndexOf('.');
        if (point > 0 && EXTENSION_CONSERVABLE.matcher(resultat.substring(point + 1)).matches()) {
            return tronquer(resultat.substring(0, point), resultat.substring(point + 1));
        }
        return tronquer(resultat, null);
    }

    /**
     * The cleaned name with the extension of {@code type}: a short alphabetic extension that does not fit the type
     * is replaced ({@code photo.pdf} holding a PNG becomes {@code photo.png}); any other suffix is kept and the
     * extension appended ({@code rapport.v2} becomes {@code rapport.v2.pdf}).
     */
    public static String avecExtension(@Nullable String nom, TypeContenu type) {
        String propre = nettoyer(nom);
        String base = propre;
        String extension = type.extension();
        int point = propre.lastIndexOf('.');
        if (point > 0 && EXTENSION_REMPLACABLE.matcher(propre.substring(point + 1)).matches()) {
            String actuelle = propre.substring(point + 1);
            base = propre.substring(0, point);
            if (type.admetExtension(actuelle)) {
                extension = actuelle.toLowerCase(Locale.ROOT);
            }
        }
        return tronquer(base, extension);
    }

    private static String tronquer(String base, @Nullable String extension) {
        String suffixe = extension == null ? "" : "." + extension;
        int place = LONGUEUR_MAX - suffixe.codePointCount(0, suffixe.length());
        String debut = base;
        if (debut.codePointCount(0, debut.length()) > place) {
            debut = debut.substring(0, debut.offsetByCodePoints(0, place));
        }
        debut = elaguer(debut);
        return (debut.isEmpty() ? NOM_PAR_DEFAUT : debut) + suffixe;
    }

    /** Removes leading dots and spaces (hidden files, "..") and trailing ones (refused by Windows). */
    private static String elaguer(String texte) {
        int debut = 0;
        int fin = texte.length();
        while (debut < fin && (texte.charAt(debut) == '.' || texte.charAt(debut) == ' ')) {
            debut++;
        }
        while (fin > debut && (texte.charAt(fin - 1) == '.' || texte.charAt(fin - 1) == ' ')) {
            fin--;
        }
        return texte.substring(debut, fin);
    }
}
