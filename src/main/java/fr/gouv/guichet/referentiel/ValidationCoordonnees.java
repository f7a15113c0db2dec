package fr.gouv.guichet.referentiel;

import fr.gouv.guichet.referentiel.ServiceInstructeur.Coordonnees;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rules on a service's contact details, in one place: the edit page shows these messages beside the fields, the
 * dashboards list them as the reasons why a service's procedures are not offered.
 */
public final class ValidationCoordonnees {

    public static final int ADRESSE_MAX = 400;
    public static final int TELEPHONE_MAX = 30;
    public static final int COURRIEL_MAX = 254;
    public static final int HORAIRES_MAX = 300;
    public static final int NOM_MAX = 80;
    public static final int QUALITE_MAX = 150;
    public static final int DELEGATION_MAX = 200;

    private static final Pattern CODE_POSTAL = Pattern.compile("(^|\\s)\\d{5}(\\s|$)");
    private static final Pattern TELEPHONE = Pattern.compile("(\\+33 ?|0)[1-9]([ .-]?\\d{2}){4}|3\\d{3}");
    private static final Pattern COURRIEL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");

    private ValidationCoordonnees() {
    }

    /** Field name → French message, in form order; empty when everything is valid and complete. */
    public static Map<String, String> erreurs(Coordonnees c) {
        Map<String, String> e = new LinkedHashMap<>();
        if (c.adresse().length() > ADRESSE_MAX) {
            e.put("adresse", "L’adresse postale ne doit pas dépasser " + ADRESSE_MAX + " caractères.");
        } else if (c.lignesAdresse().size() < 2 || !CODE_POSTAL.matcher(c.adresse()).find()) {
            e.put("adresse", "Indiquez l’adresse postale complète, sur plusieurs lignes, avec le code postal à 5 chiffres et la ville.");
        }
        if (c.telephone().length() > TELEPHONE_MAX) {
            e.put("telephone", "Le numéro de téléphone ne doit pas dépasser " + TELEPHONE_MAX + " caractères.");
        } else if (!TELEPHONE.matcher(c.telephone().strip()).matches()) {
            e.put("telephone", "Indiquez un numéro de téléphone joignable, par exemple 04 94 18 83 83.");
        }
        if (c.courriel().length() > COURRIEL_MAX) {
            e.put("courriel", "L’adresse électronique ne doit pas dépasser " + COURRIEL_MAX + " caractères.");
        } else if (!COURRIEL.matcher(c.courriel().strip()).matches()) {
            e.put("courriel", "Indiquez l’adresse électronique du service, par exemple pref-videoprotection@var.gouv.fr.");
        }
        if (c.horaires().length() > HORAIRES_MAX) {
            e.put("horaires", "Les horaires ne doivent pas dépasser " + HORAIRES_MAX + " caractères.");
        } else if (c.horaires().isBlank()) {
            e.put("horaires", "Indiquez les horaires d’ouverture au public (ou de l’accueil téléphonique).");
        }
        texte(e, "signatairePrenom", c.signatairePrenom(), NOM_MAX, "Indiquez le prénom du signataire des actes.");
        texte(e, "signataireNom", c.signataireNom(), NOM_MAX, "Indiquez le nom du signataire des actes.");
        texte(e, "signataireQualite", c.signataireQualite(), QUALITE_MAX,
                "Indiquez la qualité du signataire, par exemple « Le secrétaire général de la préfecture ».");
        texte(e, "referenceDelegation", c.referenceDelegation(), DELEGATION_MAX,
                "Indiquez la référence de l’arrêté de délégation de signature, par exemple « n° 2026-DS-014 du 2 janvier 2026 ».");
        return e;
    }

    private static void texte(Map<String, String> e, String champ, String valeur, int max, String manquant) {
        if (valeur.length() > max) {
            e.put(champ, "Ce champ ne doit pas dépasser " + max + " caractères.");
        } else if (valeur.isBlank()) {
            e.put(champ, manquant);
        }
    }
}
