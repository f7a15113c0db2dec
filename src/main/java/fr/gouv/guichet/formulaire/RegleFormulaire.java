package fr.gouv.guichet.formulaire;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.util.List;

/**
 * A form-level rule involving several fields, declared in the definition's {@code regles}. Its error is reported on
 * {@link #champ()} (and on the page holding that field).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes(@JsonSubTypes.Type(value = RegleFormulaire.SommeMin.class, name = "sommeMin"))
public sealed interface RegleFormulaire {

    /** The field the error is attached to. */
    String champ();

    String message();

    /**
     * The sum of integer fields must reach {@code min}. Hidden or empty fields count as 0. A member may name a
     * sub-field of a repeatable group as {@code groupe.sous_champ}: its values over all entries are added.
     */
    record SommeMin(List<String> champs, long min, String champ, String message) implements RegleFormulaire {

        @SuppressWarnings("ConstantValue")
        public SommeMin {
            champs = champs == null ? List.of() : List.copyOf(champs);
        }
    }
}
