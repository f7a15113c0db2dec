package fr.gouv.guichet.mediation.internal;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the CSV of the lieux de médiation numérique schema into places, or into the list of every invalid line with
 * its reason (all lines are checked, so that one upload shows every problem). Latitude and longitude, optional in the
 * schema, are required here: without them a place cannot be found by distance.
 */
final class ValidationLieux {

    static final int LIGNES_MAX = 20_000;
    static final int CHAMP_MAX = 2_000;

    /** Values of the schema's {@code services} enumeration (v1). */
    static final List<String> SERVICES = List.of("Aide aux démarches administratives",
            "Accès internet et matériel informatique", "Maîtrise des outils numériques du quotidien",
            "Insertion professionnelle via le numérique", "Utilisation sécurisée du numérique",
            "Parentalité et éducation avec le numérique", "Loisirs et créations numériques",
            "Compréhension et usage des sites d'actualités en ligne",
            "Acquisition de matériel informatique à prix solidaire");

    private static final List<String> OBLIGATOIRES = List.of("id", "nom", "commune", "code_postal", "adresse",
            "latitude", "longitude", "services");
    private static final Pattern CODE_POSTAL = Pattern.compile("\\d{5}");
    private static final Pattern CODE_INSEE = Pattern.compile("([013-9]\\d|2[AB1-9])\\d{3}");
    private static final Pattern TELEPHONE = Pattern.compile("\\+\\d{9,15}");
    private static final Pattern COURRIEL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s]{2,}");
    private static final Pattern URL = Pattern.compile("https?://[^\\s]{3,}");
    private static final Pattern ID = Pattern.compile("[\\p{L}0-9_.:\\-]{1,100}");

    record Resultat(List<Lieu> lieux, List<RapportImport.Erreur> erreurs) {
    }

    private ValidationLieux() {
    }

    static Resultat valider(String csv) {
        List<LectureCsv.Enregistrement> enregistrements;
        try {
            enregistrements = LectureCsv.lire(csv, CHAMP_MAX);
        } catch (LectureCsv.CsvMalForme e) {
            return new Resultat(List.of(), List.of(new RapportImport.Erreur(e.ligne, e.getMessage())));
        }
        if (enregistrements.isEmpty()) {
            return new Resultat(List.of(), List.of(new RapportImport.Erreur(0, "Le fichier est vide.")));
        }
        if (enregistrements.size() - 1 > LIGNES_MAX) {
            return new Resultat(List.of(), List.of(new RapportImport.Erreur(0,
                    "Le fichier compte plus de " + LIGNES_MAX + " lieux : découpez-le.")));
        }
        Map<String, Integer> colonnes = new HashMap<>();
        List<String> entete = enregistrements.getFirst().champs();
        for (int i = 0; i < entete.size(); i++) {
            colonnes.putIfAbsent(entete.get(i).strip(), i);
        }
        List<String> manquantes = OBLIGATOIRES.stream().filter(c -> !colonnes.containsKey(c)).toList();
        if (!manquantes.isEmpty()) {
            return new Resultat(List.of(), List.of(new RapportImport.Erreur(1,
                    "colonnes obligatoires absentes de l’en-tête : " + String.join(", ", manquantes))));
        }
        List<Lieu> lieux = new ArrayList<>();
        List<RapportImport.Erreur> erreurs = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (LectureCsv.Enregistrement e : enregistrements.subList(1, enregistrements.size())) {
            Ligne ligne = new Ligne(e, colonnes, entete.size());
            Lieu lieu = ligne.lieu();
            if (!ligne.motifs.isEmpty()) {
                erreurs.add(new RapportImport.Erreur(e.ligne(), String.join(" ; ", ligne.motifs)));
            } else if (lieu != null && !ids.add(lieu.id())) {
                erreurs.add(new RapportImport.Erreur(e.ligne(), "id « " + lieu.id() + " » déjà présent plus haut dans le fichier"));
            } else if (lieu != null) {
                lieux.add(lieu);
            }
        }
        return new Resultat(erreurs.isEmpty() ? lieux : List.of(), erreurs);
    }

    /** One line being read: each accessor records its reason instead of stopping at the first. */
    private static final class Ligne {
        private final LectureCsv.Enregistrement enregistrement;
        private final Map<String, Integer> colonnes;
        private final List<String> motifs = new ArrayList<>();

        Ligne(LectureCsv.Enregistrement enregistrement, Map<String, Integer> colonnes, int largeur) {
            this.enregistrement = enregistrement;
            this.colonnes = colonnes;
            if (enregistrement.champs().size() != largeur) {
                motifs.add(enregistrement.champs().size() + " colonnes au lieu de " + largeur);
            }
        }

        @Nullable Lieu lieu() {
            if (!motifs.isEmpty()) {
                return null;
            }
            String id = texte("id", 100, true);
            if (id != null && !ID.matcher(id).matches()) {
                motifs.add("id : lettres, chiffres, « _ », « - », « . » ou « : » seulement");
            }
            String nom = texte("nom", 250, true);
            String commune = texte("commune", 100, true);
            String codePostal = motif("code_postal", CODE_POSTAL, true, "cinq chiffres");
            String codeInsee = motif("code_insee", CODE_INSEE, false, "code INSEE de commune (5 caractères, 2A/2B pour la Corse)");
            String adresse = texte("adresse", 250, true);
            double latitude = coordonnee("latitude", 90);
            double longitude = coordonnee("longitude", 180);
            String telephone = texte("telephone", 20, false);
            if (telephone != null && !TELEPHONE.matcher(telephone.replaceAll("[\\s.-]", "")).matches()) {
                motifs.add("telephone : format international attendu, par exemple +33494188000");
            }
            List<String> courriels = liste("courriels", COURRIEL, "adresse électronique");
            List<String> sites = liste("site_web", URL, "adresse commençant par https://");
            String horaires = texte("horaires", Horaires.LONGUEUR_MAX, false);
            if (horaires != null) {
                try {
                    Horaires.lire(horaires);
                } catch (HorairesInvalides e) {
                    motifs.add("horaires : " + e.getMessage());
                }
            }
            List<String> services = liste("services", null, null);
            if (services.isEmpty() && valeur("services") == null) {
                motifs.add("services : obligatoire");
            }
            services.stream().filter(s -> !SERVICES.contains(s)).forEach(s ->
                    motifs.add("services : « " + s + " » n’est pas une valeur du schéma"));
            String fiche = texte("fiche_acces_libre", 300, false);
            if (fiche != null && !URL.matcher(fiche).matches()) {
                motifs.add("fiche_acces_libre : adresse commençant par https:// attendue");
            }
            Lieu lieu = new Lieu(s(id), texte("pivot", 20, false), s(nom), s(commune), s(codePostal), codeInsee, s(adresse),
                    texte("complement_adresse", 250, false), latitude, longitude, texte("typologie", 100, false),
                    telephone, courriels, sites, horaires, texte("presentation_resume", 280, false),
                    texte("presentation_detail", CHAMP_MAX, false), texte("source", 100, false),
                    texte("itinerance", 100, false), texte("structure_parente", 100, false), date("date_maj"),
                    services, liste("prise_en_charge_specifique", null, null), fiche);
            return motifs.isEmpty() ? lieu : null;
        }

        private static String s(@Nullable String v) {
            return v == null ? "" : v;
        }

        private @Nullable String valeur(String colonne) {
            Integer i = colonnes.get(colonne);
            if (i == null) {
                return null;
            }
            String v = enregistrement.champs().get(i).strip();
            return v.isEmpty() ? null : v;
        }

        private @Nullable String texte(String colonne, int max, boolean obligatoire) {
            String v = valeur(colonne);
            if (v == null && obligatoire) {
                motifs.add(colonne + " : obligatoire");
            } else if (v != null && v.length() > max) {
                motifs.add(colonne + " : " + max + " caractères au plus (" + v.length() + " reçus)");
                return null;
            }
            return v;
        }

        private @Nullable String motif(String colonne, Pattern motif, boolean obligatoire, String attendu) {
            String v = texte(colonne, 10, obligatoire);
            if (v != null && !motif.matcher(v).matches()) {
                motifs.add(colonne + " : « " + v + " » invalide (" + attendu + ")");
                return null;
            }
            return v;
        }

        private double coordonnee(String colonne, double borne) {
            String v = texte(colonne, 20, true);
            if (v == null) {
                return 0;
            }
            try {
                double d = Double.parseDouble(v);
                if (Double.isFinite(d) && Math.abs(d) <= borne) {
                    return d;
                }
            } catch (NumberFormatException e) {
                // signalé ci-dessous
            }
            motifs.add(colonne + " : « " + v + " » n’est pas un nombre décimal entre -" + (int) borne + " et " + (int) borne);
            return 0;
        }

        private List<String> liste(String colonne, @Nullable Pattern motif, @Nullable String attendu) {
            String v = texte(colonne, 1_000, false);
            if (v == null) {
                return List.of();
            }
            List<String> valeurs = Arrays.stream(v.split("\\|")).map(String::strip).filter(x -> !x.isEmpty()).toList();
            for (String x : valeurs) {
                if (motif != null && !motif.matcher(x).matches()) {
                    motifs.add(colonne + " : « " + x + " » invalide (" + attendu + ")");
                }
            }
            return valeurs;
        }

        private @Nullable LocalDate date(String colonne) {
            String v = texte(colonne, 10, false);
            if (v == null) {
                return null;
            }
            try {
                return LocalDate.parse(v);
            } catch (DateTimeParseException e) {
                motifs.add(colonne + " : « " + v + " » n’est pas une date AAAA-MM-JJ");
                return null;
            }
        }
    }
}
