package fr.gouv.guichet.formulaire;

import fr.gouv.guichet.formulaire.internal.LecteurParametres;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The answers of a dossier (or of one page), keyed by field id. A value is a {@code String} (text, number, date,
 * single choice), a {@code List<String>} (multiple choice) or a {@code List<Map<String, String>>} (entries of a
 * repeatable group, keyed by sub-field id). Immutable: every change returns a new instance. Serialise
 * {@link #valeurs()} as JSON to store a draft.
 */
public record Reponses(Map<String, Object> valeurs) {

    private static final Reponses VIDE = new Reponses(Map.of());

    public Reponses {
        Map<String, Object> copie = new LinkedHashMap<>();
        valeurs.forEach((id, valeur) -> copie.put(id, copier(id, valeur)));
        valeurs = Collections.unmodifiableMap(copie);
    }

    public static Reponses vide() {
        return VIDE;
    }

    /**
     * The answers of one page, read from HTTP request parameters: strings are trimmed, an unticked checkbox group
     * gives an empty list, group entries are posted as {@code agences[0].nom}, {@code agences[1].code_postal}…
     * (entries left entirely blank are dropped), and fields hidden by their condition are dropped. A condition
     * about a field of another page cannot be evaluated here, so such fields are kept: prefer
     * {@link #depuisFormulaire(DefinitionFormulaire, Page, Map, Reponses)}.
     */
    public static Reponses depuisFormulaire(DefinitionFormulaire definition, Page page, Map<String, String[]> parametresHttp) {
        return LecteurParametres.lire(definition, page, parametresHttp, null);
    }

    /** Same, evaluating conditions against {@code existantes} (the dossier's answers) merged with the page. */
    public static Reponses depuisFormulaire(
            DefinitionFormulaire definition, Page page, Map<String, String[]> parametresHttp, Reponses existantes) {
        return LecteurParametres.lire(definition, page, parametresHttp, existantes);
    }

    /**
     * Whether some text (of a field, a ticked value or a repeated entry) exceeds {@link Contraintes#LONGUEUR_ABSOLUE}:
     * such answers are never saved (issue 10, point 4), the page shows the field's message instead.
     */
    public boolean depasseLongueurAbsolue() {
        return valeurs.values().stream().anyMatch(Reponses::tropLong);
    }

    private static boolean tropLong(@Nullable Object valeur) {
        return switch (valeur) {
            case String texte -> texte.length() > Contraintes.LONGUEUR_ABSOLUE;
            case java.util.Collection<?> elements -> elements.stream().anyMatch(Reponses::tropLong);
            case Map<?, ?> entree -> entree.values().stream().anyMatch(Reponses::tropLong);
            case null, default -> false;
        };
    }

    /** The text answer, {@code ""} when absent or not a text. */
    public String texte(String id) {
        return valeurs.get(id) instanceof String s ? s : "";
    }

    /** The ticked values of a multiple choice, empty when absent. */
    @SuppressWarnings("unchecked")
    public List<String> liste(String id) {
        if (valeurs.get(id) instanceof List<?> liste && liste.stream().allMatch(String.class::isInstance)) {
            return (List<String>) liste;
        }
        return List.of();
    }

    /** The entries of a repeatable group, empty when absent. */
    @SuppressWarnings("unchecked")
    public List<Map<String, String>> groupes(String id) {
        if (valeurs.get(id) instanceof List<?> liste && liste.stream().allMatch(Map.class::isInstance)) {
            return (List<Map<String, String>>) liste;
        }
        return List.of();
    }

    /** Whether the field has a non-blank text, a non-empty list or at least one entry. */
    public boolean estRenseigne(String id) {
        Object valeur = valeurs.get(id);
        if (valeur instanceof String s) {
            return !s.isBlank();
        }
        return valeur instanceof List<?> liste && !liste.isEmpty();
    }

    public boolean contient(String id) {
        return valeurs.containsKey(id);
    }

    public Set<String> ids() {
        return valeurs.keySet();
    }

    public Reponses avec(String id, Object valeur) {
        Map<String, Object> copie = new LinkedHashMap<>(valeurs);
        copie.put(id, valeur);
        return new Reponses(copie);
    }

    public Reponses sans(String id) {
        Map<String, Object> copie = new LinkedHashMap<>(valeurs);
        copie.remove(id);
        return new Reponses(copie);
    }

    /** These answers overwritten by {@code autres} (typically: the dossier's answers, then a freshly posted page). */
    public Reponses fusionner(Reponses autres) {
        Map<String, Object> copie = new LinkedHashMap<>(valeurs);
        copie.putAll(autres.valeurs);
        return new Reponses(copie);
    }

    /**
     * Keeps only the fields of the definition that are shown for these answers: call it after
     * {@link #fusionner(Reponses)}, so an answer made hidden by a change on another page is not kept.
     */
    public Reponses nettoyer(DefinitionFormulaire definition) {
        Map<String, Object> copie = new LinkedHashMap<>();
        for (Champ champ : definition.champs()) {
            if (valeurs.containsKey(champ.id()) && definition.estVisible(champ, this)) {
                copie.put(champ.id(), valeurs.get(champ.id()));
            }
        }
        return new Reponses(copie);
    }

    /** Without the entry {@code index} of a group (the "Retirer" button of an entry). */
    public Reponses sansOccurrence(String groupeId, int index) {
        List<Map<String, String>> entrees = new ArrayList<>(groupes(groupeId));
        if (index < 0 || index >= entrees.size()) {
            return this;
        }
        entrees.remove(index);
        return avec(groupeId, entrees);
    }

    /** The entries of a group to render: the existing ones plus one empty entry while the maximum is not reached. */
    public List<Map<String, String>> occurrencesAffichees(Champ groupe) {
        List<Map<String, String>> entrees = new ArrayList<>(groupes(groupe.id()));
        if (entrees.size() < groupe.maxOccurrences()) {
            entrees.add(Map.of());
        }
        while (entrees.size() < groupe.minOccurrences()) {
            entrees.add(Map.of());
        }
        return List.copyOf(entrees);
    }

    private static Object copier(String id, @Nullable Object valeur) {
        if (valeur instanceof String s) {
            return s;
        }
        if (valeur instanceof List<?> liste) {
            if (liste.stream().allMatch(String.class::isInstance)) {
                return liste.stream().map(String.class::cast).toList();
            }
            if (liste.stream().allMatch(Map.class::isInstance)) {
                return liste.stream().map(m -> copierEntree(id, (Map<?, ?>) m)).toList();
            }
        }
        throw new IllegalArgumentException("Valeur non prise en charge pour le champ " + id
                + " : attendu un texte, une liste de textes ou une liste d'entrées (" + valeur + ").");
    }

    private static Map<String, String> copierEntree(String id, Map<?, ?> entree) {
        if (!entree.entrySet().stream().allMatch(e -> e.getKey() instanceof String && e.getValue() instanceof String)) {
            throw new IllegalArgumentException("Entrée non prise en charge pour le groupe " + id + " : " + entree);
        }
        return Collections.unmodifiableMap(entree.entrySet().stream().collect(Collectors.toMap(
                e -> (String) e.getKey(), e -> (String) e.getValue(), (a, b) -> b, LinkedHashMap::new)));
    }
}
