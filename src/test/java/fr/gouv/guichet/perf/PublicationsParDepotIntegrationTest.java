package fr.gouv.guichet.perf;

import fr.gouv.guichet.agent.Agents;
import fr.gouv.guichet.agent.RoleAgent;
import fr.gouv.guichet.demarche.DossierUsagerIntegrationTest;
import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.demarche.InstructionDossiers;
import fr.gouv.guichet.demarche.Evenements;
import fr.gouv.guichet.demarche.TypeActeur;
import fr.gouv.guichet.support.AgentsDeTest;
import fr.gouv.guichet.support.ComptesDeTest;
import fr.gouv.guichet.support.ConnexionsHttp;
import fr.gouv.guichet.support.DossiersDeTest;
import fr.gouv.guichet.support.DossiersPermisDeTest;
import fr.gouv.guichet.support.TestGuichet;
import fr.gouv.guichet.timbre.ServiceTimbres;
import fr.gouv.guichet.videoprotection.CycleVideoprotection;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * Issue 18, ADR 0032: an event is stored in the outbox ({@code event_publication}) only for the listeners it concerns.
 * Each publication costs an insert, an update, a delete, two transactions and a turn of the asynchronous executor; a
 * listener of one procedure declares in its condition which procedures' events it wants. Every publication inserted
 * is captured by a trigger (the rows themselves are deleted once their listener is done), by dossier.
 */
@TestGuichet
class PublicationsParDepotIntegrationTest {

    private static final String SCHEMA = "essai_publications";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encodeur;
    @Autowired
    Dossiers dossiers;
    @Autowired
    InstructionDossiers instruction;
    @Autowired
    ServiceTimbres timbres;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    ApplicationEventPublisher evenements;
    @Autowired
    IncompleteEventPublications incompletes;
    @Autowired
    EventSerializer serialiseur;
    @Autowired
    Agents agents;

    ComptesDeTest comptes;

    @BeforeEach
    void capturer() {
        comptes = new ComptesDeTest(jdbc, encodeur);
        jdbc.sql("drop schema if exists " + SCHEMA + " cascade").update();
        jdbc.sql("create schema " + SCHEMA).update();
        jdbc.sql("create table " + SCHEMA + ".publication (operation text not null, listener_id text not null, "
                + "serialized_event text not null, transaction_id bigint not null)").update();
        jdbc.sql("create function " + SCHEMA + ".capturer() returns trigger language plpgsql as $$ begin "
                + "if tg_op = 'DELETE' then insert into " + SCHEMA + ".publication values (tg_op, old.listener_id, old.serialized_event, "
                + "txid_current()); return old; end if; insert into " + SCHEMA + ".publication values (tg_op, new.listener_id, "
                + "new.serialized_event, txid_current()); return new; end $$").update();
        jdbc.sql("create trigger essai_capture after insert or update or delete on event_publication for each row execute function "
                + SCHEMA + ".capturer()").update();
    }

    @AfterEach
    void arreter() {
        jdbc.sql("drop trigger if exists essai_capture on event_publication").update();
        jdbc.sql("drop schema if exists " + SCHEMA + " cascade").update();
    }

    /** The listeners a publication was stored for, for the events of this dossier. */
    List<String> ecouteurs(long dossierId) {
        return jdbc.sql("select listener_id from " + SCHEMA + ".publication where operation = 'INSERT' and serialized_event ~ ? order by 1")
                .param("\"dossierId\":" + dossierId + "[,}]").query(String.class).list();
    }

