package fr.gouv.guichet.preuve;

import fr.gouv.guichet.instruction.internal.FileAttente;
import fr.gouv.guichet.instruction.internal.Onglet;
import fr.gouv.guichet.support.TestGuichet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tab counters of a queue (issue 18) are kept by triggers on {@code dossier}: after a bulk insert, state changes
 * (one by one and in bulk), a dossier moved to another service or département, deletions, and concurrent transitions,
 * every counter equals a recount of the dossiers, and the queue page's counts are those of a recount.
 */
@TestGuichet
class CompteursFileIntegrationTest {

    static final String CERT = "cert-permis-bordeaux";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    FileAttente file;

    @Test
    void lesCompteursRestentEgauxAUnRecomptage_apresInsertionsChangementsDeplacementsSuppressionsEtConcurrence() throws Exception {
        String lot = "CPT-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        // One statement inserting 240 dossiers (the statement-level trigger), in the Var préfecture and a CERT.
        jdbc.sql("""
                insert into dossier (numero, code_departement, service, demarche, formulaire_id, formulaire_version, reponses,
                                     etat, depose_le, version)
                select ? || g, case when g % 3 = 0 then '33' else '83' end, case when g % 2 = 0 then '83' else ? end,
                       'VP_AUTORISATION', 'cerfa-13806', '04', '{}'::jsonb,
                       case g % 4 when 0 then 'DEPOSE' when 1 then 'EN_INSTRUCTION' when 2 then 'ATTENTE_PIECES' else 'AUTORISE' end,
                       now(), 1
                from generate_series(1, 240) g""").params(lot, CERT).update();
        verifierRecomptage();

        // A bulk change of state, and one dossier at a time.
        jdbc.sql("update dossier set etat = 'EN_INSTRUCTION' where numero like ? and etat = 'DEPOSE'").param(lot + "%").update();
        verifierRecomptage();
        List<Long> ids = jdbc.sql("select id from dossier where numero like ? order by id").param(lot + "%").query(Long.class).list();
        jdbc.sql("update dossier set etat = 'REFUSE' where id = ?").param(ids.get(0)).update();
        // An update that moves no dossier between tabs touches no counter (and keeps them right).
        jdbc.sql("update dossier set prioritaire = true, modifie_le = now() where id = ?").param(ids.get(1)).update();
        verifierRecomptage();

        // Moved to another service, then to another département; a draft (in no tab) deposited; deletions.
        jdbc.sql("update dossier set service = ? where id = ?").params(CERT, ids.get(2)).update();
        jdbc.sql("update dossier set code_departement = '13' where id = ?").param(ids.get(3)).update();
        jdbc.sql("update dossier set etat = 'BROUILLON' where id = ?").param(ids.get(4)).update();
        verifierRecomptage();
        jdbc.sql("update dossier set etat = 'DEPOSE' where id = ?").param(ids.get(4)).update();
        jdbc.sql("delete from dossier where id in (?, ?)").params(ids.get(5), ids.get(6)).update();
        jdbc.sql("delete from dossier where numero like ? and etat = 'AUTORISE' and id % 5 = 0").param(lot + "%").update();
        verifierRecomptage();

        // Concurrent transitions of different dossiers of the same service and tabs: no deadlock, no lost update.
        ExecutorService fils = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> travaux = new ArrayList<>();
            List<Long> restants = jdbc.sql("select id from dossier where numero like ? order by id").param(lot + "%").query(Long.class).list();
            for (int t = 0; t < 8; t++) {
                int fil = t;
                travaux.add(fils.submit(() -> {
                    for (int i = fil; i < restants.size(); i += 8) {
                        String etat = (i % 3 == 0) ? "ATTENTE_PIECES" : (i % 3 == 1) ? "EN_INSTRUCTION" : "AUTORISE";
                        jdbc.sql("update dossier set etat = ? where id = ?").params(etat, restants.get(i)).update();
                    }
                    return null;
                }));
            }
            for (Future<?> f : travaux) {
                f.get();
            }
        } finally {
            fils.shutdownNow();
        }
        verifierRecomptage();

        // The queue page's counts are a recount's (whole CERT, and one of its départements).
        for (String departement : java.util.Arrays.asList(null, "33")) {
            Map<Onglet, Integer> compte = file.compter(CERT, departement);
            for (Onglet o : Onglet.values()) {
                Integer attendu = jdbc.sql("select count(*)::int from dossier where service = ? and onglet = ?"
                                + " and (cast(? as text) is null or code_departement = ?)")
                        .params(CERT, o.name(), departement, departement).query(Integer.class).single();
                assertThat(compte.get(o)).as("onglet %s, département %s", o, departement).isEqualTo(attendu);
            }
        }
        jdbc.sql("delete from dossier where numero like ?").param(lot + "%").update();
        verifierRecomptage();
    }

    /** One statement, so one snapshot: other tests' listeners may be changing dossiers at the same time. */
    private void verifierRecomptage() {
        List<String> ecarts = jdbc.sql("""
                select coalesce(r.cle, c.cle) || ' : recompté ' || coalesce(r.n, 0) || ', compteur ' || coalesce(c.n, 0)
                from (select service || '|' || code_departement || '|' || onglet as cle, count(*) as n from dossier
                      where service is not null and onglet <> 'BROUILLON' group by 1) r
                full join (select service || '|' || code_departement || '|' || onglet as cle, nombre as n from file_compteur
                           where nombre <> 0) c on c.cle = r.cle
                where r.n is distinct from c.n""").query(String.class).list();
        assertThat(ecarts).isEmpty();
    }
}
