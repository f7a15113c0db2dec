package fr.gouv.guichet.formulaire;

import fr.gouv.guichet.formulaire.internal.EvaluateurRegles;
import fr.gouv.guichet.formulaire.internal.Textes;
import fr.gouv.guichet.formulaire.internal.ValidateurValeur;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one validation engine of all forms. Stateless. Fields hidden by their condition are not validated. Pass the
 * dossier's full answers (all pages merged), so that conditions and rules about other pages are evaluated.
 */
@Component
public class MoteurValidation {

    /** Errors of one page, in display order; a form-level rule is checked on the page of the field it reports on. */
    public List<ErreurChamp> validerPage(DefinitionFormulaire definition, String pageId, Reponses reponses,
                                         ContexteValidation contexte) {
        return valider(definition, List.of(definition.pageOuErreur(pageId)), reponses, contexte);
    }

    /** Errors of every page, in display order (before the final "valider"). */
    public List<ErreurChamp> validerTout(DefinitionFormulaire definition, Reponses reponses, ContexteValidation contexte) {
        return valider(definition, definition.pages(), reponses, contexte);
    }

    /** First message per field id, in order: what the {@code champ} / {@code page} fragments expect as {@code erreurs}. */
    public static Map<String, String> parChamp(List<ErreurChamp> erreurs) {
        Map<String, String> parChamp = new LinkedHashMap<>();
        erreurs.forEach(e -> parChamp.putIfAbsent(e.champId(), e.message()));
        return parChamp;
    }

    private List<ErreurChamp> valider(DefinitionFormulaire definition, List<Page> pages, Reponses reponses,
                                      ContexteValidation contexte) {
        List<ErreurChamp> erreurs = new ArrayList<>();
        for (Page page : pages) {
            for (Champ champ : page.champs()) {
                if (definition.estVisible(champ, reponses)) {
                    erreurs.addAll(validerChamp(champ, reponses, contexte));
                }
                for (RegleFormulaire regle : definition.regles()) {
                    if (regle.champ().equals(champ.id())) {
                        List<String> enErreur = erreurs.stream().map(ErreurChamp::champId).toList();
                        EvaluateurRegles.evaluer(definition, regle, reponses, enErreur).ifPresent(erreurs::add);
                    }
                }
            }
        }
        return List.copyOf(erreurs);
    }

    private List<ErreurChamp> validerChamp(Champ champ, Reponses reponses, ContexteValidation contexte) {
        return switch (champ.type()) {
            case GROUPE_REPETABLE -> validerGroupe(champ, reponses.groupes(champ.id()), contexte);
            case CHOIX_MULTIPLE -> {
                List<String> cochees = reponses.liste(champ.id());
                String message = cochees.isEmpty() ? (champ.obligatoire() ? messageObligatoire(champ) : null)
                        : ValidateurValeur.verifierListe(champ, cochees);
                yield message == null ? List.of() : List.of(new ErreurChamp(champ.id(), message));
            }
            default -> {
                String message = validerValeur(champ, reponses.texte(champ.id()), contexte);
                yield message == null ? List.of() : List.of(new ErreurChamp(champ.id(), message));
            }
        };
    }

    private @Nullable String validerValeur(Champ champ, String valeur, ContexteValidation contexte) {
        if (valeur.isBlank()) {
            return champ.obligatoire() ? messageObligatoire(champ) : null;
        }
        return ValidateurValeur.verifier(champ, valeur.strip(), contexte);
    }

    private List<ErreurChamp> validerGroupe(Champ groupe, List<Map<String, String>> entrees, ContexteValidation contexte) {
        List<ErreurChamp> erreurs = new ArrayList<>();
        String occurrence = groupe.libelleOccurrence() != null ? groupe.libelleOccurrence() : "Entrée";
        int minimum = Math.max(groupe.minOccurrences(), groupe.obligatoire() ? 1 : 0);
        if (entrees.size() < minimum) {
            String message = groupe.contraintes().messageMin() != null ? groupe.contraintes().messageMin()
                    : "Ajoutez au moins " + minimum + " « " + Textes.minuscule(occurrence) + " » pour " + groupe.designationOuDefaut()
                    + " : remplissez le cadre vide puis enregistrez.";
            erreurs.add(new ErreurChamp(groupe.id(), message));
        }
        if (entrees.size() > groupe.maxOccurrences()) {
            String message = groupe.contraintes().messageMax() != null ? groupe.contraintes().messageMax()
                    : "Vous ne pouvez pas indiquer plus de " + groupe.maxOccurrences() + " « " + Textes.minuscule(occurrence)
                    + " » : retirez-en " + (entrees.size() - groupe.maxOccurrences()) + ".";
            erreurs.add(new ErreurChamp(groupe.id(), message));
        }
        for (int i = 0; i < entrees.size(); i++) {
            Map<String, String> entree = entrees.get(i);
            for (Champ sousChamp : groupe.sousChamps()) {
                String message = validerValeur(sousChamp, entree.getOrDefault(sousChamp.id(), ""), contexte);
                if (message != null) {
                    erreurs.add(new ErreurChamp(groupe.id() + "[" + i + "]." + sousChamp.id(),
                            occurrence + " " + (i + 1) + " : " + Textes.minuscule(message)));
                }
            }
        }
        return erreurs;
    }

    private static String messageObligatoire(Champ champ) {
        if (champ.messageObligatoire() != null) {
            return champ.messageObligatoire();
        }
        if (champ.type() == TypeChamp.CHOIX_MULTIPLE) {
            return "Cochez au moins une réponse pour « " + champ.libelle() + " ».";
        }
        return champ.designation() != null ? "Indiquez " + champ.designation() + "." : "Renseignez le champ « " + champ.libelle() + " ».";
    }
}