    @Test
    void depotDeVideoprotection_completParHttp_neStockeRienPourLesEcouteursDesAutresDemarches() throws Exception {
        ComptesDeTest.Compte compte = comptes.usager("83");
        Cookie session = ConnexionsHttp.usager(mvc, compte);
        long id = dossiers.creerBrouillon(compte.id(), "83", "VP_AUTORISATION", "cerfa-13806", "04",
                DossiersDeTest.reponsesValides(), null, null);
        mvc.perform(post("/usager/dossiers/" + id + "/valider").cookie(session).with(csrf())
                        .param("cle", UUID.randomUUID().toString()).param("certification", "oui"))
                .andExpect(redirectedUrl("/usager/dossiers/" + id));
        mvc.perform(multipart("/usager/dossiers/" + id + "/pieces").file(new MockMultipartFile("fichier", "plan.png", "image/png", DossierUsagerIntegrationTest.png()))
                        .param("codePiece", "expose_succinct").cookie(session).with(csrf()))
                .andExpect(redirectedUrl("/usager/dossiers/" + id + "#documents"));
        assertThat(jdbc.sql("select count(*) from piece_jointe where dossier_id = ?").param(id).query(Integer.class).single())
                .as("la pièce est enregistrée (l'événement PieceAjoutee est publié)").isEqualTo(1);

        attendreTraitees(id);
        // What the outbox costs this deposit in PostgreSQL: rows written (insert, status updates, delete) and transactions.
        var cout = jdbc.sql("select count(*), count(distinct transaction_id) from " + SCHEMA + ".publication where serialized_event ~ ?")
                .param("\"dossierId\":" + id + "[,}]").query((rs, i) -> new int[]{rs.getInt(1), rs.getInt(2)}).single();
        System.out.printf("Outbox d'un dépôt de vidéoprotection : %d publications, %d écritures dans event_publication, %d transactions%n",
                ecouteurs(id).size(), cout[0], cout[1]);
        assertThat(ecouteurs(id)).as("une seule publication : le récépissé ; aucune pour permis, immatriculation, identité, tiers")
                .singleElement().asString().startsWith("fr.gouv.guichet.demarche.internal.EnvoiRecepisse.envoyer(");
        assertThat(cout[0]).as("écritures de l'outbox pour ce dépôt (ADR 0032)").isLessThanOrEqualTo(MAX_ECRITURES);
        assertThat(cout[1]).as("transactions qui écrivent dans l'outbox pour ce dépôt (ADR 0032)").isLessThanOrEqualTo(MAX_TRANSACTIONS);

        // Its instruction: a transition is announced to the usager, and to no listener of another procedure.
        long instructeur = new AgentsDeTest(agents).agent("83", RoleAgent.INSTRUCTEUR).id();
        instruction.appliquer(id, CycleVideoprotection.PRENDRE_EN_CHARGE, TypeActeur.AGENT, instructeur, null);
        assertThat(ecouteurs(id)).as("la transition : seulement l'avis à l'usager (pas fabrication, refus ni traitement automatique)")
                .hasSize(2).anyMatch(l -> l.startsWith("fr.gouv.guichet.demarche.internal.NotificationsUsager.transition("));
        attendreTraitees(id);
    }

    @Test
    void depotDePermis_etSaPiece_stockentToujoursLeursPublications_etEnProduisentLesEffets() {
        long usager = comptes.usager("33").id();
        long id = new DossiersPermisDeTest(dossiers, timbres).deposerAvecTimbre(usager, "33");
        dossiers.ajouterPiece(id, usager, "justificatif", "photo.png", "image/png", 10, "0".repeat(64), "cle-" + UUID.randomUUID());

        assertThat(ecouteurs(id)).as("le récépissé, la consommation du timbre et les règles de fraude du permis ; pas l'immatriculation")
                .hasSize(4)
                .anyMatch(l -> l.startsWith("fr.gouv.guichet.demarche.internal.EnvoiRecepisse.envoyer("))
                .anyMatch(l -> l.startsWith("fr.gouv.guichet.permis.internal.EtapesPermis.consommerLeTimbre("))
                .anyMatch(l -> l.startsWith("fr.gouv.guichet.permis.internal.SignauxFraude.depose("))
                .anyMatch(l -> l.startsWith("fr.gouv.guichet.permis.internal.SignauxFraude.pieceAjoutee("))
                .noneMatch(l -> l.startsWith("fr.gouv.guichet.immatriculation."));
        attendreTraitees(id);
    }

    /**
     * A {@code PieceAjoutee} stored before it carried the procedure code reads back with {@code demarche} null: its
     * condition lets it through, the listener checks the dossier itself and the publication completes.
     */
    @Test
    void pieceAjouteeAncienne_sansDemarche_estRelue_puisTraiteeEtTerminee() {
        Evenements.PieceAjoutee ancienne = serialiseur.deserialize("{\"dossierId\":-7,\"pieceId\":-8}", Evenements.PieceAjoutee.class);
        assertThat(ancienne).isEqualTo(new Evenements.PieceAjoutee(-7, -8, null));

        long usager = comptes.usager("33").id();
        long id = new DossiersPermisDeTest(dossiers, timbres).deposer(usager, "33", DossiersPermisDeTest.reponses());
        transaction.executeWithoutResult(s -> evenements.publishEvent(new Evenements.PieceAjoutee(id, 1, null)));
        assertThat(ecouteurs(id)).as("une publication sans démarche est encore reçue").anyMatch(l -> l.contains("SignauxFraude.pieceAjoutee("));

        // As left by the previous version: stored, its listener interrupted, then resubmitted by the outbox.
        UUID publication = UUID.randomUUID();
        jdbc.sql("""
                        insert into event_publication (id, listener_id, event_type, serialized_event, publication_date, status,
                                                       completion_attempts)
                        values (?, ?, ?, ?, ?, 'FAILED', 1)""")
                .params(publication, "fr.gouv.guichet.permis.internal.SignauxFraude.pieceAjoutee(fr.gouv.guichet.demarche.Evenements$PieceAjoutee)",
                        Evenements.PieceAjoutee.class.getName(), "{\"dossierId\":" + id + ",\"pieceId\":1}",
                        Timestamp.from(Instant.now().minus(Duration.ofMinutes(5)))).update();
        incompletes.resubmitIncompletePublications(p -> p.getIdentifier().equals(publication));
        attendreTraitees(id);
        assertThat(jdbc.sql("select count(*) from event_publication where id = ?").param(publication).query(Integer.class).single())
                .as("traitée et terminée (supprimée), pas laissée en échec").isZero();
    }

