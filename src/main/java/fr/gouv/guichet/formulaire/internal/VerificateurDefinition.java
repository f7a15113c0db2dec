package fr.gouv.guichet.formulaire.internal;

import fr.gouv.guichet.formulaire.Champ;
import fr.gouv.guichet.formulaire.Condition;
import fr.gouv.guichet.formulaire.Contraintes;
import fr.gouv.guichet.formulaire.DefinitionFormulaire;
import fr.gouv.guichet.formulaire.DefinitionFormulaireInvalideException;
import fr.gouv.guichet.formulaire.Option;
import fr.gouv.guichet.formulaire.Page;
import fr.gouv.guichet.formulaire.RegleFormulaire;
import fr.gouv.guichet.formulaire.Section;
import fr.gouv.guichet.formulaire.TypeChamp;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks a definition when the catalogue loads it and fails fast listing every problem. Also writes the
 * "À remplir seulement si …" text of conditions the JSON leaves without one.
 */
public final class VerificateurDefinition {

    public static final int NOMBRE_DE_PAGES = 3;
    private static final Pattern IDENTIFIANT = Pattern.compile("^[a-z0-9][a-z0-9_-]*$");

    private final DefinitionFormulaire definition;
    private final String origine;
    private final List<String> problemes = new ArrayList<>();
    private final Map<String, Champ> champs = new HashMap<>();

    private VerificateurDefinition(DefinitionFormulaire definition, String origine) {
        this.definition = definition;
        this.origine = origine;
    }

    /** @return the definition with condition texts filled in */
    public static DefinitionFormulaire verifier(DefinitionFormulaire definition, String origine) {
        return new VerificateurDefinition(definition, origine).verifier();
    }

    private DefinitionFormulaire verifier() {
        exiger(nonVide(definition.id()) && IDENTIFIANT.matcher(definition.id()).matches(),
                "l'identifiant du formulaire doit être en minuscules ascii (lettres, chiffres, _ ou -)");
        exiger(nonVide(definition.version()), "la version est obligatoire");
        exiger(nonVide(definition.titre()), "le titre est obligatoire");
        exiger(nonVide(definition.cerfa()), "le numéro CERFA est obligatoire");
        exiger(definition.pages().size() == NOMBRE_DE_PAGES,
                "le formulaire doit avoir exactement " + NOMBRE_DE_PAGES + " pages (il en a " + definition.pages().size() + ")");
        Set<String> idsStructure = new HashSet<>();
        for (Page page : definition.pages()) {
            exiger(nonVide(page.id()) && idsStructure.add("page:" + page.id()), "page sans identifiant ou en double : " + page.id());
            exiger(nonVide(page.titre()), "la page " + page.id() + " n'a pas de titre");
            exiger(!page.sections().isEmpty(), "la page " + page.id() + " n'a aucune section");
            for (Section section : page.sections()) {
                exiger(nonVide(section.id()) && idsStructure.add("section:" + section.id()),
                        "section sans identifiant ou en double : " + section.id());
                exiger(!section.champs().isEmpty(), "la section " + section.id() + " n'a aucun champ");
                section.champs().forEach(c -> verifierChamp(c, "", champs));
            }
        }
        definition.champs().forEach(this::verifierCondition);
        definition.champs().forEach(c -> verifierAcyclique(c, new HashSet<>()));
        definition.regles().forEach(this::verifierRegle);
        if (!problemes.isEmpty()) {
            throw new DefinitionFormulaireInvalideException("Définition de formulaire invalide " + definition.id() + "/"
                    + definition.version() + " (" + origine + ") :\n - " + String.join("\n - ", problemes));
        }
        return avecTextesDeCondition();
    }

