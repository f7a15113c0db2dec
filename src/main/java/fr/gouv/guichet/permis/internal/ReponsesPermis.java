package fr.gouv.guichet.permis.internal;

import fr.gouv.guichet.demarche.Dossier;
import fr.gouv.guichet.formulaire.Reponses;
import fr.gouv.guichet.permis.CategoriePermis;
import fr.gouv.guichet.permis.CodeEphoto;
import fr.gouv.guichet.permis.Neph;
import fr.gouv.guichet.timbre.NumeroTimbre;
import fr.gouv.guichet.permis.externe.DemandeFabrication;
import fr.gouv.guichet.permis.externe.ReferenceDossier;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a licence dossier's answers say, read by the field ids of the licence forms ({@code formulaires/permis/*.json}):
 * the holder, the NEPH, the categories, the ePhoto code, the timbre, the delivery address.
 */
record ReponsesPermis(Reponses reponses) {

    /** The dossier's answers cannot make a production order; the message says what is missing, in French. */
    static final class DonneesIncompletes extends RuntimeException {
        DonneesIncompletes(String message) {
            super(message);
        }
    }

    static ReponsesPermis de(Dossier dossier) {
        return new ReponsesPermis(new Reponses(dossier.reponses()));
    }

    Optional<Neph> neph() {
        return Neph.depuisSaisie(reponses.texte("neph"));
    }

    String nephSaisi() {
        return reponses.texte("neph").strip();
    }

    Optional<CodeEphoto> ephoto() {
        String code = reponses.texte("code_ephoto").strip().toUpperCase(java.util.Locale.ROOT);
        try {
            return code.isEmpty() ? Optional.empty() : Optional.of(new CodeEphoto(code));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    String ephotoSaisi() {
        return reponses.texte("code_ephoto").strip();
    }

    Optional<NumeroTimbre> timbre() {
        return NumeroTimbre.depuisSaisie(reponses.texte("numero_timbre"));
    }

    String timbreSaisi() {
        return reponses.texte("numero_timbre").strip();
    }

    String nom() {
        return reponses.texte("nom").strip();
    }

    String prenoms() {
        return reponses.texte("prenoms").strip();
    }

    Optional<LocalDate> dateNaissance() {
        return date("date_naissance");
    }

    /** The category just passed (title after the exam). */
    Optional<CategoriePermis> categorieObtenue() {
        return CategoriePermis.depuisCode(reponses.texte("categorie_obtenue").strip());
    }

    Optional<LocalDate> dateExamen() {
        return date("date_examen");
    }

    /** The categories the title carries: the one passed, or those held (loss, theft, renewal…). */
    Set<CategoriePermis> categories() {
        Set<CategoriePermis> categories = new LinkedHashSet<>();
        categorieObtenue().ifPresent(categories::add);
        reponses.liste("categories_detenues").forEach(c -> CategoriePermis.depuisCode(c).ifPresent(categories::add));
        return categories;
    }

    /** Normalised postal address (lower case, no accents, single spaces), to compare dossiers. */
    String adresseNormalisee() {
        return normaliser(reponses.texte("adresse"), reponses.texte("code_postal"), reponses.texte("commune"));
    }

    static String normaliser(String adresse, String codePostal, String commune) {
        String brut = String.join(" ", adresse, codePostal, commune);
        return java.text.Normalizer.normalize(brut, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
    }

    /** The person the dossier is for: normalised name, first names and birth date. */
    String personne() {
        return (nom() + "|" + prenoms() + "|" + reponses.texte("date_naissance")).toLowerCase(java.util.Locale.ROOT);
    }

    DemandeFabrication demandeFabrication(Dossier dossier) {
        List<String> manque = new ArrayList<>();
        Optional<Neph> neph = neph();
        Optional<CodeEphoto> ephoto = ephoto();
        Optional<LocalDate> naissance = dateNaissance();
        Set<CategoriePermis> categories = categories();
        if (neph.isEmpty()) {
            manque.add("le NEPH");
        }
        if (ephoto.isEmpty()) {
            manque.add("le code ePhoto");
        }
        if (naissance.isEmpty() || nom().isEmpty() || prenoms().isEmpty()) {
            manque.add("l’identité du titulaire (nom, prénoms, date de naissance)");
        }
        if (categories.isEmpty()) {
            manque.add("les catégories");
        }
        if (reponses.texte("adresse").isBlank() || reponses.texte("code_postal").isBlank() || reponses.texte("commune").isBlank()) {
            manque.add("l’adresse de livraison");
        }
        if (!manque.isEmpty() || dossier.numero() == null) {
            throw new DonneesIncompletes("La commande du titre ne peut pas partir : il manque " + String.join(", ", manque)
                    + " dans la demande. Demandez les informations à l’usager.");
        }
        List<String> adresse = new ArrayList<>(List.of(reponses.texte("adresse").strip()));
        if (!reponses.texte("complement_adresse").isBlank()) {
            adresse.add(reponses.texte("complement_adresse").strip());
        }
        return new DemandeFabrication(new ReferenceDossier(dossier.numero()), neph.orElseThrow(), nom(), prenoms(),
                naissance.orElseThrow(), reponses.texte("commune_naissance").strip(), categories, ephoto.orElseThrow(), adresse,
                reponses.texte("code_postal").strip(), reponses.texte("commune").strip());
    }

    private Optional<LocalDate> date(String id) {
        try {
            String texte = reponses.texte(id).strip();
            return texte.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(texte));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
