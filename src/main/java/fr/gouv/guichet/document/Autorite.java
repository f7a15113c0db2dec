package fr.gouv.guichet.document;

import java.util.Map;

import static fr.gouv.guichet.document.Champs.exiger;

/**
 * The préfet who decides, as written on an arrêté or a letter.
 *
 * @param prefecture e.g. "Préfecture du Var", "Préfecture de police"
 * @param service    the issuing service, e.g. "Bureau de la vidéoprotection"
 * @param prefet     the title line, starting with "Le préfet" or "La préfète": "Le préfet du Var",
 *                   "La préfète de l’Aude", "Le préfet de police"
 * @param ville      where the documents are signed ("Fait à Toulon, le …")
 * @param tribunal   the tribunal administratif in whose jurisdiction the préfet sits, named in the recourse routes
 */
public record Autorite(String prefecture, String service, String prefet, String ville, TribunalAdministratif tribunal) {

    private static final String LE_PREFET = "Le préfet";
    private static final String LA_PREFETE = "La préfète";
    private static final String PREFECTURE = "Préfecture";

    public Autorite {
        exiger(prefecture, "prefecture");
        exiger(service, "service");
        exiger(prefet, "prefet");
        exiger(ville, "ville");
        java.util.Objects.requireNonNull(tribunal, "tribunal");
        if (!prefet.startsWith(LE_PREFET + " ") && !prefet.startsWith(LA_PREFETE + " ")) {
            throw new IllegalArgumentException("prefet doit commencer par « Le préfet » ou « La préfète » : " + prefet);
        }
    }

    /** "le préfet", "la préfète", "le préfet de police": how the body of a document names the decider. */
    public String designation() {
        String designation = prefet.startsWith(LA_PREFETE) ? "la préfète" : "le préfet";
        return prefet.contains(" de police") ? designation + " de police" : designation;
    }

    /** "Pour le préfet et par délégation", "Pour le préfet de police et par délégation". */
    public String delegation() {
        return "Pour " + designation() + " et par délégation";
    }

    /** "du préfet du Var", "de la préfète de l’Aude": where a recours gracieux is addressed. */
    public String complementAupres() {
        String suite = prefet.substring(3);
        return prefet.startsWith(LA_PREFETE) ? "de la " + suite : "du " + suite;
    }

    /** "Préfet du Var", "Préfète de l’Aude", "Préfet de police": the issuing authority at the top of a document. */
    public String emetteur() {
        return Character.toUpperCase(prefet.charAt(3)) + prefet.substring(4);
    }

    /**
     * The issuing authority of a document signed for a préfecture: "Préfecture du Var" gives "Préfet du Var",
     * "Préfecture de police" gives "Préfet de police".
     */
    public static String emetteurDe(String prefecture) {
        return prefecture.startsWith(PREFECTURE) ? "Préfet" + prefecture.substring(PREFECTURE.length()) : prefecture;
    }

    public Map<String, Object> variables() {
        return Map.of(
                "tribunal", tribunal.variables(),
                "emetteur", emetteur(),
                "prefecture", prefecture,
                "service", service,
                "prefet", prefet,
                "ville", ville,
                "designation", designation(),
                "delegation", delegation(),
                "aupres", complementAupres());
    }
}
