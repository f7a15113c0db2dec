package fr.gouv.guichet.identite;

import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.identite.internal.Mairies;
import fr.gouv.guichet.identite.internal.PreDemandes;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Pré-demandes deposited through the platform's API, and town halls of their own for tests. */
public final class PreDemandesDeTest {

    private final Dossiers dossiers;
    private final PreDemandes preDemandes;
    private final Mairies mairies;

    public PreDemandesDeTest(Dossiers dossiers, PreDemandes preDemandes, Mairies mairies) {
        this.dossiers = dossiers;
        this.preDemandes = preDemandes;
        this.mairies = mairies;
    }

    /** Answers of an adult's passport renewal that pass the form's checks. */
    public static Map<String, Object> reponsesMajeur() {
        Map<String, Object> r = new HashMap<>();
        r.put("titres", "passeport");
        r.put("motif", "renouvellement");
        r.put("pour_mineur", "non");
        r.put("nom", "MARTIN");
        r.put("prenoms", "Claire Anne");
        r.put("sexe", "f");
        r.put("date_naissance", "1985-04-12");
        r.put("ne_en_france", "oui");
        r.put("commune_naissance", "Toulon");
        r.put("departement_naissance", "Var");
        r.put("taille", "168");
        r.put("couleur_yeux", "marron");
        r.put("adresse", "12 rue de la République");
        r.put("code_postal", "83000");
        r.put("commune", "Toulon");
        r.put("email", "claire.martin@exemple.fr");
        r.put("telephone", "0612345678");
        return r;
    }

    /** A 12-year-old's passport, filled by the mother. */
    public static Map<String, Object> reponsesMineur() {
        Map<String, Object> r = reponsesMajeur();
        r.put("motif", "premiere");
        r.put("pour_mineur", "oui");
        r.put("prenoms", "Léa");
        r.put("date_naissance", java.time.LocalDate.now().minusYears(12).toString());
        r.put("taille", "148");
        r.put("representant_qualite", "mere");
        r.put("representant_nom", "MARTIN");
        r.put("representant_prenoms", "Claire");
        r.put("representant_date_naissance", "1985-04-12");
        return r;
    }

    /**
     * A timbre of the demonstration service bought today, unique to the test: prefix {@code 8686} 86 €, {@code 4242}
     * 42 €, {@code 1717} 17 €, {@code 2525} 25 €.
     */
    public static String timbre(String prefixe) {
        return prefixe + String.format("%012d", java.util.concurrent.ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
    }

    /** Deposits a pré-demande of the usager and returns it. */
    public PreDemande deposer(long usagerId, Map<String, Object> reponses) {
        Map<String, Object> r = new HashMap<>(reponses);
        r.put("email", "titulaire-" + usagerId + "@exemple.fr");
        long id = dossiers.creerBrouillon(usagerId, "83", PreDemande.DEMARCHE, PreDemande.FORMULAIRE, "1", r, null, null);
        dossiers.deposer(id, usagerId, UUID.randomUUID(), "ID");
        return preDemandes.parDossier(id).orElseThrow();
    }

    /** A town hall of the test only, open every day 08:00–18:00 with 20-minute slots and {@code postes} devices. */
    public Mairie mairie(int postes) {
        String code = "mairie-t" + UUID.randomUUID().toString().substring(0, 8);
        Mairie m = new Mairie(code, "Mairie de test " + code, "83137", "Toulon", "83", "Hôtel de ville\nToulon", 43.1242, 5.9280,
                "Mo-Su 08:00-18:00", 20, postes, "", null, true, "test");
        mairies.ajouterSiAbsente(m);
        return mairies.parService(code).orElseThrow();
    }
}