    private void verifierChamp(Champ champ, String prefixe, Map<String, Champ> dejaVus) {
        String nom = prefixe + champ.id();
        exiger(nonVide(champ.id()) && IDENTIFIANT.matcher(champ.id()).matches(),
                "identifiant de champ invalide « " + nom + " » (minuscules ascii, chiffres, _ ou -)");
        exiger(champ.type() != null, "le champ " + nom + " n'a pas de type");
        exiger(dejaVus.putIfAbsent(champ.id(), champ) == null, "identifiant de champ en double : " + nom);
        exiger(nonVide(champ.libelle()), "le champ " + nom + " n'a pas de libellé");
        if (champ.type() == null) {
            return;
        }
        if (champ.type().exigeDesOptions()) {
            exiger(!champ.options().isEmpty(), "le champ " + nom + " (" + champ.type() + ") doit avoir des options");
        } else if (champ.type() != TypeChamp.OUI_NON) {
            exiger(champ.options().isEmpty(), "le champ " + nom + " (" + champ.type() + ") ne prend pas d'options");
        }
        Set<String> valeurs = new HashSet<>();
        for (Option option : champ.options()) {
            exiger(nonVide(option.valeur()) && valeurs.add(option.valeur()) && nonVide(option.libelle()),
                    "option vide ou en double dans " + nom + " : " + option.valeur());
        }
        exiger(!champ.verifierDepartement() || champ.type() == TypeChamp.CODE_POSTAL,
                "verifierDepartement ne vaut que pour un CODE_POSTAL (" + nom + ")");
        verifierContraintes(champ, nom);
        if (champ.estGroupe()) {
            exiger(!champ.sousChamps().isEmpty(), "le groupe " + nom + " n'a pas de sousChamps");
            exiger(champ.minOccurrences() >= 0 && champ.minOccurrences() <= champ.maxOccurrences(),
                    "minOccurrences/maxOccurrences incohérents pour " + nom);
            Map<String, Champ> sousIds = new HashMap<>();
            for (Champ sousChamp : champ.sousChamps()) {
                verifierChamp(sousChamp, nom + ".", sousIds);
                exiger(sousChamp.type() != TypeChamp.GROUPE_REPETABLE && sousChamp.type() != TypeChamp.CHOIX_MULTIPLE,
                        "un sous-champ ne peut être ni un groupe ni un choix multiple (" + nom + "." + sousChamp.id() + ")");
                exiger(sousChamp.condition() == null, "un sous-champ ne peut pas avoir de condition (" + nom + "." + sousChamp.id() + ")");
            }
        } else {
            exiger(champ.sousChamps().isEmpty(), "seul un GROUPE_REPETABLE a des sousChamps (" + nom + ")");
        }
    }

    private void verifierContraintes(Champ champ, String nom) {
        Contraintes c = champ.contraintes();
        if (c.motif() != null) {
            try {
                Pattern.compile(c.motif());
            } catch (PatternSyntaxException e) {
                problemes.add("motif invalide pour " + nom + " : " + e.getDescription());
            }
            exiger(nonVide(c.messageMotif()), "un motif doit avoir son messageMotif (" + nom + ")");
        }
        exiger(c.min() == null || c.max() == null || c.min() <= c.max(), "min > max pour " + nom);
        exiger((c.min() == null && c.max() == null) || champ.type() == TypeChamp.NOMBRE, "min/max ne valent que pour un NOMBRE (" + nom + ")");
        exiger(c.longueurMax() == null || c.longueurMax() > 0, "longueurMax doit être positive (" + nom + ")");
        exiger(c.longueurMax() == null || c.longueurMax() <= Contraintes.LONGUEUR_ABSOLUE,
                "longueurMax ne peut dépasser " + Contraintes.LONGUEUR_ABSOLUE + " (" + nom + ")");
        for (String borne : new String[] {c.dateMin(), c.dateMax()}) {
            if (borne != null) {
                exiger(champ.type() == TypeChamp.DATE, "dateMin/dateMax ne valent que pour une DATE (" + nom + ")");
                try {
                    BorneDate.resoudre(borne, LocalDate.now());
                } catch (IllegalArgumentException e) {
                    problemes.add(e.getMessage() + " (" + nom + ")");
                }
            }
        }
    }

