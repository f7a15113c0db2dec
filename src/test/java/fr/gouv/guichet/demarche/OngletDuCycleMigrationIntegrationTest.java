package fr.gouv.guichet.demarche;

import fr.gouv.guichet.support.TestGuichet;
import fr.gouv.guichet.videoprotection.CycleVideoprotection;
import fr.gouv.guichet.videoprotection.DemarcheVideo;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Migration V20261202_0101 (issue 12 A.1): on a database filled by the previous schema, where {@code dossier.onglet}
 * was an expression naming the videoprotection states, dossiers in every state keep their state, their history and
 * their tab, the queue index stays, and the tabs the migrated rows hold are those the videoprotection lifecycle now
 * declares. Then the trigger writes the tab of each change of state from the declarations, and refuses an unknown state.
 */
@TestGuichet
class OngletDuCycleMigrationIntegrationTest {

    static final MigrationVersion CETTE_MIGRATION = MigrationVersion.fromVersion("20261202.0101");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Environment env;

    @Test
    void baseRempliesParLeSchemaPrecedent_migree_sansPerte_etOngletsDuCycle() {
        String base = "migration_cycle_" + UUID.randomUUID().toString().replace("-", "");
        jdbc.sql("create database " + base).update();
        try {
            DriverManagerDataSource source = new DriverManagerDataSource(
                    env.getRequiredProperty("spring.datasource.url").replaceFirst("/postgres(\\?|$)", "/" + base + "$1"),
                    env.getRequiredProperty("spring.datasource.username"), env.getProperty("spring.datasource.password", ""));
            JdbcClient ancienne = JdbcClient.create(source);
            MigrationVersion precedente = Arrays.stream(flyway(source, null).info().all()).map(MigrationInfo::getVersion)
                    .filter(v -> v.isNewerThan(MigrationVersion.EMPTY) && CETTE_MIGRATION.isNewerThan(v))
                    .max(MigrationVersion::compareTo).orElseThrow();
            flyway(source, precedente).migrate();

            List<String> etats = CycleVideoprotection.CYCLE.etats().stream().map(Etat::code).toList();
            for (String etat : etats) {
                long id = ancienne.sql("""
                                insert into dossier (numero, code_departement, demarche, formulaire_id, formulaire_version, etat, depose_le)
                                values (?, '83', ?, 'cerfa-13806', '04', ?, case when ? = 'BROUILLON' then null else now() end) returning id""")
                        .params("MIG-" + etat, DemarcheVideo.AUTORISATION.code(), etat, etat).query(Long.class).single();
                ancienne.sql("insert into dossier_transition (dossier_id, de, vers, acteur_type, motif) values (?, null, ?, 'USAGER', 'avant')")
                        .params(id, etat).update();
            }
            Map<String, String> ongletsAvant = onglets(ancienne);
            assertThat(ongletsAvant).hasSize(etats.size());

            flyway(source, null).migrate();

            assertThat(onglets(ancienne)).as("états et onglets conservés").isEqualTo(ongletsAvant);
            ongletsAvant.forEach((etat, onglet) -> assertThat(CycleVideoprotection.CYCLE.etat(etat).onglet())
                    .as("onglet déclaré de " + etat).isEqualTo(onglet));
            assertThat(ancienne.sql("select count(*) from dossier_transition where motif = 'avant'").query(Integer.class).single())
                    .isEqualTo(etats.size());
            assertThat(ancienne.sql("select attgenerated from pg_attribute where attrelid = 'dossier'::regclass and attname = 'onglet'")
                    .query(String.class).single()).as("colonne ordinaire").isEmpty();
            assertThat(ancienne.sql("select indexdef from pg_indexes where indexname = 'dossier_file_idx'").query(String.class).single())
                    .as("l'index de la file garde l'onglet (sa première colonne, le service, vient de la migration des services)")
                    .contains("onglet, ((NOT prioritaire)), depose_le, id)");

            // The application copies its declarations at start-up; here, the test does it with the same declaration.
            for (Etat e : CycleVideoprotection.CYCLE.etats()) {
                ancienne.sql("insert into cycle_etat (demarche, etat, onglet) values (?, ?, ?)")
                        .params(DemarcheVideo.AUTORISATION.code(), e.code(), e.onglet()).update();
            }
            ancienne.sql("update dossier set etat = 'ATTENTE_AVIS_COMMISSION' where numero = 'MIG-EN_INSTRUCTION'").update();
            assertThat(onglets(ancienne)).containsEntry("ATTENTE_AVIS_COMMISSION", "ATTENTE_COMMISSION");
            assertThat(ancienne.sql("select onglet from dossier where numero = 'MIG-EN_INSTRUCTION'").query(String.class).single())
                    .isEqualTo("ATTENTE_COMMISSION");
            assertThatThrownBy(() -> ancienne.sql("update dossier set etat = 'EXPEDIE' where numero = 'MIG-DEPOSE'").update())
                    .hasMessageContaining("État « EXPEDIE » inconnu du cycle de vie de la démarche « VP_AUTORISATION »");
        } finally {
            jdbc.sql("drop database if exists " + base + " with (force)").update();
        }
    }

    @Test
    void laBaseDeLApplication_connaitChaqueEtatDeclare_etSesOngletsSuiventLesDeclarations() {
        for (String demarche : List.of(DemarcheVideo.AUTORISATION.code(), DemarcheVideo.BANQUE.code())) {
            for (Etat e : CycleVideoprotection.CYCLE.etats()) {
                assertThat(jdbc.sql("select onglet from cycle_etat where demarche = ? and etat = ?").params(demarche, e.code())
                        .query(String.class).single()).isEqualTo(e.onglet());
            }
        }
        assertThat(jdbc.sql("select count(*) from dossier d join cycle_etat c using (demarche, etat) where d.onglet <> c.onglet")
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from dossier d where not exists (select 1 from cycle_etat c "
                + "where c.demarche = d.demarche and c.etat = d.etat)").query(Integer.class).single()).isZero();
    }

    private static Map<String, String> onglets(JdbcClient base) {
        Map<String, String> onglets = new HashMap<>();
        base.sql("select etat, onglet from dossier where numero like 'MIG-%'").query(rs -> {
            onglets.put(rs.getString(1), rs.getString(2));
        });
        return onglets;
    }

    private static Flyway flyway(javax.sql.DataSource source, MigrationVersion cible) {
        var configuration = Flyway.configure().dataSource(source).locations("classpath:db/migration");
        if (cible != null) {
            configuration.target(cible);
        }
        return configuration.load();
    }
}
