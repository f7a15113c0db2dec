package fr.gouv.guichet.preuve;

import fr.gouv.guichet.instruction.internal.FileAttente;
import fr.gouv.guichet.instruction.internal.FiltreFile;
import fr.gouv.guichet.instruction.internal.Onglet;
import fr.gouv.guichet.support.TestGuichet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import fr.gouv.guichet.demarche.Procedures;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agents' queue stays an index walk at scale (issue 5): 200,000 dossiers across the 101 préfectures, then the
 * SQL that {@link FileAttente#page} really sends (captured from the JDBC driver calls, first page and a keyset page,
 * with and without the priority and démarche filters) is explained: it must go through {@code dossier_file_idx} and
 * never scan the {@code dossier} table sequentially; the default queue and every next page must walk the index in
 * queue order (Index Scan or Index Only Scan, no Sort).
 * Everything is done in one transaction rolled back at the end, so the shared test database is left as it was.
 */
@TestGuichet
class FileAttenteIndexIntegrationTest {

    static final int VOLUME = 200_000;
    /** The CERT instructing the driving licences of the Var (sources, 2017) and of other départements. */
    static final String CERT = "cert-permis-bordeaux";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Procedures procedures;
    @Autowired
    DataSource dataSource;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Clock horloge;

    /** A statement as the application prepared it, with the values it bound. */
    record Requete(String sql, Map<Integer, Object> valeurs) {
        List<Object> parametres() {
            return new ArrayList<>(valeurs.values());
        }
    }

