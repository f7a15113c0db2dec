package fr.gouv.guichet.signalement;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A signal a rule asks to raise: bounded, so that no rule can flood the table or the page.
 *
 * @param regle       lower-case code of the rule, 2 to 60 letters, digits or dashes
 * @param objet       what was found (1 to 200 characters); with the dossier and the rule, it identifies the signal
 * @param explication 1 to 1 000 characters, in French, saying what was found and why it matters
 * @param details     at most {@value #DETAILS_MAX} lines of at most {@value #TEXTE_MAX} characters
 */
public record NouveauSignal(long dossierId, String regle, String objet, String explication, Map<String, String> details) {

    public static final int DETAILS_MAX = 10;
    public static final int TEXTE_MAX = 300;
    private static final Pattern REGLE = Pattern.compile("[a-z][a-z0-9-]{1,59}");

    public NouveauSignal {
        if (!REGLE.matcher(regle).matches()) {
            throw new IllegalArgumentException("Code de règle invalide : " + regle);
        }
        if (objet.isBlank() || objet.length() > 200) {
            throw new IllegalArgumentException("Objet du signal : 1 à 200 caractères");
        }
        if (explication.isBlank() || explication.length() > 1000) {
            throw new IllegalArgumentException("Explication du signal : 1 à 1 000 caractères");
        }
        if (details.size() > DETAILS_MAX || details.entrySet().stream()
                .anyMatch(e -> e.getKey().isBlank() || e.getKey().length() > TEXTE_MAX || e.getValue().length() > TEXTE_MAX)) {
            throw new IllegalArgumentException("Détails du signal : " + DETAILS_MAX + " lignes de " + TEXTE_MAX + " caractères au plus");
        }
        details = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }
}
