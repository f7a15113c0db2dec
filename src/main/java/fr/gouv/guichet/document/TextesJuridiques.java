package fr.gouv.guichet.document;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The legal texts the acts cite (visas, articles, grounds of refusal, recourse mentions), read from the one place
 * they are written: {@code actes/textes-juridiques.csv}, each with its source and the date it was last checked.
 * Templates and the Java code of the acts never write an article number themselves ({@code TextesJuridiquesTest}).
 *
 * <p>In templates, {@code textes['clé']} gives the text cut in segments so that an article number is never split
 * across lines (fragment {@code pdf/commun :: texte}); an unknown key stops the rendering instead of printing nothing.
 */
public final class TextesJuridiques {

    public static final String RESSOURCE = "actes/textes-juridiques.csv";

    /** An article number as acts print it: L251-1, R252-15, R112-11-1, L. 254-1. */
    public static final Pattern ARTICLE = Pattern.compile("\\b[LRD]\\.?\\s?\\d{3}-\\d+(?:-\\d+)?\\b");

    private static final Pattern CLE = Pattern.compile("[a-z0-9]+(?:[.-][a-zA-Z0-9_]+)+");

    /**
     * @param cle         e.g. "csi.visa.arrete"
     * @param article     the article alone when the text is one item of a list (grounds of refusal), else empty
     * @param texte       as printed
     * @param source      where it was read
     * @param verifieLe   when it was last checked against its source
     */
    public record Texte(String cle, String article, String texte, String source, LocalDate verifieLe) {
    }

    private static final Map<String, Texte> TEXTES = charger();

    private TextesJuridiques() {
    }

    public static Texte get(String cle) {
        Texte texte = TEXTES.get(cle);
        if (texte == null) {
            throw new IllegalArgumentException("Texte juridique inconnu : " + cle + " (voir " + RESSOURCE + ")");
        }
        return texte;
    }

    /** The text as printed. */
    public static String texte(String cle) {
        return get(cle).texte();
    }

    public static List<Texte> tous() {
        return List.copyOf(TEXTES.values());
    }

    /**
     * The template variable {@code textes}: key → segments ({@code texte}, {@code article}: whether the segment is an
     * article number, kept on one line). Asking for an unknown key throws.
     */
    static Map<String, List<Map<String, Object>>> variables() {
        return VARIABLES;
    }

    private static final Map<String, List<Map<String, Object>>> VARIABLES = new Strict();

    /** Cuts a text around its article numbers. */
    static List<Map<String, Object>> segments(String texte) {
        List<Map<String, Object>> segments = new ArrayList<>();
        Matcher m = ARTICLE.matcher(texte);
        int debut = 0;
        while (m.find()) {
            if (m.start() > debut) {
                segments.add(Map.of("texte", texte.substring(debut, m.start()), "article", false));
            }
            segments.add(Map.of("texte", m.group(), "article", true));
            debut = m.end();
        }
        if (debut < texte.length()) {
            segments.add(Map.of("texte", texte.substring(debut), "article", false));
        }
        return List.copyOf(segments);
    }

    private static final class Strict extends AbstractMap<String, List<Map<String, Object>>> {

        private final Map<String, List<Map<String, Object>>> segments = new LinkedHashMap<>();

        Strict() {
            TEXTES.forEach((cle, t) -> segments.put(cle, segments(t.texte())));
        }

        @Override
        public List<Map<String, Object>> get(Object cle) {
            List<Map<String, Object>> s = segments.get(cle);
            if (s == null) {
                throw new IllegalArgumentException("Texte juridique inconnu : " + cle + " (voir " + RESSOURCE + ")");
            }
            return s;
        }

        @Override
        public boolean containsKey(Object cle) {
            return segments.containsKey(cle);
        }

        @Override
        public Set<Entry<String, List<Map<String, Object>>>> entrySet() {
            return Collections.unmodifiableMap(segments).entrySet();
        }
    }

    static Map<String, Texte> charger() {
        return textes(DonneesVersionnees.lire(RESSOURCE, 5));
    }

    /** Parses the file (see {@link DonneesVersionnees}): key, article, text, source, date checked. */
    static Map<String, Texte> lire(String contenu) {
        return textes(DonneesVersionnees.lignes(RESSOURCE, contenu, 5));
    }

    private static Map<String, Texte> textes(List<List<String>> lignes) {
        Map<String, Texte> textes = new LinkedHashMap<>();
        for (List<String> champs : lignes) {
            String cle = champs.get(0);
            if (!CLE.matcher(cle).matches()) {
                throw new IllegalStateException(RESSOURCE + " : clé invalide « " + cle + " »");
            }
            if (champs.get(2).isEmpty() || champs.get(3).isEmpty()) {
                throw new IllegalStateException(RESSOURCE + ", « " + cle + " » : texte et source obligatoires");
            }
            LocalDate verifieLe;
            try {
                verifieLe = LocalDate.parse(champs.get(4));
            } catch (DateTimeParseException e) {
                throw new IllegalStateException(RESSOURCE + ", « " + cle + " » : date de vérification invalide", e);
            }
            if (textes.put(cle, new Texte(cle, champs.get(1), champs.get(2), champs.get(3), verifieLe)) != null) {
                throw new IllegalStateException(RESSOURCE + " : clé en double « " + cle + " »");
            }
        }
        return Collections.unmodifiableMap(textes);
    }
}