    @Test
    void laFileDUnService_prefectureOuCert_parcourtDossierFileIdx_jamaisUnParcoursSequentiel_a200000Dossiers() throws Exception {
        List<Requete> capturees = new ArrayList<>();
        FileAttente file = fileAttenteEspionnee(capturees);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        List<String> echecs = new ArrayList<>();
        tx.executeWithoutResult(statut -> {
            statut.setRollbackOnly();
            long debut = System.nanoTime();
            inserer();
            jdbc.sql("analyze dossier").update();
            System.out.printf("File d’attente : %d dossiers insérés et analysés en %.1f s%n", VOLUME, (System.nanoTime() - debut) / 1e9);

            List<FiltreFile> filtres = new ArrayList<>();
            // Three préfectures, and a CERT serving many départements (whole queue, and one of its départements).
            for (String service : List.of("13", "75", "976", CERT)) {
                for (Onglet onglet : List.of(Onglet.A_TRAITER, Onglet.EN_INSTRUCTION, Onglet.DECIDES)) {
                    filtres.add(new FiltreFile(service, onglet, null, null, null, null, null, null, null));
                    filtres.add(new FiltreFile(service, onglet, null, null, Boolean.TRUE, null, null, null, null));
                    filtres.add(new FiltreFile(service, onglet, "VP_AUTORISATION", null, null, null, null, null, null));
                    filtres.add(new FiltreFile(service, onglet, "VP_RENOUVELLEMENT", null, Boolean.FALSE, null, null, null, null));
                }
            }
            for (Onglet onglet : List.of(Onglet.A_TRAITER, Onglet.DECIDES)) {
                filtres.add(new FiltreFile(CERT, onglet, null, null, null, null, null, null, null, "83"));
            }
            int pagesSuivantes = 0;
            for (FiltreFile filtre : filtres) {
                capturees.clear();
                FileAttente.Page premiere = file.page(filtre, null, 60);
                List<Requete> requetes = new ArrayList<>(capturees);
                if (filtre.prioritaire() != null) {
                    assertThat(premiere.lignes()).as("le filtre des sites prioritaires " + filtre)
                            .isNotEmpty().allMatch(l -> l.prioritaire() == filtre.prioritaire());
                }
                if (premiere.suivante() != null) {
                    pagesSuivantes++;
                    capturees.clear();
                    FileAttente.Page seconde = file.page(filtre, premiere.suivante(), 60);
                    assertThat(seconde.lignes()).isNotEmpty();
                    assertThat(seconde.lignes().getFirst().id()).isNotEqualTo(premiere.lignes().getLast().id());
                    requetes.addAll(capturees);
                }
                for (Requete r : requetes) {
                    assertThat(r.sql()).contains("from dossier where service = ? and onglet = ?");
                    String plan = jdbc.sql("explain (format json) " + r.sql()).params(r.parametres()).query(String.class).single();
                    List<JsonNode> noeuds = new ArrayList<>();
                    noeuds(new JsonMapper().readTree(plan).get(0).get("Plan"), noeuds);
                    boolean pageSuivante = r.sql().contains(") > (");
                    boolean fileParDefaut = filtre.demarche() == null && filtre.prioritaire() == null && filtre.departement() == null;
                    boolean parcoursOrdonne = noeuds.stream().anyMatch(n -> List.of("Index Scan", "Index Only Scan").contains(texte(n, "Node Type"))
                            && "dossier_file_idx".equals(texte(n, "Index Name")));
                    boolean parIndex = parcoursOrdonne || noeuds.stream().anyMatch(n -> "Bitmap Index Scan".equals(texte(n, "Node Type"))
                            && "dossier_file_idx".equals(texte(n, "Index Name")));
                    boolean sequentiel = noeuds.stream().anyMatch(n -> "Seq Scan".equals(texte(n, "Node Type"))
                            && "dossier".equals(texte(n, "Relation Name")));
                    boolean tri = noeuds.stream().anyMatch(n -> texte(n, "Node Type").contains("Sort"));
                    // Always through dossier_file_idx, never a sequential scan. The default queue and every next page
                    // must moreover walk the index in queue order (no sort): that is what agents load all day. A
                    // selective filter (priority sites, a rare démarche, one département of a CERT) may be served by a bitmap scan of the same
                    // index range (one préfecture's tab) and a small sort, when the planner finds it cheaper.
                    if (!parIndex || sequentiel || ((fileParDefaut || pageSuivante) && (!parcoursOrdonne || tri))) {
                        echecs.add(filtre + (pageSuivante ? " [page suivante]" : " [première page]") + " :\n" + plan);
                    }
                }
            }
            assertThat(pagesSuivantes).as("des files assez longues pour une page suivante").isGreaterThanOrEqualTo(12);

            // The real cost, for the record: first and keyset page of the biggest tab of the biggest préfecture.
            FiltreFile grande = new FiltreFile("13", Onglet.DECIDES, null, null, null, null, null, null, null);
            long t0 = System.nanoTime();
            FileAttente.Page p = file.page(grande, null, 60);
            for (int i = 0; i < 20 && p.suivante() != null; i++) {
                p = file.page(grande, p.suivante(), 60);
            }
            System.out.printf("File d’attente : 21 pages successives (13, Décidés) en %.1f ms%n", (System.nanoTime() - t0) / 1e6);
        });
        jdbc.sql("vacuum analyze dossier").update();
        assertThat(echecs).as("plans sans dossier_file_idx, avec tri ou parcours séquentiel").isEmpty();
    }

