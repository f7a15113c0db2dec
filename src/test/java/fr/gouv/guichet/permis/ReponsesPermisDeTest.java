package fr.gouv.guichet.permis;

import fr.gouv.guichet.formulaire.Champ;
import fr.gouv.guichet.formulaire.ContexteValidation;
import fr.gouv.guichet.formulaire.DefinitionFormulaire;
import fr.gouv.guichet.formulaire.ErreurChamp;
import fr.gouv.guichet.formulaire.MoteurValidation;
import fr.gouv.guichet.formulaire.Reponses;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Complete, valid answers to a licence form (checked by the form engine), with a chosen ePhoto code and timbre. */
public final class ReponsesPermisDeTest {

    private ReponsesPermisDeTest() {
    }

    public static Map<String, Object> valides(DemarchePermis demarche, String codeEphoto, String timbre, String nom) {
        DefinitionFormulaire definition = new FormulairesPermis().derniereVersion(demarche);
        Map<String, Object> r = new HashMap<>();
        for (Champ c : definition.champs()) {
            Object valeur = switch (c.type()) {
                case TEXTE, TEXTE_LONG -> "Essai";
                case EMAIL -> "usager@example.org";
                case TELEPHONE -> "0612345678";
                case NOMBRE -> "1";
                case CODE_POSTAL -> "83000";
                case OUI_NON -> "non";
                case DATE -> c.contraintes() != null && c.contraintes().dateMin() != null
                        && c.contraintes().dateMin().startsWith("aujourdhui") ? LocalDate.now().plusDays(30).toString() : "2000-01-15";
                case CHOIX_UNIQUE, LISTE_DEROULANTE -> c.options().getFirst().valeur();
                case CHOIX_MULTIPLE -> List.of(c.options().getFirst().valeur());
                default -> null;
            };
            if (valeur != null) {
                r.put(c.id(), valeur);
            }
        }
        r.put("nom", nom);
        r.put("prenoms", "Camille");
        r.put("date_naissance", "1990-05-12");
        r.put("code_ephoto", codeEphoto);
        if (definition.champ("numero_timbre").isPresent()) {
            r.put("numero_timbre", timbre);
        }
        definition.champ("neph").ifPresent(c -> r.remove("neph"));
        definition.champ("numero_permis").ifPresent(c -> r.put("numero_permis", "123456789012"));
        List<ErreurChamp> erreurs = new MoteurValidation().validerTout(definition, new Reponses(r),
                new ContexteValidation("83", LocalDate.now()));
        if (!erreurs.isEmpty()) {
            throw new IllegalStateException("Réponses de test invalides pour " + demarche + " : " + erreurs);
        }
        return r;
    }
}
