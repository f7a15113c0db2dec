package fr.gouv.guichet.support;

import fr.gouv.fauxservices.JeuDeDemonstration;
import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.timbre.NumeroTimbre;
import fr.gouv.guichet.timbre.ServiceTimbres;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Licence title requests deposited through {@code demarche}'s API (the usager pages of the licence are another
 * branch's), on the procedure already declared ({@code PC_PERTE}, lifecycle {@code CyclePermis.TITRE}), with the
 * answers of a title after the exam: Camille DUPONT of the demonstration results, who passed B on 15 September 2025.
 */
public final class DossiersPermisDeTest {

    private final Dossiers dossiers;
    private final ServiceTimbres timbres;

    public DossiersPermisDeTest(Dossiers dossiers, ServiceTimbres timbres) {
        this.dossiers = dossiers;
        this.timbres = timbres;
    }

    public static Map<String, Object> reponses() {
        Map<String, Object> r = new HashMap<>();
        r.put("nom", "DUPONT");
        r.put("prenoms", "Camille");
        r.put("sexe", "f");
        r.put("date_naissance", "2001-04-12");
        r.put("commune_naissance", "Bordeaux");
        r.put("pays_naissance", "France");
        r.put("adresse", "12 cours de l’Intendance");
        r.put("code_postal", "33000");
        r.put("commune", "Bordeaux");
        r.put("courriel", "camille.dupont@example.org");
        r.put("neph", JeuDeDemonstration.NEPH_B);
        r.put("type_titre", "premier");
        r.put("categorie_obtenue", "B");
        r.put("date_examen", "2025-09-15");
        r.put("code_ephoto", JeuDeDemonstration.EPHOTO_VALIDES.getFirst());
        return r;
    }

    /** A fresh 25 € timbre of the demonstration service (any number with its prefix). */
    public static String timbreNeuf() {
        return JeuDeDemonstration.PREFIXE_TIMBRES_25_EUROS_A_VOLONTE
                + String.format("%012d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
    }

    /** Deposits a request with these answers; with a timbre, reserves then consumes it for the dossier, as the usager pages do. */
    public long deposer(long usagerId, String departement, Map<String, Object> reponses) {
        long id = dossiers.creerBrouillon(usagerId, departement, "PC_PERTE", "permis-perte", "1", reponses, null, null);
        String numero = dossiers.deposer(id, usagerId, UUID.randomUUID(), "PC").valeur();
        if (reponses.get("numero_timbre") instanceof String timbre) {
            NumeroTimbre t = new NumeroTimbre(timbre);
            timbres.reserver(t, numero);
            timbres.consommer(t, numero);
        }
        return id;
    }

    public long deposerAvecTimbre(long usagerId, String departement) {
        Map<String, Object> r = reponses();
        r.put("numero_timbre", timbreNeuf());
        return deposer(usagerId, departement, r);
    }
}