    /**
     * 200,000 deposited dossiers, more in the big départements than in the small ones, across every tab, 2 % of them
     * flagged as priority sites, four démarches, over three years of deposits; answers reduced to what the queue shows.
     */
    private void inserer() {
        jdbc.sql("select setseed(0.5)").query(rs -> {
        });
        jdbc.sql("""
                with deps as (select code, row_number() over (order by ordre) - 1 as rang from departement),
                     tirage as (select g, (power(random(), 1.6) * 101)::int % 101 as rang, random() as e, random() as p, random() as d,
                                       random() as t from generate_series(1, ?) g)
                insert into dossier (numero, code_departement, service, demarche, formulaire_id, formulaire_version, reponses, etat, prioritaire,
                                     cree_le, modifie_le, depose_le, complet_le, version)
                select 'IDX-' || g, deps.code,
                       -- a quarter of the dossiers instructed by the CERT competent for the driving licences of their département
                       case when (g % 4) = 0 then coalesce((select c.service from competence c where c.famille = 'PERMIS'
                                                             and c.code_departement = deps.code order by c.valide_du desc limit 1), deps.code)
                            else deps.code end,
                       case when d < 0.70 then 'VP_AUTORISATION' when d < 0.85 then 'VP_MODIFICATION'
                            when d < 0.97 then 'VP_RENOUVELLEMENT' else 'VP_BANQUE' end,
                       case when d < 0.97 then 'cerfa-13806' else 'cerfa-14095' end,
                       case when d < 0.97 then '04' else '03' end,
                       jsonb_build_object('denomination', 'Commerce ' || g, 'systeme_commune', 'Commune ' || (g % 700)),
                       case when e < 0.15 then 'DEPOSE' when e < 0.30 then 'EN_INSTRUCTION' when e < 0.35 then 'ATTENTE_PIECES'
                            when e < 0.40 then 'ATTENTE_AVIS_COMMISSION' when e < 0.42 then 'AUTORISE_PROVISOIREMENT'
                            when e < 0.80 then 'AUTORISE' when e < 0.90 then 'REFUSE' else 'CLASSE_SANS_SUITE' end,
                       p < 0.02,
                       now() - t * interval '3 years', now() - t * interval '3 years', now() - t * interval '3 years',
                       now() - t * interval '3 years', 1
                from tirage join deps using (rang)""").param(VOLUME).update();
    }

    private static void noeuds(JsonNode noeud, List<JsonNode> tous) {
        tous.add(noeud);
        JsonNode enfants = noeud.get("Plans");
        if (enfants != null) {
            for (JsonNode enfant : enfants) {
                noeuds(enfant, tous);
            }
        }
    }

    private static String texte(JsonNode noeud, String champ) {
        JsonNode v = noeud.get(champ);
        return v == null ? "" : v.asString();
    }

    /**
     * The application's own {@link FileAttente} code, over a JDBC connection that records each prepared statement and
     * the values bound to it (the connection is the current transaction's).
     */
    private FileAttente fileAttenteEspionnee(List<Requete> capturees) throws Exception {
        DataSource transactionnelle = new TransactionAwareDataSourceProxy(dataSource);
        DataSource espion = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{DataSource.class},
                (p, m, args) -> {
                    Object r = appeler(m, transactionnelle, args);
                    return r instanceof Connection c ? connexionEspionnee(c, capturees) : r;
                });
        Constructor<FileAttente> constructeur = FileAttente.class.getDeclaredConstructor(JdbcClient.class, Clock.class, Procedures.class);
        constructeur.setAccessible(true);
        return constructeur.newInstance(JdbcClient.create(espion), horloge, procedures);
    }

    private static Connection connexionEspionnee(Connection connexion, List<Requete> capturees) {
        return (Connection) Proxy.newProxyInstance(FileAttenteIndexIntegrationTest.class.getClassLoader(), new Class<?>[]{Connection.class},
                (p, m, args) -> {
                    Object r = appeler(m, connexion, args);
                    if (m.getName().equals("prepareStatement") && r instanceof PreparedStatement ps) {
                        Requete requete = new Requete((String) args[0], new TreeMap<>());
                        capturees.add(requete);
                        return Proxy.newProxyInstance(FileAttenteIndexIntegrationTest.class.getClassLoader(),
                                new Class<?>[]{PreparedStatement.class}, (p2, m2, args2) -> {
                                    if (m2.getName().startsWith("set") && args2 != null && args2.length >= 2 && args2[0] instanceof Integer i) {
                                        requete.valeurs().put(i, args2[1]);
                                    }
                                    return appeler(m2, ps, args2);
                                });
                    }
                    return r;
                });
    }

    private static Object appeler(Method m, Object cible, Object[] args) throws Throwable {
        try {
            return m.invoke(cible, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