    private void verifierCondition(Champ champ) {
        Condition condition = champ.condition();
        if (condition == null) {
            return;
        }
        String nom = champ.id();
        exiger(condition.nombreDeCriteres() == 1, "la condition de " + nom + " doit avoir exactement un critère "
                + "parmi egal, different, contient, superieurA");
        Champ reference = champs.get(condition.champ());
        if (reference == null || reference == champ || definition.champ(condition.champ()).isEmpty()) {
            problemes.add("la condition de " + nom + " fait référence à un champ inconnu : " + condition.champ());
            return;
        }
        exiger(!reference.estGroupe(), "la condition de " + nom + " ne peut pas porter sur un groupe");
        if (condition.contient() != null) {
            exiger(reference.type() == TypeChamp.CHOIX_MULTIPLE, "« contient » exige un CHOIX_MULTIPLE (" + nom + ")");
        }
        if (condition.superieurA() != null) {
            exiger(reference.type() == TypeChamp.NOMBRE, "« superieurA » exige un NOMBRE (" + nom + ")");
        }
        if ((condition.egal() != null || condition.different() != null)) {
            exiger(reference.type() != TypeChamp.CHOIX_MULTIPLE, "utilisez « contient » pour un CHOIX_MULTIPLE (" + nom + ")");
        }
        if (reference.type() != null && reference.type().estUnChoix() && condition.superieurA() == null) {
            exiger(reference.aPourOption(condition.valeur()), "la condition de " + nom + " attend la valeur « "
                    + condition.valeur() + " », qui n'est pas une option de " + reference.id());
        }
    }

    private void verifierAcyclique(Champ champ, Set<String> chemin) {
        if (!chemin.add(champ.id())) {
            problemes.add("conditions circulaires : " + String.join(" → ", chemin));
            return;
        }
        Condition condition = champ.condition();
        if (condition != null) {
            definition.champ(condition.champ()).ifPresent(r -> verifierAcyclique(r, new HashSet<>(chemin)));
        }
    }

    private void verifierRegle(RegleFormulaire regle) {
        exiger(nonVide(regle.message()), "une règle n'a pas de message");
        exiger(definition.champ(regle.champ()).isPresent(), "la règle porte sur un champ inconnu : " + regle.champ());
        if (regle instanceof RegleFormulaire.SommeMin somme) {
            exiger(!somme.champs().isEmpty(), "la règle sommeMin n'a pas de champs");
            for (String membre : somme.champs()) {
                String[] parties = membre.split("\\.", 2);
                Champ champ = definition.champ(parties[0]).orElse(null);
                Champ cible = champ == null ? null : parties.length == 1 ? champ : champ.sousChamp(parties[1]).orElse(null);
                exiger(cible != null && cible.type() == TypeChamp.NOMBRE,
                        "la règle sommeMin fait référence à « " + membre + " », qui n'est pas un champ NOMBRE");
            }
        }
    }

    private DefinitionFormulaire avecTextesDeCondition() {
        List<Page> pages = definition.pages().stream().map(p -> new Page(p.id(), p.titre(), p.sections().stream()
                .map(s -> new Section(s.id(), s.titre(), s.aide(), s.champs().stream().map(this::avecTexte).toList()))
                .toList())).toList();
        return new DefinitionFormulaire(definition.id(), definition.version(), definition.titre(), definition.cerfa(),
                pages, definition.regles());
    }

    private Champ avecTexte(Champ champ) {
        Condition c = champ.condition();
        if (c == null || nonVide(c.texte())) {
            return champ;
        }
        Champ ref = champs.get(c.champ());
        String question = " à la question « " + ref.libelle() + " »";
        String texte = switch (c.mode()) {
            case "egal" -> "À remplir seulement si vous avez répondu « " + ref.libelleOption(c.valeur()) + " »" + question + ".";
            case "different" -> "À remplir seulement si vous n'avez pas répondu « " + ref.libelleOption(c.valeur()) + " »" + question + ".";
            case "contient" -> "À remplir seulement si vous avez coché « " + ref.libelleOption(c.valeur()) + " »" + question + ".";
            default -> "À remplir seulement si vous avez indiqué plus de " + c.valeur() + question + ".";
        };
        return champ.avecCondition(c.avecTexte(texte));
    }

    private void exiger(boolean condition, String probleme) {
        if (!condition) {
            problemes.add(probleme);
        }
    }

    private static boolean nonVide(@Nullable String texte) {
        return texte != null && !texte.isBlank();
    }
}
