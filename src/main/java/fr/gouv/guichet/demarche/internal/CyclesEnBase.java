package fr.gouv.guichet.demarche.internal;

import fr.gouv.guichet.demarche.Etat;
import fr.gouv.guichet.demarche.Procedure;
import fr.gouv.guichet.demarche.Procedures;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Copies the queue tab of every state of every declared lifecycle into {@code cycle_etat}, before the application
 * serves or seeds anything: the trigger {@code dossier_onglet} reads it to write {@code dossier.onglet} at each change
 * of state, and refuses a state the procedure's lifecycle does not declare. A tab whose declaration changed is
 * rewritten on the dossiers already in that state; a new state has none.
 */
@Component
class CyclesEnBase implements SmartInitializingSingleton {

    private final Procedures procedures;
    private final JdbcClient jdbc;

    CyclesEnBase(Procedures procedures, JdbcClient jdbc) {
        this.procedures = procedures;
        this.jdbc = jdbc;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<String> demarches = new ArrayList<>();
        List<String> etats = new ArrayList<>();
        List<String> onglets = new ArrayList<>();
        for (Procedure p : procedures.toutes()) {
            for (Etat e : p.cycle().etats()) {
                demarches.add(p.code());
                etats.add(e.code());
                onglets.add(e.onglet());
            }
        }
        record Change(String demarche, String etat, String onglet) {
        }
        // xmax <> 0: the row existed and its tab changed (a new row has xmax = 0).
        List<Change> changes = jdbc.sql("""
                        with ecrits as (
                          insert into cycle_etat (demarche, etat, onglet) select * from unnest(?::text[], ?::text[], ?::text[])
                          on conflict (demarche, etat) do update set onglet = excluded.onglet where cycle_etat.onglet <> excluded.onglet
                          returning demarche, etat, onglet, xmax <> 0 as modifie)
                        select demarche, etat, onglet from ecrits where modifie""")
                .params(demarches.toArray(String[]::new), etats.toArray(String[]::new), onglets.toArray(String[]::new))
                .query((rs, i) -> new Change(rs.getString(1), rs.getString(2), rs.getString(3))).list();
        for (Change c : changes) {
            jdbc.sql("update dossier set onglet = ? where demarche = ? and etat = ? and onglet <> ?")
                    .params(c.onglet(), c.demarche(), c.etat(), c.onglet()).update();
        }
    }
}
