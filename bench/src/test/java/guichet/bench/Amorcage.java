package guichet.bench;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;

/**
 * Seeds Guichet's PostgreSQL directly (SQL, generate_series), never through the UI:
 * <ul>
 *   <li>{@code dossiers} deposited dossiers (default 1,000,000; 10,000,000 documented) across the 101 préfectures,
 *       big départements heavier than small ones, every state of the lifecycle, 2 % priority sites, 3 years of deposits;</li>
 *   <li>{@code usagers} activated usager accounts {@code usager-N@bench.guichet.test} and one instructing agent per
 *       préfecture {@code agent-CODE@bench.guichet.test}, all with the password {@link #MOT_DE_PASSE}, hashed once with
 *       the encoder Guichet uses (Argon2, Spring Security 5.8 defaults).</li>
 * </ul>
 * Idempotent: does nothing when the base already holds the bench data. Arguments: jdbcUrl dossiers usagers.
 */
public final class Amorcage {

    public static final String MOT_DE_PASSE = "Banc de charge Guichet 2026";
    static final int LOT = 100_000;

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : "jdbc:postgresql://localhost:55432/postgres";
        long dossiers = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
        int usagers = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            c.setAutoCommit(true);
            long deja = compter(c, "select count(*) from dossier where numero like 'SEED-%'");
            if (deja >= dossiers && compter(c, "select count(*) from usager where email like '%@bench.guichet.test'") >= usagers) {
                System.out.printf("Amorçage : déjà fait (%d dossiers, comptes présents)%n", deja);
                AmorcageVehicules.amorcer(c);
                return;
            }
            long debut = System.nanoTime();
            String empreinte = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode(MOT_DE_PASSE);
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into usager (email, mot_de_passe, active, active_le, code_departement)
                    select 'usager-' || g || '@bench.guichet.test', ?, true, now(),
                           (select code from departement order by ordre offset (g % 101) limit 1)
                    from generate_series(1, ?) g
                    on conflict do nothing""")) {
                ps.setString(1, empreinte);
                ps.setInt(2, usagers);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into agent (email, nom, mot_de_passe)
                    select 'agent-' || lower(code) || '@bench.guichet.test', 'Agent de banc ' || code, ? from departement
                    on conflict do nothing""")) {
                ps.setString(1, empreinte);
                ps.executeUpdate();
            }
            try (Statement s = c.createStatement()) {
                s.executeUpdate("""
                        insert into agent_service (agent_id, service, role)
                        select a.id, d.code, 'INSTRUCTEUR' from departement d
                        join agent a on a.email = 'agent-' || lower(d.code) || '@bench.guichet.test'
                        on conflict do nothing""");
            }
            long premierUsager = compter(c, "select min(id) from usager where email like '%@bench.guichet.test'");
            String reponses = """
                    {"nature_demande": "nouveau", "qualite": "commercant", "nom_naissance": "Martin", "prenom": "Claire",
                     "activite": "Commerce de détail", "declarant_voie": "12 quai Cronstadt", "declarant_code_postal": "83000",
                     "declarant_commune": "Toulon", "declarant_telephone": "0494000000", "contact_images_nom": "Claire Martin",
                     "contact_images_telephone": "0612345678", "finalites": ["prevention_atteintes_biens"],
                     "horaires_ouverture": "9 h - 19 h", "etablissement_recevant_public": "oui", "systeme_voie": "12 quai Cronstadt",
                     "systeme_code_postal": "83000", "cameras_interieures": "3", "cameras_exterieures": "1",
                     "abords_immediats": "non", "perimetre_videoprotege": "non", "transmission": "non", "installateur_certifie": "non",
                     "installateur_nom": "Sécurité Provence", "personnes_habilitees": "Le gérant", "enregistrement": "oui",
                     "duree_conservation": "15", "mesures_securite": "Local fermé à clé", "information_public": "Affiche à l’entrée",
                     "droit_acces_service": "Le gérant", "droit_acces_telephone": "0494000000",
                     "date_mise_en_service": "%s", "engagement": ["certifie"]}""".formatted(LocalDate.now().plusMonths(1));
            try (Statement s = c.createStatement()) {
                s.execute("select setseed(0.42)");
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    with deps as (select code, row_number() over (order by ordre) - 1 as rang from departement),
                         tirage as (select g, (power(random(), 1.6) * 101)::int % 101 as rang, random() as e, random() as p,
                                           random() as d, random() as t from generate_series(?::bigint, ?::bigint) g)
                    insert into dossier (numero, usager_id, code_departement, service, demarche, formulaire_id, formulaire_version,
                                         reponses, etat, prioritaire, cree_le, modifie_le, depose_le, complet_le, version)
                    select 'SEED-' || g, ? + (g % ?), deps.code, deps.code,
                           case when d < 0.75 then 'VP_AUTORISATION' when d < 0.88 then 'VP_MODIFICATION' else 'VP_RENOUVELLEMENT' end,
                           'cerfa-13806', '04',
                           cast(? as jsonb) || jsonb_build_object('denomination', 'Commerce ' || g, 'systeme_commune', 'Commune ' || (g % 900),
                                                                  'nature_demande', case when d < 0.75 then 'nouveau' when d < 0.88 then 'modification' else 'renouvellement' end),
                           case when e < 0.15 then 'DEPOSE' when e < 0.30 then 'EN_INSTRUCTION' when e < 0.35 then 'ATTENTE_PIECES'
                                when e < 0.40 then 'ATTENTE_AVIS_COMMISSION' when e < 0.42 then 'AUTORISE_PROVISOIREMENT'
                                when e < 0.80 then 'AUTORISE' when e < 0.90 then 'REFUSE' else 'CLASSE_SANS_SUITE' end,
                           p < 0.02,
                           now() - t * interval '3 years', now() - t * interval '3 years', now() - t * interval '3 years',
                           now() - t * interval '3 years', 1
                    from tirage join deps using (rang)""")) {
                for (long de = deja + 1; de <= dossiers; de += LOT) {
                    long a = Math.min(dossiers, de + LOT - 1);
                    ps.setLong(1, de);
                    ps.setLong(2, a);
                    ps.setLong(3, premierUsager);
                    ps.setLong(4, usagers);
                    ps.setString(5, reponses);
                    ps.executeUpdate();
                    System.out.printf("Amorçage : %,d / %,d dossiers (%.0f s)%n", a, dossiers, (System.nanoTime() - debut) / 1e9);
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("vacuum analyze dossier");
                s.execute("analyze usager");
                s.execute("analyze agent");
            }
            AmorcageVehicules.amorcer(c);
            try (Statement s = c.createStatement()) {
                s.execute("checkpoint");
            }
            System.out.printf("Amorçage terminé en %.0f s : %,d dossiers, %,d usagers, 101 agents%n", (System.nanoTime() - debut) / 1e9,
                    compter(c, "select count(*) from dossier where numero like 'SEED-%'"), usagers);
        }
    }

    private static long compter(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
