package fr.gouv.guichet.demarche.internal;

import fr.gouv.guichet.support.TestGuichet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plans of the hot statements on a usager's dossiers (issue 18), at volume: 40,000
 * dossiers of 800 usagers, 2 % of the deposited ones flagged « nouveaux éléments », statistics up to date. Each
 * statement is explained as the driver runs it after a few executions, with a <em>generic</em> plan (parameters
 * unknown), which is where the planner went wrong: the agent's « dossier seen » update walked the partial index of the
 * flagged dossiers and filtered them all (10 to 70 ms a dossier page at 1 M dossiers) instead of reading one row by
 * its key. Everything runs in one transaction rolled back at the end.
 */
@TestGuichet
class PlansRequetesChaudesIntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void lesRequetesChaudesPrennentLeBonIndex_planGenerique_a40000Dossiers() {
        List<String> echecs = new ArrayList<>();
        new TransactionTemplate(transactions).executeWithoutResult(statut -> {
            statut.setRollbackOnly();
            long premierUsager = inserer();
            jdbc.sql("analyze dossier").update();
            jdbc.sql("set local plan_cache_mode = force_generic_plan").update();

            // DossierRepository.VU_PAR_AGENT is not checked here: at this volume the planner already picks the primary
            // key for the old statement too, so the check could not fail (the bad plan needs the bench's 1 M dossiers).
            verifier("mes dossiers (onglet)", DossierRepository.RESUME + """
                    where usager_id = ? and (etat = 'BROUILLON') = ?
                    order by modifie_le desc, id desc limit ? offset ?""", List.of(premierUsager, false, 20, 0), echecs,
                    plan -> unParcours(plan, "dossier_usager_liste_idx") && !trie(plan));
            // « Mon espace » (ADR 0031): both branches walk the index without sorting; only their ≤ 2 × 5 rows are.
            verifier("mon espace (à compléter, puis brouillons)", DossierRepository.A_REPRENDRE,
                    List.of(premierUsager, new String[]{"DEPOSE", "EN_INSTRUCTION"}, 5, premierUsager, 5, 5), echecs,
                    plan -> parcours(plan, "dossier_usager_liste_idx") == 2 && noeuds(plan).stream()
                            .filter(n -> texte(n, "Node Type").equals("Append")).noneMatch(PlansRequetesChaudesIntegrationTest::trie));
            // Upload quotas (QuotasDossiers.TOTAUX_PIECES): the account's last hour read dossier by dossier, never by a
            // merge or hash join over every document (the bench's plan once the account has a recent, highest-id dossier).
            long recent = pieces(premierUsager);
            verifier("quotas d'une pièce (dossier, heure du compte)", fr.gouv.guichet.demarche.QuotasDossiers.TOTAUX_PIECES,
                    List.of(recent, "now() - interval '1 hour'", premierUsager), echecs,
                    plan -> noeuds(plan).stream().map(n -> texte(n, "Node Type")).noneMatch(t -> t.equals("Merge Join") || t.equals("Hash Join"))
                            && noeuds(plan).stream().filter(n -> texte(n, "Index Name").equals("piece_jointe_dossier_idx")).count() == 2);
        });
        assertThat(echecs).as("plans qui ne prennent pas l'index attendu").isEmpty();
    }

    /** 800 usagers with 50 dossiers each, states and change dates spread, 2 % flagged; returns the first usager's id. */
    private long inserer() {
        jdbc.sql("select setseed(0.25)").query(rs -> {
        });
        long premier = jdbc.sql("""
                insert into usager (email, mot_de_passe, active)
                select 'plans-' || g || '@banc.guichet.test', 'x', true from generate_series(1, 800) g returning id""")
                .query(Long.class).list().stream().mapToLong(Long::longValue).min().orElseThrow();
        jdbc.sql("""
                insert into dossier (usager_id, numero, code_departement, service, demarche, formulaire_id, formulaire_version,
                                     reponses, etat, cree_le, modifie_le, depose_le, nouveaux_elements_le, version)
                select u.id, case when r.e < 0.2 then null else 'PLANS-' || u.id || '-' || g end, '83',
                       case when r.e < 0.2 then null else '83' end, 'VP_AUTORISATION', 'cerfa-13806', '04',
                       '{"banc": "plans"}'::jsonb,
                       case when r.e < 0.2 then 'BROUILLON' when r.e < 0.5 then 'DEPOSE' when r.e < 0.7 then 'EN_INSTRUCTION' else 'AUTORISE' end,
                       now() - r.t * interval '2 years', now() - r.t * interval '2 years',
                       case when r.e < 0.2 then null else now() - r.t * interval '2 years' end,
                       case when r.e >= 0.2 and r.f < 0.02 then now() - r.t * interval '1 day' end, 1
                from usager u cross join generate_series(1, 50) g
                cross join lateral (select random() + 0 * g as e, random() + 0 * g as f, random() + 0 * g as t) r
                where u.email like 'plans-%@banc.guichet.test'""").update();
        return premier;
    }

    /**
     * As at the bench: documents only on the newest dossiers (6 000 dossiers of other accounts filed after all the others,
     * three documents each, most in the last two hours), then a new dossier of the first usager (the highest id), whose
     * other dossiers are old; returns that dossier's id.
     */
    private long pieces(long premierUsager) {
        jdbc.sql("""
                with nouveaux as (
                    insert into dossier (usager_id, code_departement, demarche, formulaire_id, formulaire_version, reponses)
                    select u.id, '83', 'VP_AUTORISATION', 'cerfa-13806', '04', '{"banc": "plans"}'::jsonb
                    from usager u cross join generate_series(1, 8) g
                    where u.email like 'plans-%@banc.guichet.test' and u.id <> ? returning id)
                insert into piece_jointe (dossier_id, code_piece, nom, type_contenu, taille, sha256, cle_stockage, depose_le)
                select n.id, 'plan_masse', 'plan.pdf', 'application/pdf', 1048576, md5(n.id || '-' || k), 'plans-' || n.id || '-' || k,
                       now() - random() * interval '3 hours'
                from nouveaux n cross join generate_series(1, 3) k""")
                .param(premierUsager).update();
        long recent = jdbc.sql("""
                insert into dossier (usager_id, code_departement, demarche, formulaire_id, formulaire_version, reponses)
                values (?, '83', 'VP_AUTORISATION', 'cerfa-13806', '04', '{"banc": "plans"}'::jsonb) returning id""")
                .param(premierUsager).query(Long.class).single();
        jdbc.sql("analyze piece_jointe").update();
        jdbc.sql("analyze dossier").update();
        return recent;
    }

    /** Prepares the statement as the driver does, explains its generic plan, and records it if not as expected. */
    private void verifier(String nom, String sql, List<Object> valeurs, List<String> echecs, Predicate<JsonNode> attendu) {
        jdbc.sql("deallocate all").update();
        StringBuilder parametree = new StringBuilder();
        int n = 0;
        for (char c : sql.toCharArray()) {
            parametree.append(c == '?' ? "$" + (++n) : String.valueOf(c));
        }
        jdbc.sql("prepare requete_chaude as " + parametree).update();
        // EXPLAIN EXECUTE takes no bound parameters: the test's own values are written as literals.
        String litteraux = String.join(", ", valeurs.stream().map(PlansRequetesChaudesIntegrationTest::litteral).toList());
        String plan = jdbc.sql("explain (format json) execute requete_chaude(" + litteraux + ")").query(String.class).single();
        JsonNode racine = new JsonMapper().readTree(plan).get(0).get("Plan");
        if (!attendu.test(racine)) {
            echecs.add(nom + " :\n" + plan);
        }
    }

    private static String litteral(Object valeur) {
        if (valeur instanceof String[] textes) {
            return "array[" + String.join(", ", java.util.Arrays.stream(textes).map(t -> "'" + t + "'").toList()) + "]";
        }
        return String.valueOf(valeur);
    }

    private static boolean unParcours(JsonNode plan, String index) {
        return parcours(plan, index) > 0;
    }

    private static long parcours(JsonNode plan, String index) {
        return noeuds(plan).stream().filter(n -> List.of("Index Scan", "Index Only Scan").contains(texte(n, "Node Type"))
                && index.equals(texte(n, "Index Name"))).count();
    }

    private static boolean trie(JsonNode plan) {
        return noeuds(plan).stream().anyMatch(n -> texte(n, "Node Type").contains("Sort"));
    }

    private static List<JsonNode> noeuds(JsonNode racine) {
        List<JsonNode> tous = new ArrayList<>();
        List<JsonNode> aVoir = new ArrayList<>(List.of(racine));
        while (!aVoir.isEmpty()) {
            JsonNode n = aVoir.removeLast();
            tous.add(n);
            JsonNode enfants = n.get("Plans");
            if (enfants != null) {
                enfants.forEach(aVoir::add);
            }
        }
        return tous;
    }

    private static String texte(JsonNode noeud, String champ) {
        JsonNode v = noeud.get(champ);
        return v == null ? "" : v.asString();
    }
}