    /**
     * The migration of ADR 0032 removes the publications stored before for a listener whose condition now refuses
     * their event (they would never complete), and only those.
     */
    @Test
    void migration_retireLesPublicationsEnCoursQueLaConditionRefuse_etGardeLesAutres() throws Exception {
        String depose = "fr.gouv.guichet.demarche.Evenements$DossierDepose";
        String piece = "fr.gouv.guichet.demarche.Evenements$PieceAjoutee";
        String fraude = "fr.gouv.guichet.permis.internal.SignauxFraude.depose(" + depose + ")";
        String traitement = "fr.gouv.guichet.immatriculation.internal.TraitementAutomatique.depose(" + depose + ")";
        String fraudePiece = "fr.gouv.guichet.permis.internal.SignauxFraude.pieceAjoutee(" + piece + ")";
        String recepisse = "fr.gouv.guichet.demarche.internal.EnvoiRecepisse.envoyer(" + depose + ")";
        UUID videoPourLePermis = stocker(fraude, depose, "{\"dossierId\":-11,\"numero\":\"VP-1\",\"demarche\":\"VP_AUTORISATION\"}");
        UUID videoPourLImmatriculation = stocker(traitement, depose, "{\"dossierId\":-11,\"numero\":\"VP-1\",\"demarche\":\"VP_AUTORISATION\"}");
        UUID permisPourLePermis = stocker(fraude, depose, "{\"dossierId\":-12,\"numero\":\"PC-1\",\"demarche\":\"PC_PERTE\"}");
        UUID videoPourLeRecepisse = stocker(recepisse, depose, "{\"dossierId\":-11,\"numero\":\"VP-1\",\"demarche\":\"VP_AUTORISATION\"}");
        UUID pieceAncienne = stocker(fraudePiece, piece, "{\"dossierId\":-11,\"pieceId\":3}");
        List<UUID> toutes = List.of(videoPourLePermis, videoPourLImmatriculation, permisPourLePermis, videoPourLeRecepisse, pieceAncienne);
        try {
            jdbc.sql(new ClassPathResource("db/migration/V20261207_0101__outbox_publications_hors_condition.sql")
                    .getContentAsString(StandardCharsets.UTF_8)).update();
            assertThat(jdbc.sql("select id from event_publication where id in (:ids)").param("ids", toutes).query(UUID.class).list())
                    .containsExactlyInAnyOrder(permisPourLePermis, videoPourLeRecepisse, pieceAncienne);
        } finally {
            jdbc.sql("delete from event_publication where id in (:ids)").param("ids", toutes).update();
        }
    }

    private UUID stocker(String ecouteur, String type, String evenement) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into event_publication (id, listener_id, event_type, serialized_event, publication_date, status,
                                                       completion_attempts)
                        values (?, ?, ?, ?, now(), 'PUBLISHED', 0)""").params(id, ecouteur, type, evenement).update();
        return id;
    }

    /**
     * Measured on 1 December 2026 (ADR 0032), before → after the listeners' conditions: 5 → 1 publication, each an
     * insert, an update (PROCESSING) and a delete.
     */
    static final int MAX_ECRITURES = 3; // 15 → 3
    static final int MAX_TRANSACTIONS = 3; // 12 → 3

    /** Lets this dossier's listeners finish (their publications are deleted once done), asynchronous as they are. */
    private void attendreTraitees(long dossierId) {
        Instant limite = Instant.now().plus(Duration.ofSeconds(30));
        while (enCours(dossierId) > 0 && Instant.now().isBefore(limite)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        assertThat(enCours(dossierId)).as("publications du dossier traitées").isZero();
    }

    private int enCours(long dossierId) {
        return jdbc.sql("select count(*) from event_publication where completion_date is null and serialized_event ~ ?")
                .param("\"dossierId\":" + dossierId + "[,}]").query(Integer.class).single();
    }
}
