package fr.gouv.guichet.formulaire;

import java.util.List;

/** One screen of a form. */
public record Page(String id, String titre, List<Section> sections) {

    @SuppressWarnings("ConstantValue")
    public Page {
        sections = sections == null ? List.of() : List.copyOf(sections);
    }

    /** The top-level fields of the page, in display order. */
    public List<Champ> champs() {
        return sections.stream().flatMap(s -> s.champs().stream()).toList();
    }

    public boolean contient(String champId) {
        return champs().stream().anyMatch(c -> c.id().equals(champId));
    }
}
