package fr.gouv.guichet.referentiel;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migration V20261202_0201 on a database filled by the previous schema: préfecture contact details, agents'
 * attachments and deposited dossiers are all carried over to services, nothing lost.
 */
class MigrationServicesInstructeursTest {

    @Test
    void servicePrefecture_agentPrefecture_etDossiers_passentAuxServices_sansPerte() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            DataSource ds = pg.getPostgresDatabase();
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").target("20261201.0210").load().migrate();
            JdbcClient jdbc = JdbcClient.create(ds);
            jdbc.sql("update service_prefecture set telephone = '04 94 18 83 83', courriel = 'pref-vp@var.gouv.fr', delai_cible_jours = 45 "
                    + "where code_departement = '83'").update();
            long agent = jdbc.sql("insert into agent (email, nom) values ('a@interieur.gouv.fr', 'Agent') returning id").query(Long.class).single();
            jdbc.sql("insert into agent_prefecture (agent_id, code_departement, role) values (?, '83', 'ADMINISTRATEUR'), (?, '75', 'INSTRUCTEUR')")
                    .params(agent, agent).update();
            long depose = jdbc.sql("""
                    insert into dossier (numero, code_departement, demarche, formulaire_id, formulaire_version, etat, depose_le)
                    values ('VP-075-2026-000001-A', '75', 'VP_AUTORISATION', 'cerfa-13806', '04', 'DEPOSE', now()) returning id""")
                    .query(Long.class).single();
            long brouillon = jdbc.sql("""
                    insert into dossier (code_departement, demarche, formulaire_id, formulaire_version)
                    values ('83', 'VP_AUTORISATION', 'cerfa-13806', '04') returning id""").query(Long.class).single();

            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();

            assertThat(jdbc.sql("select count(*) from service_instructeur where type in ('PREFECTURE', 'PREFECTURE_POLICE')")
                    .query(Integer.class).single()).isEqualTo(101);
            assertThat(jdbc.sql("select telephone || '|' || courriel || '|' || delai_cible_jours || '|' || nom || '|' || bureau "
                    + "from service_instructeur where code = '83'").query(String.class).single())
                    .isEqualTo("04 94 18 83 83|pref-vp@var.gouv.fr|45|Préfecture du Var|Bureau de la vidéoprotection");
            assertThat(jdbc.sql("select type from service_instructeur where code = '75'").query(String.class).single())
                    .isEqualTo("PREFECTURE_POLICE");
            // The old table name still reads (a read-only view) for code not yet moved to services.
            assertThat(jdbc.sql("select telephone from service_prefecture where code_departement = '83'").query(String.class).single())
                    .isEqualTo("04 94 18 83 83");
            assertThat(jdbc.sql("select service || ':' || role from agent_service where agent_id = ? order by service").param(agent)
                    .query(String.class).list()).containsExactly("75:INSTRUCTEUR", "83:ADMINISTRATEUR");
            assertThat(jdbc.sql("select service from dossier where id = ?").param(depose).query(String.class).single()).isEqualTo("75");
            assertThat(jdbc.sql("select service is null from dossier where id = ?").param(brouillon).query(Boolean.class).single()).isTrue();
            assertThat(jdbc.sql("select indexdef from pg_indexes where indexname = 'dossier_file_idx'").query(String.class).single())
                    .contains("(service, onglet, ((NOT prioritaire)), depose_le, id)");
        }
    }
}
