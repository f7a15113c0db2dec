package fr.gouv.guichet.formulaire.internal;

import fr.gouv.guichet.formulaire.Champ;
import fr.gouv.guichet.formulaire.DefinitionFormulaire;
import fr.gouv.guichet.formulaire.ErreurChamp;
import fr.gouv.guichet.formulaire.RegleFormulaire;
import fr.gouv.guichet.formulaire.Reponses;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Evaluates form-level rules. */
public final class EvaluateurRegles {

    private EvaluateurRegles() {
    }

    /**
     * The rule's error, if it is broken. A rule is not evaluated while one of its fields already has an error
     * ({@code champsEnErreur}: ids, group fields as {@code groupe[i].sous_champ}) or holds something not a number.
     */
    public static Optional<ErreurChamp> evaluer(DefinitionFormulaire definition, RegleFormulaire regle, Reponses reponses,
                                                List<String> champsEnErreur) {
        return switch (regle) {
            case RegleFormulaire.SommeMin somme -> evaluerSomme(definition, somme, reponses, champsEnErreur);
        };
    }

    /** The ids a rule reads (for a group member {@code groupe.sous_champ}, the group id). */
    public static List<String> champsLus(RegleFormulaire regle) {
        return switch (regle) {
            case RegleFormulaire.SommeMin somme -> somme.champs().stream().map(c -> c.split("\\.", 2)[0]).toList();
        };
    }

    private static Optional<ErreurChamp> evaluerSomme(DefinitionFormulaire definition, RegleFormulaire.SommeMin regle,
                                                      Reponses reponses, List<String> champsEnErreur) {
        boolean dejaEnErreur = champsLus(regle).stream().anyMatch(id -> champsEnErreur.stream()
                .anyMatch(e -> e.equals(id) || e.startsWith(id + "[")));
        if (dejaEnErreur) {
            return Optional.empty();
        }
        long total = 0;
        for (String membre : regle.champs()) {
            OptionalLong valeur = valeur(definition, membre, reponses);
            if (valeur.isEmpty()) {
                return Optional.empty();
            }
            total += valeur.getAsLong();
        }
        return total >= regle.min() ? Optional.empty() : Optional.of(new ErreurChamp(regle.champ(), regle.message()));
    }

    private static OptionalLong valeur(DefinitionFormulaire definition, String membre, Reponses reponses) {
        String[] parties = membre.split("\\.", 2);
        Optional<Champ> champ = definition.champ(parties[0]);
        if (champ.isEmpty() || !definition.estVisible(champ.get(), reponses)) {
            return OptionalLong.of(0);
        }
        if (parties.length == 1) {
            return entier(reponses.texte(parties[0]));
        }
        long total = 0;
        for (Map<String, String> entree : reponses.groupes(parties[0])) {
            OptionalLong valeur = entier(entree.getOrDefault(parties[1], ""));
            if (valeur.isEmpty()) {
                return valeur;
            }
            total += valeur.getAsLong();
        }
        return OptionalLong.of(total);
    }

    /** Blank is 0; not a number is empty. */
    private static OptionalLong entier(String texte) {
        if (texte.isBlank()) {
            return OptionalLong.of(0);
        }
        try {
            return OptionalLong.of(Long.parseLong(texte.strip()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
