package fr.gouv.guichet.support;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A complete, valid CERFA 13806*04 (a shop in Toulon, 4 cameras, 15 days of recording). */
public final class DossiersDeTest {

    private DossiersDeTest() {
    }

    public static Map<String, Object> reponsesValides() {
        Map<String, Object> r = new HashMap<>();
        r.put("nature_demande", "nouveau");
        r.put("qualite", "commercant");
        r.put("nom_naissance", "Martin");
        r.put("prenom", "Claire");
        r.put("denomination", "Boulangerie du Port");
        r.put("activite", "Boulangerie");
        r.put("declarant_voie", "12 quai Cronstadt");
        r.put("declarant_code_postal", "83000");
        r.put("declarant_commune", "Toulon");
        r.put("declarant_telephone", "0494000000");
        r.put("contact_images_nom", "Claire Martin");
        r.put("contact_images_telephone", "0612345678");
        r.put("finalites", List.of("prevention_atteintes_biens"));
        r.put("horaires_ouverture", "6 h 30 - 19 h 30");
        r.put("etablissement_recevant_public", "oui");
        r.put("systeme_voie", "12 quai Cronstadt");
        r.put("systeme_code_postal", "83000");
        r.put("systeme_commune", "Toulon");
        r.put("cameras_interieures", "3");
        r.put("cameras_exterieures", "1");
        r.put("abords_immediats", "non");
        r.put("perimetre_videoprotege", "non");
        r.put("transmission", "non");
        r.put("installateur_certifie", "non");
        r.put("installateur_nom", "Sécurité Provence");
        r.put("personnes_habilitees", "La gérante");
        r.put("enregistrement", "oui");
        r.put("duree_conservation", "15");
        r.put("mesures_securite", "Local fermé à clé");
        r.put("information_public", "Affiche à l’entrée");
        r.put("droit_acces_service", "La gérante");
        r.put("droit_acces_telephone", "0494000000");
        r.put("date_mise_en_service", LocalDate.now().plusMonths(1).toString());
        r.put("engagement", List.of("certifie"));
        return r;
    }
}
