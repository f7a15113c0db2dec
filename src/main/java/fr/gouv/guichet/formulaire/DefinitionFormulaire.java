package fr.gouv.guichet.formulaire;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * One version of a form (e.g. CERFA 13806*04): pages → sections → fields, plus form-level rules.
 * Immutable; a dossier stays pinned to the {@code id} + {@code version} it was started on.
 *
 * @param id      stable form id, e.g. {@code cerfa-13806}
 * @param version version, e.g. {@code 04}
 * @param titre   title shown to the usager
 * @param cerfa   CERFA number with its version, e.g. {@code 13806*04}
 * @param pages   the screens, in order
 * @param regles  form-level rules (may be empty)
 */
public record DefinitionFormulaire(
        String id, String version, String titre, String cerfa, List<Page> pages, List<RegleFormulaire> regles) {

    @SuppressWarnings("ConstantValue")
    public DefinitionFormulaire {
        pages = pages == null ? List.of() : List.copyOf(pages);
        regles = regles == null ? List.of() : List.copyOf(regles);
    }

    /** {@code id/version}, e.g. {@code cerfa-13806/04}. */
    public String cle() {
        return id + "/" + version;
    }

    /** All top-level fields, in display order (sub-fields of groups excluded). */
    public List<Champ> champs() {
        return pages.stream().flatMap(p -> p.champs().stream()).toList();
    }

    public Optional<Champ> champ(String champId) {
        return champs().stream().filter(c -> c.id().equals(champId)).findFirst();
    }

    public Optional<Page> page(String pageId) {
        return pages.stream().filter(p -> p.id().equals(pageId)).findFirst();
    }

    public Page pageOuErreur(String pageId) {
        return page(pageId).orElseThrow(() -> new NoSuchElementException(
                "Le formulaire " + cle() + " n'a pas de page « " + pageId + " »."));
    }

    public Optional<Page> pageDuChamp(String champId) {
        return pages.stream().filter(p -> p.contient(champId)).findFirst();
    }

    /** Position (0-based) of a page, -1 when unknown. */
    public int indexDePage(String pageId) {
        for (int i = 0; i < pages.size(); i++) {
            if (pages.get(i).id().equals(pageId)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Whether a field is shown for these answers: it has no condition, or its condition holds and the field it
     * refers to is itself shown. Conditions are acyclic (checked by the catalogue).
     */
    public boolean estVisible(Champ champ, Reponses reponses) {
        Condition condition = champ.condition();
        if (condition == null) {
            return true;
        }
        Optional<Champ> reference = champ(condition.champ());
        return reference.isPresent() && estVisible(reference.get(), reponses) && condition.estSatisfaite(reponses);
    }

    /**
     * Whether the page renders a field: always when its condition refers to a field of the same page (the browser
     * script hides it, and without JavaScript it is shown with its "À remplir seulement si …" hint); when the
     * condition refers to another page, only if it holds for the dossier's answers.
     */
    public boolean estAffiche(Page page, Champ champ, Reponses reponses) {
        Condition condition = champ.condition();
        if (condition == null) {
            return true;
        }
        if (page.contient(condition.champ())) {
            return champ(condition.champ()).map(reference -> estAffiche(page, reference, reponses)).orElse(false);
        }
        return estVisible(champ, reponses);
    }

    /** Shown fields of a page, in display order. */
    public List<Champ> champsVisibles(Page page, Reponses reponses) {
        return page.champs().stream().filter(c -> estVisible(c, reponses)).toList();
    }
}
