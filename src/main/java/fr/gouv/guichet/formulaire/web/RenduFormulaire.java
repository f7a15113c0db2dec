package fr.gouv.guichet.formulaire.web;

import fr.gouv.guichet.formulaire.Champ;
import fr.gouv.guichet.formulaire.Condition;
import fr.gouv.guichet.formulaire.DefinitionFormulaire;
import fr.gouv.guichet.formulaire.Option;
import fr.gouv.guichet.formulaire.Page;
import fr.gouv.guichet.formulaire.Reponses;
import fr.gouv.guichet.formulaire.Section;
import fr.gouv.guichet.formulaire.TypeChamp;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.unbescape.html.HtmlEscape;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders the fields of one form page as DSFR 1.15 HTML, in Java (issue 18: the former Thymeleaf fragments
 * {@code page / champ / saisie / groupe} of {@code formulaire/champs.html} cost one fragment call per field and were a
 * large share of the server's CPU). The output is the one of those fragments, element for element and attribute for
 * attribute, with the same escaping as Thymeleaf's {@code th:text} and attribute values
 * ({@link HtmlEscape#escapeHtml4Xml(String)}); {@code RenduFormulaireEquivalenceTest} compares both on every definition.
 * <p>
 * Templates call it through {@code th:with}, since {@code th:utext} (restricted mode) refuses bean references:
 * {@code th:with="champsHtml=${@renduFormulaire.page(definition, page, reponses, erreurs, #locale)}"}
 * {@code th:utext="${champsHtml}"}.
 * Server-side validation only: no {@code required}, the enclosing {@code <form>} carries {@code novalidate}.
 * Conditional fields carry {@code data-condition-champ / -mode / -valeur}; {@code /js/formulaire.js} hides them.
 */
@Component
public class RenduFormulaire {

    private static final String CHOISIR = "formulaire.liste.choisir";
    private static final String AJOUTER = "formulaire.groupe.ajouter";
    private static final String RETIRER = "formulaire.groupe.retirer";

    private final MessageSource messages;

    public RenduFormulaire(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * All sections of a page: each one a fieldset whose legend is an h2.
     *
     * @param reponses the dossier's answers, all pages merged
     * @param erreurs  field id → message ({@code MoteurValidation.parChamp(...)}); group fields as {@code agences[1].nom}
     */
    public String page(DefinitionFormulaire definition, Page page, Reponses reponses, @Nullable Map<String, String> erreurs,
                       Locale locale) {
        Map<String, String> parChamp = erreurs == null ? Map.of() : erreurs;
        Rendu rendu = new Rendu(new StringBuilder(8192), reponses, parChamp, locale);
        StringBuilder html = rendu.html;
        for (Section section : page.sections()) {
            String sid = section.id();
            html.append("\n<fieldset class=\"fr-fieldset guichet-section\" id=\"section-");
            esc(html, sid);
            html.append("\" aria-labelledby=\"section-");
            esc(html, sid);
            html.append("-titre\">\n<legend class=\"fr-fieldset__legend\" id=\"section-");
            esc(html, sid);
            html.append("-titre\">\n<h2 class=\"fr-h4 fr-mb-0\">");
            esc(html, section.titre());
            html.append("</h2>\n</legend>");
            if (section.aide() != null) {
                html.append("\n<div class=\"fr-fieldset__element\">\n<p class=\"fr-text--sm fr-mb-0\">");
                esc(html, section.aide());
                html.append("</p>\n</div>");
            }
            for (Champ champ : section.champs()) {
                if (definition.estAffiche(page, champ, reponses)) {
                    rendu.champ(champ);
                }
            }
            html.append("\n</fieldset>");
        }
        html.append('\n');
        return html.toString();
    }

    /** The state of one page rendering; messages are looked up lazily, once. */
    private final class Rendu {

        final StringBuilder html;
        final Reponses reponses;
        final Map<String, String> erreurs;
        final Locale locale;
        @Nullable String choisir;

        Rendu(StringBuilder html, Reponses reponses, Map<String, String> erreurs, Locale locale) {
            this.html = html;
            this.reponses = reponses;
            this.erreurs = erreurs;
            this.locale = locale;
        }

        /** One field, wrapped in a fr-fieldset__element that the script may hide. */
        void champ(Champ champ) {
            String id = champ.id();
            html.append("\n<div class=\"fr-fieldset__element guichet-champ\" id=\"bloc-");
            esc(html, id);
            html.append('"');
            Condition condition = champ.condition();
            if (condition != null) {
                attributSiNonVide(html, "data-condition-champ", condition.champ());
                attributSiNonVide(html, "data-condition-mode", condition.mode());
                attributSiNonVide(html, "data-condition-valeur", condition.valeur());
            }
            attributSiNonVide(html, "data-champ", id);
            html.append('>');
            if (champ.estGroupe()) {
                groupe(champ);
            } else {
                saisie(champ, id, "champ-" + id, reponses.texte(id), reponses.liste(id), erreurs.get(id));
            }
            html.append("\n</div>");
        }

        /**
         * The control of one field. nom = HTML name, cid = HTML id, valeur = text answer, valeurs = ticked values
         * (null inside a group: checkboxes of a group entry are never ticked, as with the former fragment).
         */
        void saisie(Champ champ, String nom, String cid, @Nullable String valeur, @Nullable List<String> valeurs,
                    @Nullable String erreur) {
            TypeChamp type = champ.type();
            boolean enErreur = erreur != null;
            boolean radios = type == TypeChamp.OUI_NON || type == TypeChamp.CHOIX_UNIQUE;
            if (radios || type == TypeChamp.CHOIX_MULTIPLE) {
                choix(champ, nom, cid, valeur, valeurs, erreur, radios);
            } else if (type == TypeChamp.LISTE_DEROULANTE) {
                liste(champ, nom, cid, valeur, erreur);
            } else if (type != TypeChamp.GROUPE_REPETABLE) {
                html.append(enErreur ? "\n<div class=\"fr-input-group fr-input-group--error\">" : "\n<div class=\"fr-input-group\">");
                libelle(champ, cid);
                if (type == TypeChamp.TEXTE_LONG) {
                    html.append("\n<textarea class=\"").append(enErreur ? "fr-input fr-input--error" : "fr-input")
                            .append("\" rows=\"4\"");
                    idEtNom(cid, nom);
                    attributsControle(champ.autocomplete(), null, enErreur, cid);
                    html.append('>');
                    esc(html, valeur);
                    html.append("</textarea>");
                } else {
                    html.append("\n<input class=\"").append(enErreur ? "fr-input fr-input--error" : "fr-input")
                            .append("\" type=\"").append(type.typeHtml()).append('"');
                    idEtNom(cid, nom);
                    html.append(" value=\"");
                    esc(html, valeur);
                    html.append('"');
                    attributsControle(champ.autocomplete(), type.modeSaisie(), enErreur, cid);
                    html.append('>');
                }
                messageErreur(cid, erreur);
                html.append("\n</div>");
            }
        }

        /** Radios (OUI_NON, CHOIX_UNIQUE) and checkboxes (CHOIX_MULTIPLE). */
        private void choix(Champ champ, String nom, String cid, @Nullable String valeur, @Nullable List<String> valeurs,
                           @Nullable String erreur, boolean radios) {
            boolean enErreur = erreur != null;
            html.append(enErreur ? "\n<fieldset class=\"fr-fieldset fr-fieldset--error\"" : "\n<fieldset class=\"fr-fieldset\"");
            attributSiNonVide(html, "id", cid);
            html.append(" aria-labelledby=\"");
            esc(html, cid);
            html.append("-legende");
            if (enErreur) {
                html.append(' ');
                esc(html, cid);
                html.append("-erreur");
            }
            html.append("\">\n<legend class=\"fr-fieldset__legend fr-fieldset__legend--regular\" id=\"");
            esc(html, cid);
            html.append("-legende\">\n");
            esc(html, champ.libelle());
            aides(champ, true);
            html.append("\n</legend>");
            String classeElement = champ.type() == TypeChamp.OUI_NON
                    ? "\n<div class=\"fr-fieldset__element fr-fieldset__element--inline\">"
                    : "\n<div class=\"fr-fieldset__element\">";
            String groupe = radios ? "\n<div class=\"fr-radio-group\">" : "\n<div class=\"fr-checkbox-group\">";
            String typeInput = radios ? "\n<input type=\"radio\" id=\"" : "\n<input type=\"checkbox\" id=\"";
            List<Option> options = champ.options();
            for (int i = 0; i < options.size(); i++) {
                Option option = options.get(i);
                html.append(classeElement).append(groupe).append(typeInput);
                esc(html, cid);
                html.append('-').append(i).append("\" name=\"");
                esc(html, nom);
                html.append("\" value=\"");
                esc(html, option.valeur());
                html.append('"');
                if (enErreur) {
                    html.append(" aria-invalid=\"true\" aria-describedby=\"");
                    esc(html, cid);
                    html.append("-erreur\"");
                }
                boolean coche = radios ? option.valeur().equals(valeur) : valeurs != null && valeurs.contains(option.valeur());
                if (coche) {
                    html.append(" checked=\"checked\"");
                }
                html.append(">\n<label class=\"fr-label\" for=\"");
                esc(html, cid);
                html.append('-').append(i).append("\">");
                esc(html, option.libelle());
                html.append("</label>\n</div>\n</div>");
            }
            html.append("\n<div class=\"fr-messages-group\" id=\"");
            esc(html, cid);
            html.append("-messages\" aria-live=\"polite\">");
            messageErreur(cid, erreur);
            html.append("\n</div>\n</fieldset>");
        }

        /** Drop-down list. */
        private void liste(Champ champ, String nom, String cid, @Nullable String valeur, @Nullable String erreur) {
            boolean enErreur = erreur != null;
            html.append(enErreur ? "\n<div class=\"fr-select-group fr-select-group--error\">" : "\n<div class=\"fr-select-group\">");
            libelle(champ, cid);
            html.append("\n<select class=\"fr-select\"");
            idEtNom(cid, nom);
            attributsControle(champ.autocomplete(), null, enErreur, cid);
            html.append(">\n<option value=\"\"");
            if (valeur == null || valeur.isEmpty()) {
                html.append(" selected=\"selected\"");
            }
            html.append('>');
            if (choisir == null) {
                choisir = messages.getMessage(CHOISIR, null, locale);
            }
            esc(html, choisir);
            html.append("</option>");
            for (Option option : champ.options()) {
                html.append("\n<option value=\"");
                esc(html, option.valeur());
                html.append('"');
                if (option.valeur().equals(valeur)) {
                    html.append(" selected=\"selected\"");
                }
                html.append('>');
                esc(html, option.libelle());
                html.append("</option>");
            }
            html.append("\n</select>");
            messageErreur(cid, erreur);
            html.append("\n</div>");
        }

        /**
         * A repeatable group: the existing entries plus one empty entry (while below the maximum). Without JavaScript,
         * the "ajouter-<id>" button saves the page and shows a new empty entry; "retirer-<id>-<index>" removes an entry.
         */
        void groupe(Champ champ) {
            String id = champ.id();
            String cid = "champ-" + id;
            String erreur = erreurs.get(id);
            int existantes = reponses.groupes(id).size();
            String occurrence = champ.libelleOccurrence() != null ? champ.libelleOccurrence() : champ.libelle();
            html.append(erreur != null ? "\n<fieldset class=\"fr-fieldset guichet-groupe fr-fieldset--error\""
                    : "\n<fieldset class=\"fr-fieldset guichet-groupe\"");
            attributSiNonVide(html, "id", cid);
            html.append(" aria-labelledby=\"");
            esc(html, cid);
            html.append("-legende");
            if (erreur != null) {
                html.append(' ');
                esc(html, cid);
                html.append("-erreur");
            }
            html.append("\">\n<legend class=\"fr-fieldset__legend\" id=\"");
            esc(html, cid);
            html.append("-legende\">\n");
            esc(html, champ.libelle());
            aides(champ, false);
            html.append("\n</legend>\n<div class=\"fr-messages-group fr-fieldset__element\" id=\"");
            esc(html, cid);
            html.append("-messages\" aria-live=\"polite\">");
            messageErreur(cid, erreur);
            html.append("\n</div>");
            List<Map<String, String>> entrees = reponses.occurrencesAffichees(champ);
            for (int i = 0; i < entrees.size(); i++) {
                Map<String, String> entree = entrees.get(i);
                String titre = occurrence + " " + (i + 1);
                String prefixe = cid + "-" + i;
                html.append("\n<div class=\"fr-fieldset__element\">\n<fieldset class=\"fr-fieldset guichet-occurrence\" id=\"");
                esc(html, prefixe);
                html.append("\" aria-labelledby=\"");
                esc(html, prefixe);
                html.append("-legende\">\n<legend class=\"fr-fieldset__legend fr-fieldset__legend--regular\" id=\"");
                esc(html, prefixe);
                html.append("-legende\">");
                esc(html, titre);
                html.append("</legend>");
                for (Champ sousChamp : champ.sousChamps()) {
                    String nom = id + "[" + i + "]." + sousChamp.id();
                    html.append("\n<div class=\"fr-fieldset__element\">");
                    saisie(sousChamp, nom, prefixe + "-" + sousChamp.id(), entree.get(sousChamp.id()), null, erreurs.get(nom));
                    html.append("\n</div>");
                }
                if (i < existantes) {
                    html.append("\n<div class=\"fr-fieldset__element\">\n"
                            + "<button type=\"submit\" class=\"fr-btn fr-btn--tertiary fr-btn--sm\" name=\"action\" value=\"retirer-");
                    esc(html, id);
                    html.append('-').append(i).append("\">");
                    esc(html, messages.getMessage(RETIRER, new Object[] {titre}, locale));
                    html.append("</button>\n</div>");
                }
                html.append("\n</fieldset>\n</div>");
            }
            if (existantes + 1 < champ.maxOccurrences()) {
                html.append("\n<div class=\"fr-fieldset__element\">\n"
                        + "<button type=\"submit\" class=\"fr-btn fr-btn--secondary\" name=\"action\" value=\"ajouter-");
                esc(html, id);
                html.append("\">");
                esc(html, champ.libelleAjout() != null ? champ.libelleAjout() : messages.getMessage(AJOUTER, null, locale));
                html.append("</button>\n</div>");
            }
            html.append("\n</fieldset>");
        }

        /** The label of a text input or a list: the label, then its hints. */
        private void libelle(Champ champ, String cid) {
            html.append("\n<label class=\"fr-label\"");
            attributSiNonVide(html, "for", cid);
            html.append(">\n");
            esc(html, champ.libelle());
            aides(champ, true);
            html.append("\n</label>");
        }

        /** The hint of a field and, when asked, the "À remplir seulement si …" hint of its condition. */
        private void aides(Champ champ, boolean avecCondition) {
            if (champ.aide() != null) {
                html.append("\n<span class=\"fr-hint-text\">");
                esc(html, champ.aide());
                html.append("</span>");
            }
            Condition condition = champ.condition();
            if (avecCondition && condition != null) {
                html.append("\n<span class=\"fr-hint-text\" data-condition-aide>");
                esc(html, condition.texte());
                html.append("</span>");
            }
        }

        private void idEtNom(String cid, String nom) {
            attributSiNonVide(html, "id", cid);
            html.append(" name=\"");
            esc(html, nom);
            html.append('"');
        }

        /** autocomplete, inputmode (when set), then aria-invalid and aria-describedby on a field in error. */
        private void attributsControle(@Nullable String autocomplete, @Nullable String modeSaisie, boolean enErreur, String cid) {
            attributSiNonVide(html, "autocomplete", autocomplete);
            attributSiNonVide(html, "inputmode", modeSaisie);
            if (enErreur) {
                html.append(" aria-invalid=\"true\" aria-describedby=\"");
                esc(html, cid);
                html.append("-erreur\"");
            }
        }

        private void messageErreur(String cid, @Nullable String erreur) {
            if (erreur != null) {
                html.append("\n<p class=\"fr-error-text\" id=\"");
                esc(html, cid);
                html.append("-erreur\">");
                esc(html, erreur);
                html.append("</p>");
            }
        }
    }

    /** Like Thymeleaf's th:attr / th:data-* / th:id: an attribute whose value is null or empty is not written. */
    private static void attributSiNonVide(StringBuilder html, String nom, @Nullable String valeur) {
        if (valeur != null && !valeur.isEmpty()) {
            html.append(' ').append(nom).append("=\"");
            esc(html, valeur);
            html.append('"');
        }
    }

    /**
     * Thymeleaf's escaping of th:text and of attribute values in HTML mode (it returns its argument when there is
     * nothing to escape); null writes nothing, as th:text and th:value do.
     */
    private static void esc(StringBuilder html, @Nullable String texte) {
        if (texte != null) {
            html.append(HtmlEscape.escapeHtml4Xml(texte));
        }
    }
}
