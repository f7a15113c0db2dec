package fr.gouv.guichet.formulaire;

import org.jspecify.annotations.Nullable;

import java.util.List;

/** A group of fields rendered as one fieldset with a heading. */
public record Section(String id, String titre, @Nullable String aide, List<Champ> champs) {

    @SuppressWarnings("ConstantValue")
    public Section {
        champs = champs == null ? List.of() : List.copyOf(champs);
    }
}
