package fr.gouv.guichet.tiers.internal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The demonstration address reference: as the BAN would find it, an address is known when it has a house number and a
 * street of a known kind (« 12 quai du Port », « 3 bis rue des Lilas ») with a 5-digit postal code and a commune; a
 * post-office box, a line without number (« Domiciliation Centre Affaires », « BP 12 ») or a street the BAN does not
 * have (any street whose name contains « inconnue », so that the demonstration can show the rule) is unknown.
 */
class ReferentielAdressesDemonstration implements ReferentielAdresses {

    private static final Pattern ADRESSE = Pattern.compile("^\\d{1,4}\\s?(bis|ter|quater|[a-d])?,?\\s+(rue|avenue|av|boulevard|bd|chemin|"
            + "place|quai|impasse|allee|route|cours|square|passage|montee|lotissement|residence|hameau|chaussee|faubourg|esplanade|"
            + "promenade|sentier|rond-point|parvis|cite|domaine|traverse|rampe|ruelle|villa|mail|voie)\\s+\\S.*$");

    @Override
    public boolean connue(String ligne, String codePostal, String commune) {
        String l = Normalizer.normalize(ligne.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        return codePostal.strip().matches("\\d{5}") && !commune.isBlank() && ADRESSE.matcher(l).matches() && !l.contains("inconnue");
    }
}
