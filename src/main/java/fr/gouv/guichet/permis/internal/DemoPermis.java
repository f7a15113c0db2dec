package fr.gouv.guichet.permis.internal;

import fr.gouv.fauxservices.JeuDeDemonstration;
import fr.gouv.guichet.compte.ServiceDeDemonstration;
import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.timbre.NumeroTimbre;
import fr.gouv.guichet.timbre.ServiceTimbres;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Demonstration data of the CERT side (once): two title requests in the Gironde for the CERT de Bordeaux, deposited by
 * {@value #USAGER} — Camille DUPONT, who passed B (the demonstration results know her), paid by a timbre consumed for
 * the dossier, and another person from the same e-mail address (a signal for the CERT).
 */
@Component
@ConditionalOnProperty(name = "guichet.demo", havingValue = "true")
class DemoPermis {

    static final String USAGER = "usager-permis@demo.guichet.local";

    private final ServiceDeDemonstration comptes;
    private final Dossiers dossiers;
    private final ServiceTimbres timbres;
    private final JdbcClient jdbc;
    private final String motDePasse;

    DemoPermis(ServiceDeDemonstration comptes, Dossiers dossiers, ServiceTimbres timbres, JdbcClient jdbc,
               @Value("${guichet.demo.mot-de-passe:Demo-Guichet-2026}") String motDePasse) {
        this.comptes = comptes;
        this.dossiers = dossiers;
        this.timbres = timbres;
        this.jdbc = jdbc;
        this.motDePasse = motDePasse;
    }

    @EventListener(ApplicationReadyEvent.class)
    void amorcer() {
        try {
            amorcerUneFois();
        } catch (RuntimeException e) {
            // Demonstration data only: Guichet starts without them rather than not at all.
            LoggerFactory.getLogger(DemoPermis.class).warn("Démonstration du permis non amorcée : {}", e.getMessage());
        }
    }

    private void amorcerUneFois() {
        if (jdbc.sql("select count(*) from usager where email = ?").param(USAGER).query(Integer.class).single() > 0) {
            return;
        }
        long usager = comptes.usagerActive(USAGER, motDePasse, "33");
        Map<String, Object> camille = reponses("DUPONT", "Camille", "2001-04-12", JeuDeDemonstration.NEPH_B, "B", "2025-09-15");
        camille.put("numero_timbre", JeuDeDemonstration.PREFIXE_TIMBRES_25_EUROS_A_VOLONTE + "000000000033");
        String numero = deposer(usager, camille);
        try {
            NumeroTimbre timbre = new NumeroTimbre((String) camille.get("numero_timbre"));
            timbres.reserver(timbre, numero);
            timbres.consommer(timbre, numero);
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(DemoPermis.class).warn("Démonstration du permis : timbre non consommé ({})", e.getMessage());
        }
        deposer(usager, reponses("MARTIN", "Léa Marie", "1999-11-03", JeuDeDemonstration.NEPH_A2_B, "B", "2024-11-20"));
        LoggerFactory.getLogger(DemoPermis.class).info("Mode démonstration : demandes de titre du permis de {} pour le CERT de Bordeaux", USAGER);
    }

    private String deposer(long usager, Map<String, Object> reponses) {
        long id = dossiers.creerBrouillon(usager, "33", "PC_PERTE", "permis-perte", "1", reponses, null, null);
        return dossiers.deposer(id, usager, UUID.randomUUID(), fr.gouv.guichet.permis.DemarchePermis.PREFIXE).valeur();
    }

    private static Map<String, Object> reponses(String nom, String prenoms, String naissance, String neph, String categorie, String examen) {
        Map<String, Object> r = new HashMap<>();
        r.put("nom", nom);
        r.put("prenoms", prenoms);
        r.put("date_naissance", naissance);
        r.put("commune_naissance", "Bordeaux");
        r.put("adresse", "12 cours de l’Intendance");
        r.put("code_postal", "33000");
        r.put("commune", "Bordeaux");
        r.put("courriel", USAGER);
        r.put("neph", neph);
        r.put("categorie_obtenue", categorie);
        r.put("date_examen", examen);
        r.put("code_ephoto", JeuDeDemonstration.EPHOTO_VALIDES.get(1));
        return r;
    }
}
