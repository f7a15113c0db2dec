package fr.gouv.guichet.formulaire;

import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One field of a form definition.
 *
 * @param id                 stable identifier (ascii, snake or kebab case), unique within the form; answers are stored under it
 * @param type               kind of field
 * @param libelle            label shown to the usager
 * @param aide               hint (notice 51336 n°01), may be absent
 * @param designation        the field named inside a sentence, with its article ("le prénom du déclarant"); used to
 *                           write error messages; a {@link TypeChamp#DATE} designation is feminine ("la date …")
 * @param obligatoire        whether an answer is required (when the field is shown)
 * @param messageObligatoire message when a required answer is missing; a default is derived from the designation
 * @param options            possible answers of choice fields ({@link TypeChamp#OUI_NON} gets Oui / Non by default)
 * @param contraintes        min / max, maximum length, pattern, date bounds
 * @param condition          display condition, absent when always shown
 * @param autocomplete       HTML {@code autocomplete} token ("family-name", "tel", "postal-code"…)
 * @param verifierDepartement for {@link TypeChamp#CODE_POSTAL}: the postal code must belong to the préfecture's département
 * @param sousChamps         fields of each entry of a {@link TypeChamp#GROUPE_REPETABLE}
 * @param minOccurrences     minimum number of entries of a group
 * @param maxOccurrences     maximum number of entries of a group (0 in the JSON means 50)
 * @param libelleOccurrence  title of one entry of a group ("Agence")
 * @param libelleAjout       label of the button adding an entry ("Ajouter une agence")
 */
public record Champ(
        String id,
        TypeChamp type,
        String libelle,
        @Nullable String aide,
        @Nullable String designation,
        boolean obligatoire,
        @Nullable String messageObligatoire,
        List<Option> options,
        Contraintes contraintes,
        @Nullable Condition condition,
        @Nullable String autocomplete,
        boolean verifierDepartement,
        List<Champ> sousChamps,
        int minOccurrences,
        int maxOccurrences,
        @Nullable String libelleOccurrence,
        @Nullable String libelleAjout) {

    public static final int MAX_OCCURRENCES_PAR_DEFAUT = 50;

    private static final List<Option> OUI_NON = List.of(new Option("oui", "Oui"), new Option("non", "Non"));

    @SuppressWarnings("ConstantValue") // Jackson passes null for absent members
    public Champ {
        options = options == null || options.isEmpty() ? (type == TypeChamp.OUI_NON ? OUI_NON : List.of()) : List.copyOf(options);
        contraintes = Objects.requireNonNullElse(contraintes, Contraintes.AUCUNE);
        sousChamps = sousChamps == null ? List.of() : List.copyOf(sousChamps);
        if (type == TypeChamp.GROUPE_REPETABLE && maxOccurrences <= 0) {
            maxOccurrences = MAX_OCCURRENCES_PAR_DEFAUT;
        }
    }

    public boolean estGroupe() {
        return type == TypeChamp.GROUPE_REPETABLE;
    }

    public boolean estConditionnel() {
        return condition != null;
    }

    public Optional<Champ> sousChamp(String idSousChamp) {
        return sousChamps.stream().filter(c -> c.id().equals(idSousChamp)).findFirst();
    }

    /** Label of the option with this value, or the value itself. */
    public String libelleOption(String valeur) {
        return options.stream().filter(o -> o.valeur().equals(valeur)).map(Option::libelle).findFirst().orElse(valeur);
    }

    public boolean aPourOption(String valeur) {
        return options.stream().anyMatch(o -> o.valeur().equals(valeur));
    }

    /** The designation, or {@code la valeur du champ « libellé »} when the definition gives none. */
    public String designationOuDefaut() {
        return designation != null && !designation.isBlank() ? designation : "la valeur du champ « " + libelle + " »";
    }

    public Champ avecCondition(@Nullable Condition nouvelleCondition) {
        return new Champ(id, type, libelle, aide, designation, obligatoire, messageObligatoire, options, contraintes,
                nouvelleCondition, autocomplete, verifierDepartement, sousChamps, minOccurrences, maxOccurrences,
                libelleOccurrence, libelleAjout);
    }
}
