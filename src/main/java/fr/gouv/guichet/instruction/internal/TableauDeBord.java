package fr.gouv.guichet.instruction.internal;

import fr.gouv.guichet.demarche.CycleDeVie;
import fr.gouv.guichet.demarche.Etat;
import fr.gouv.guichet.demarche.Procedures;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The figures of a service instructeur (préfecture, CERT): stock per state, flows per month, decision times, backlog age, priority sites. */
@Repository
public class TableauDeBord {

    public record Mois(String mois, int depots, int decisions) {
    }

    public record Delais(@Nullable Double medianeJours, @Nullable Double p90Jours, int decides) {
    }

    public record Prioritaire(long id, String numero, String demandeur, Etat etat, int jours) {
    }

    /**
     * A decision is the transition that puts a dossier in the "Décidés" tab from outside it, whatever the procedure:
     * its lifecycle says which of its states are there ({@code cycle_etat}). A videoprotection authorization, refusal
     * or closure, a CERT's validation or refusal are decisions; a title's production and shipping, which follow the
     * validation inside that tab, are not.
     */
    static final String DECISION = """
            exists (select 1 from cycle_etat ce where ce.demarche = d.demarche and ce.etat = t.vers and ce.onglet = 'DECIDES')
            and not exists (select 1 from cycle_etat ce where ce.demarche = d.demarche and ce.etat = t.de and ce.onglet = 'DECIDES')""";

    private final JdbcClient jdbc;
    private final Procedures procedures;

    TableauDeBord(JdbcClient jdbc, Procedures procedures) {
        this.jdbc = jdbc;
        this.procedures = procedures;
    }

    /**
     * Deposited dossiers per state, every state of the lifecycles the préfecture's dossiers follow (of every lifecycle
     * when it has none yet), one line per state code, in the lifecycles' order.
     */
    public Map<Etat, Integer> parEtat(String code) {
        Map<String, Integer> nombres = new HashMap<>();
        Set<CycleDeVie> cycles = new TreeSet<>(Comparator.comparing(CycleDeVie::code));
        jdbc.sql("select demarche, etat, count(*) from dossier where service = ? and etat <> 'BROUILLON' group by demarche, etat")
                .param(code).query(rs -> {
                    CycleDeVie cycle = procedures.cycle(rs.getString(1));
                    cycle.etat(rs.getString(2));
                    cycles.add(cycle);
                    nombres.merge(rs.getString(2), rs.getInt(3), Integer::sum);
                });
        if (cycles.isEmpty()) {
            procedures.toutes().forEach(p -> cycles.add(p.cycle()));
        }
        Map<Etat, Integer> parEtat = new LinkedHashMap<>();
        Set<String> vus = new HashSet<>();
        for (CycleDeVie cycle : cycles) {
            for (Etat e : cycle.etats()) {
                if (!e.estBrouillon() && vus.add(e.code())) {
                    parEtat.put(e, nombres.getOrDefault(e.code(), 0));
                }
            }
        }
        return parEtat;
    }

    public List<Mois> parMois(String code, LocalDate aujourdhui) {
        LocalDate debut = aujourdhui.withDayOfMonth(1).minusMonths(11);
        return jdbc.sql("""
                        with mois as (select generate_series(?::date, ?::date, interval '1 month')::date as m)
                        select to_char(m, 'MM/YYYY'),
                          (select count(*) from dossier d where d.service = ? and d.depose_le >= m and d.depose_le < m + interval '1 month'),
                          (select count(*) from dossier_transition t join dossier d on d.id = t.dossier_id
                            where d.service = ? and %s
                              and t.moment >= m and t.moment < m + interval '1 month')
                        from mois order by m""".formatted(DECISION))
                .params(java.sql.Date.valueOf(debut), java.sql.Date.valueOf(aujourdhui.withDayOfMonth(1)), code, code)
                .query((rs, i) -> new Mois(rs.getString(1), rs.getInt(2), rs.getInt(3))).list();
    }

    public Delais delaisDecision(String code) {
        return jdbc.sql("""
                        select percentile_cont(0.5) within group (order by jours), percentile_cont(0.9) within group (order by jours), count(*)
                        from (select extract(epoch from (t.moment - d.depose_le)) / 86400 as jours
                              from dossier d join dossier_transition t on t.dossier_id = d.id
                              where d.service = ? and %s) x""".formatted(DECISION))
                .param(code)
                .query((rs, i) -> new Delais(rs.getObject(1) == null ? null : rs.getDouble(1), rs.getObject(2) == null ? null : rs.getDouble(2),
                        rs.getInt(3)))
                .single();
    }

    /** Undecided dossiers by age: 0–30, 31–60, 61–90, 91–120, more than 120 days. */
    public Map<String, Integer> stockParAnciennete(String code) {
        Map<String, Integer> tranches = new LinkedHashMap<>();
        for (String t : List.of("0 à 30 jours", "31 à 60 jours", "61 à 90 jours", "91 à 120 jours", "plus de 120 jours")) {
            tranches.put(t, 0);
        }
        jdbc.sql("""
                        select case when age <= 30 then '0 à 30 jours' when age <= 60 then '31 à 60 jours' when age <= 90 then '61 à 90 jours'
                                    when age <= 120 then '91 à 120 jours' else 'plus de 120 jours' end, count(*)
                        from (select extract(day from now() - depose_le) as age from dossier
                              where service = ? and onglet not in ('BROUILLON', 'DECIDES')) x
                        group by 1""")
                .param(code).query(rs -> {
                    tranches.put(rs.getString(1), rs.getInt(2));
                });
        return tranches;
    }

    /** Dossiers where the usager sent something (message, document) that no agent has opened yet, oldest first. */
    public List<Prioritaire> nouveauxElements(String code) {
        List<Prioritaire> liste = new ArrayList<>();
        jdbc.sql("""
                        select id, numero, coalesce(nullif(reponses->>'denomination', ''), reponses->>'nom_naissance', ''), etat,
                               extract(day from now() - nouveaux_elements_le)::int, demarche
                        from dossier where service = ? and nouveaux_elements_le is not null and onglet <> 'BROUILLON'
                        order by nouveaux_elements_le limit 100""")
                .param(code).query(rs -> {
                    liste.add(new Prioritaire(rs.getLong(1), rs.getString(2), rs.getString(3), procedures.etat(rs.getString(6), rs.getString(4)), rs.getInt(5)));
                });
        return liste;
    }

    public List<Prioritaire> prioritairesEnAttente(String code) {
        List<Prioritaire> liste = new ArrayList<>();
        jdbc.sql("""
                        select id, numero, coalesce(nullif(reponses->>'denomination', ''), reponses->>'nom_naissance', ''), etat,
                               extract(day from now() - depose_le)::int, demarche
                        from dossier where service = ? and prioritaire
                          and onglet not in ('BROUILLON', 'DECIDES')
                        order by depose_le""")
                .param(code).query(rs -> {
                    liste.add(new Prioritaire(rs.getLong(1), rs.getString(2), rs.getString(3), procedures.etat(rs.getString(6), rs.getString(4)), rs.getInt(5)));
                });
        return liste;
    }
}
