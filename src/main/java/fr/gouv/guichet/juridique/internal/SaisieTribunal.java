package fr.gouv.guichet.juridique.internal;

import fr.gouv.guichet.document.TribunalAdministratif;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the national administrator typed for a département's tribunal: a name and an address of one line per row.
 * {@link #erreurs()} gives, per field, the French message shown next to it; empty when the entry can be saved.
 */
public record SaisieTribunal(String nom, String adresse) {

    public static final int NOM_MAX = 200;
    public static final int LIGNES_MAX = 6;
    public static final int LIGNE_MAX = 100;

    private static final Pattern CODE_POSTAL = Pattern.compile("\\b\\d{5}\\b");

    public SaisieTribunal {
        nom = nom == null ? "" : nom.strip().replaceAll("\\s+", " ");
        adresse = adresse == null ? "" : adresse.replace("\r", "");
    }

    public List<String> lignesAdresse() {
        return Arrays.stream(adresse.split("\n")).map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    public Map<String, String> erreurs() {
        Map<String, String> erreurs = new LinkedHashMap<>();
        if (nom.isEmpty()) {
            erreurs.put("nom", "Indiquez le nom du tribunal, par exemple « tribunal administratif de Toulon ».");
        } else if (nom.length() > NOM_MAX) {
            erreurs.put("nom", "Le nom ne peut dépasser " + NOM_MAX + " caractères.");
        } else if (!nom.startsWith("tribunal administratif ")) {
            erreurs.put("nom", "Le nom commence par « tribunal administratif », en minuscules comme dans les actes "
                    + "(par exemple « tribunal administratif de Toulon »).");
        }
        List<String> lignes = lignesAdresse();
        if (lignes.isEmpty()) {
            erreurs.put("adresse", "Indiquez l’adresse postale du greffe, une ligne par ligne d’enveloppe.");
        } else if (lignes.size() > LIGNES_MAX) {
            erreurs.put("adresse", "L’adresse tient en " + LIGNES_MAX + " lignes au plus.");
        } else if (lignes.stream().anyMatch(l -> l.length() > LIGNE_MAX)) {
            erreurs.put("adresse", "Chaque ligne de l’adresse tient en " + LIGNE_MAX + " caractères au plus.");
        } else if (!CODE_POSTAL.matcher(lignes.getLast()).find()) {
            erreurs.put("adresse", "La dernière ligne de l’adresse commence par le code postal à cinq chiffres "
                    + "(par exemple « 83041 Toulon Cedex 9 »).");
        }
        return erreurs;
    }

    /** The tribunal to save; only when {@link #erreurs()} is empty. */
    public TribunalAdministratif tribunal() {
        return new TribunalAdministratif(nom, lignesAdresse());
    }
}
