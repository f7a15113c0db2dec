package fr.gouv.guichet.tiers.internal;

import fr.gouv.guichet.compte.ServiceDeDemonstration;
import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.demarche.InstructionDossiers;
import fr.gouv.guichet.demarche.Procedures;
import fr.gouv.guichet.demarche.TypeActeur;
import fr.gouv.guichet.formulaire.CatalogueFormulaires;
import fr.gouv.guichet.tiers.CycleHabilitation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import fr.gouv.guichet.agent.RoleAgent;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Demo mode: a garage and a driving school of the Var, habilitated by the préfecture's demo instructor
 * {@value #AGENT} (created here), with their managers {@code garage@demo.guichet.local} and
 * {@code auto-ecole@demo.guichet.local} and a collaborator {@code moniteur@demo.guichet.local}, all with the demo
 * password; a third request ({@code garage-en-attente@demo.guichet.local}) waits for instruction. Idempotent.
 */
@Component
@ConditionalOnProperty(name = "guichet.demo", havingValue = "true")
class DonneesDemoTiers {

    private static final Logger LOG = LoggerFactory.getLogger(DonneesDemoTiers.class);
    static final String AGENT = "prefecture-tiers-83@demo.guichet.local";

    private final ServiceDeDemonstration comptes;
    private final Dossiers dossiers;
    private final InstructionDossiers instruction;
    private final Procedures procedures;
    private final CatalogueFormulaires catalogue;
    private final EntrepriseRepository entreprises;
    private final JdbcClient jdbc;
    private final String motDePasse;
    private final fr.gouv.guichet.agent.Agents agents;

    DonneesDemoTiers(fr.gouv.guichet.agent.Agents agents, ServiceDeDemonstration comptes, Dossiers dossiers,
                     InstructionDossiers instruction, Procedures procedures, CatalogueFormulaires catalogue,
                     EntrepriseRepository entreprises, JdbcClient jdbc,
                     @Value("${guichet.demo.mot-de-passe:Demo-Guichet-2026}") String motDePasse) {
        this.agents = agents;
        this.comptes = comptes;
        this.dossiers = dossiers;
        this.instruction = instruction;
        this.procedures = procedures;
        this.catalogue = catalogue;
        this.entreprises = entreprises;
        this.jdbc = jdbc;
        this.motDePasse = motDePasse;
    }

    @EventListener(ApplicationReadyEvent.class)
    void amorcer() {
        if (jdbc.sql("select count(*) from tiers_entreprise").query(Integer.class).single() > 0) {
            return;
        }
        // Its own instructor of the Var's préfecture: the order of the demo seeders does not matter.
        long agent = jdbc.sql("select id from agent where email = ?").param(AGENT).query(Long.class).optional().orElseGet(() -> {
            long id = agents.creerAvecMotDePasse(AGENT, "Agent de démonstration — tiers de confiance, Préfecture du Var", motDePasse, false);
            agents.rattacher(id, "83", RoleAgent.INSTRUCTEUR);
            return id;
        });
        long garage = demande("garage@demo.guichet.local", "professionnel_automobile", "91070427977080", "Garage du Port (démonstration)",
                "12 quai Cronstadt", "83000", "Toulon", true, agent);
        demande("auto-ecole@demo.guichet.local", "auto_ecole", "95978133288616", "Auto-école des Pins (démonstration)",
                "4 avenue des Pins", "83400", "Hyères", true, agent);
        demande("garage-en-attente@demo.guichet.local", "professionnel_automobile", "94982935280061", "Garage des Essais (démonstration)",
                "7 route de Draguignan", "83300", "Draguignan", false, agent);
        long moniteur = comptes.usagerActive("moniteur@demo.guichet.local", motDePasse, "83");
        entreprises.parDossier(jdbc.sql("select id from dossier where demarche = ? and usager_id = (select id from usager where email = ?)")
                        .params(CycleHabilitation.PROCEDURE, "auto-ecole@demo.guichet.local").query(Long.class).single())
                .ifPresent(e -> entreprises.ajouterCollaborateur(e.id(), moniteur, "COLLABORATEUR", java.time.Instant.now()));
        LOG.info("Mode démonstration : tiers de confiance garage@, auto-ecole@, moniteur@ et garage-en-attente@demo.guichet.local "
                + "(dossier d’habilitation {})", garage);
    }

    private long demande(String email, String type, String siret, String nom, String adresse, String codePostal, String commune,
                         boolean habiliter, long agent) {
        long gerant = comptes.usagerActive(email, motDePasse, "83");
        Map<String, Object> r = new HashMap<>();
        r.put("raison_sociale", nom);
        r.put("siret", siret);
        r.put("type_tiers", type);
        if (type.equals("auto_ecole")) {
            r.put("numero_agrement", "E 26 083 0042 0");
        } else {
            r.put("activites", List.of("vente", "reparation"));
        }
        r.put("effectif", "4");
        r.put("volume_annuel", "300");
        r.put("adresse", adresse);
        r.put("code_postal", codePostal);
        r.put("commune", commune);
        r.put("telephone", "0494000000");
        r.put("gerant_nom", "Démo");
        r.put("gerant_prenoms", "Dominique");
        r.put("gerant_date_naissance", "1975-04-02");
        r.put("collaborateurs", List.of());
        r.put("engagements", List.of("atteste"));
        var procedure = procedures.get(CycleHabilitation.PROCEDURE);
        var definition = catalogue.derniereVersion(procedure.formulaireId());
        long id = dossiers.creerBrouillon(gerant, "83", procedure.code(), definition.id(), definition.version(), r, null, null);
        dossiers.deposer(id, gerant, UUID.randomUUID(), procedure.prefixeNumero());
        if (habiliter) {
            instruction.appliquer(id, CycleHabilitation.PRENDRE_EN_CHARGE, TypeActeur.AGENT, agent, null);
            instruction.appliquer(id, CycleHabilitation.HABILITER, TypeActeur.AGENT, agent, "Dossier complet, SIRET vérifié (démonstration)");
        }
        return id;
    }
}
