package fr.gouv.guichet.formulaire;

import org.springframework.core.io.ByteArrayResource;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Shared test data: the real definitions, complete answers, and small inline definitions. */
final class Exemples {

    static final LocalDate AUJOURDHUI = LocalDate.of(2026, 11, 23);
    static final ContexteValidation VAR = new ContexteValidation("83", AUJOURDHUI);
    static final CatalogueFormulaires CATALOGUE = CatalogueFormulaires.chargerDepuisClasspath();

    private Exemples() {
    }

    static DefinitionFormulaire cerfa13806() {
        return CATALOGUE.get("cerfa-13806", "04");
    }

    static DefinitionFormulaire cerfa14095() {
        return CATALOGUE.get("cerfa-14095", "03");
    }

    /** A shopkeeper's complete, valid request in the Var (83). */
    static Reponses completes13806() {
        return new Reponses(Map.ofEntries(
                Map.entry("nature_demande", "nouveau"),
                Map.entry("qualite", "commercant"),
                Map.entry("nom_naissance", "Martin"),
                Map.entry("prenom", "Claire"),
                Map.entry("denomination", "Boulangerie Martin SARL"),
                Map.entry("siret", "732 829 320 00074"),
                Map.entry("activite", "Boulangerie"),
                Map.entry("declarant_voie", "12 rue de la République"),
                Map.entry("declarant_code_postal", "13001"),
                Map.entry("declarant_commune", "Marseille"),
                Map.entry("declarant_telephone", "04 94 12 34 56"),
                Map.entry("declarant_email", "contact@boulangerie-martin.fr"),
                Map.entry("contact_images_nom", "Claire Martin, gérante"),
                Map.entry("contact_images_telephone", "06.12.34.56.78"),
                Map.entry("finalites", List.of("securite_personnes", "prevention_atteintes_biens")),
                Map.entry("horaires_ouverture", "Du mardi au dimanche, de 7 h à 20 h"),
                Map.entry("etablissement_recevant_public", "oui"),
                Map.entry("systeme_voie", "3 place de la Liberté"),
                Map.entry("systeme_code_postal", "83000"),
                Map.entry("systeme_commune", "Toulon"),
                Map.entry("cameras_interieures", "3"),
                Map.entry("cameras_exterieures", "1"),
                Map.entry("abords_immediats", "non"),
                Map.entry("perimetre_videoprotege", "non"),
                Map.entry("transmission", "non"),
                Map.entry("installateur_certifie", "oui"),
                Map.entry("installateur_nom", "Sécurité Provence"),
                Map.entry("attestation_remise", "oui"),
                Map.entry("personnes_habilitees", "La gérante"),
                Map.entry("enregistrement", "oui"),
                Map.entry("duree_conservation", "15"),
                Map.entry("mesures_securite", "Enregistreur dans le bureau fermé à clé, mot de passe"),
                Map.entry("information_public", "Une affiche à l'entrée"),
                Map.entry("droit_acces_service", "La direction de la boulangerie"),
                Map.entry("droit_acces_telephone", "+33 4 94 12 34 56"),
                Map.entry("date_mise_en_service", "2027-02-01"),
                Map.entry("engagement", List.of("certifie"))));
    }

    /** A bank's complete, valid request in the Var (83), with two agencies. */
    static Reponses completes14095() {
        return completes13806()
                .sans("qualite").sans("cameras_interieures").sans("cameras_exterieures").sans("abords_immediats")
                .avec("denomination", "Banque du Littoral")
                .avec("activite", "Banque")
                .avec("agences", List.of(
                        agence("Agence Toulon Centre", "83000", "4", "1"),
                        agence("Agence Hyères", "83400", "2", "0")));
    }

    static Map<String, String> agence(String nom, String codePostal, String interieures, String exterieures) {
        return Map.of("nom", nom, "voie", "1 avenue Exemple", "code_postal", codePostal, "commune", "Commune",
                "cameras_interieures", interieures, "cameras_exterieures", exterieures);
    }

    /** A catalogue made of inline JSON definitions (each named "test-n"). */
    static CatalogueFormulaires catalogue(String... jsons) {
        List<ByteArrayResource> fichiers = new java.util.ArrayList<>();
        for (int i = 0; i < jsons.length; i++) {
            fichiers.add(new ByteArrayResource(jsons[i].getBytes(StandardCharsets.UTF_8), "test-" + i));
        }
        return new CatalogueFormulaires(fichiers);
    }

    /** A 3-page definition "essai"/"1" whose first page holds the given champs (JSON array content) and rules. */
    static String troisPages(String champsPage1, String regles) {
        return """
                {"id": "essai", "version": "1", "titre": "Essai", "cerfa": "00000*01",
                 "pages": [
                   {"id": "p1", "titre": "Page 1", "sections": [{"id": "s1", "titre": "Section 1", "champs": [%s]}]},
                   {"id": "p2", "titre": "Page 2", "sections": [{"id": "s2", "titre": "Section 2", "champs": [
                     {"id": "z2", "type": "TEXTE", "libelle": "Z2"}]}]},
                   {"id": "p3", "titre": "Page 3", "sections": [{"id": "s3", "titre": "Section 3", "champs": [
                     {"id": "z3", "type": "TEXTE", "libelle": "Z3"}]}]}
                 ],
                 "regles": [%s]}
                """.formatted(champsPage1, regles);
    }

    static DefinitionFormulaire essai(String champsPage1) {
        return essai(champsPage1, "");
    }

    static DefinitionFormulaire essai(String champsPage1, String regles) {
        return catalogue(troisPages(champsPage1, regles)).get("essai", "1");
    }
}
