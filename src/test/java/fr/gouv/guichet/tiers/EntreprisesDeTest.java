package fr.gouv.guichet.tiers;

import fr.gouv.guichet.agent.Agents;
import fr.gouv.guichet.agent.RoleAgent;
import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.demarche.InstructionDossiers;
import fr.gouv.guichet.demarche.TypeActeur;
import fr.gouv.guichet.formulaire.CatalogueFormulaires;
import fr.gouv.guichet.formulaire.ContexteValidation;
import fr.gouv.guichet.formulaire.MoteurValidation;
import fr.gouv.guichet.formulaire.Reponses;
import fr.gouv.guichet.support.AgentsDeTest;
import fr.gouv.guichet.support.ComptesDeTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Habilitation requests filled as a professional would, deposited through the platform and decided by an agent. */
public final class EntreprisesDeTest {

    public static final String SIRET_GARAGE = "91070427977080";
    public static final String SIRET_AUTO_ECOLE = "95978133288616";
    public static final String SIRET_FERME = "93686090021175";

    private final Dossiers dossiers;
    private final InstructionDossiers instruction;
    private final JdbcClient jdbc;
    private final PasswordEncoder encodeur;
    private final Agents agents;
    private final CatalogueFormulaires catalogue;
    private final MoteurValidation moteur;

    public EntreprisesDeTest(Dossiers dossiers, InstructionDossiers instruction, JdbcClient jdbc,
                             PasswordEncoder encodeur, Agents agents, CatalogueFormulaires catalogue,
                             MoteurValidation moteur) {
        this.dossiers = dossiers;
        this.instruction = instruction;
        this.jdbc = jdbc;
        this.encodeur = encodeur;
        this.agents = agents;
        this.catalogue = catalogue;
        this.moteur = moteur;
    }

    public record Habilitee(long dossier, long entreprise, ComptesDeTest.Compte gerant, AgentsDeTest.Agent agent) {
    }

    public static Map<String, Object> reponses(String type, String siret, String raisonSociale, int effectif, int volume,
                                               List<Map<String, String>> collaborateurs) {
        Map<String, Object> r = new HashMap<>();
        r.put("raison_sociale", raisonSociale);
        r.put("siret", siret);
        r.put("type_tiers", type);
        if (type.equals("auto_ecole")) {
            r.put("numero_agrement", "E 12 083 0001 0");
        } else {
            r.put("activites", List.of("vente", "reparation"));
        }
        r.put("effectif", String.valueOf(effectif));
        r.put("volume_annuel", String.valueOf(volume));
        r.put("adresse", "12 quai du Port");
        r.put("code_postal", "83000");
        r.put("commune", "Toulon");
        r.put("telephone", "0494000000");
        r.put("gerant_nom", "Martin");
        r.put("gerant_prenoms", "Claire");
        r.put("gerant_date_naissance", "1975-04-02");
        r.put("collaborateurs", collaborateurs);
        r.put("engagements", List.of("atteste"));
        return r;
    }

    /** A deposited request (checked by the form engine, as the generic pages would), not yet decided. */
    public long deposee(ComptesDeTest.Compte gerant, Map<String, Object> reponses) {
        var definition = catalogue.derniereVersion("tiers-habilitation");
        assertThat(moteur.validerTout(definition, new Reponses(reponses), new ContexteValidation("83", LocalDate.now())))
                .as("réponses valides").isEmpty();
        long id = dossiers.creerBrouillon(gerant.id(), "83", CycleHabilitation.PROCEDURE, definition.id(), definition.version(),
                reponses, null, null);
        dossiers.deposer(id, gerant.id(), UUID.randomUUID(), "TC");
        return id;
    }

    /** A company habilitated by an agent of the Var. */
    public Habilitee habilitee(String type, String siret, String raisonSociale, int effectif, int volume) {
        ComptesDeTest.Compte gerant = new ComptesDeTest(jdbc, encodeur).usager("83");
        AgentsDeTest.Agent agent = new AgentsDeTest(agents).agent("83", RoleAgent.INSTRUCTEUR);
        long dossier = deposee(gerant, reponses(type, siret, raisonSociale, effectif, volume, List.of()));
        instruction.appliquer(dossier, CycleHabilitation.PRENDRE_EN_CHARGE, TypeActeur.AGENT, agent.id(), null);
        instruction.appliquer(dossier, CycleHabilitation.HABILITER, TypeActeur.AGENT, agent.id(), null);
        long entreprise = jdbc.sql("select id from tiers_entreprise where dossier_habilitation = ?").param(dossier)
                .query(Long.class).single();
        return new Habilitee(dossier, entreprise, gerant, agent);
    }
}
