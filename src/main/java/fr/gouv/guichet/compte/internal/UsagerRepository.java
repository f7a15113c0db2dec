package fr.gouv.guichet.compte.internal;

import fr.gouv.guichet.socle.securite.AdressesElectroniques;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.Optional;

@Repository
public class UsagerRepository {

    private static final String COLONNES = "select id, email, mot_de_passe, active, cree_le, code_departement from usager ";
    private static final RowMapper<Usager> MAPPER = (rs, i) -> new Usager(rs.getLong("id"), rs.getString("email"),
            rs.getString("mot_de_passe"), rs.getBoolean("active"), rs.getTimestamp("cree_le").toInstant(),
            rs.getString("code_departement"));

    private final JdbcClient jdbc;

    UsagerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Usager> parId(long id) {
        return jdbc.sql(COLONNES + "where id = ?").param(id).query(MAPPER).optional();
    }

    public Optional<Usager> parEmail(String email) {
        return jdbc.sql(COLONNES + "where lower(email) = ?").param(AdressesElectroniques.normaliser(email)).query(MAPPER).optional();
    }

    /** Inserts a not-yet-activated usager; empty when the e-mail is already taken (case-insensitively). */
    Optional<Long> creer(String email, String empreinteMotDePasse) {
        return jdbc.sql("""
                        insert into usager (email, mot_de_passe) values (?, ?)
                        on conflict (lower(email)) do nothing returning id""")
                .params(AdressesElectroniques.normaliser(email), empreinteMotDePasse).query(Long.class).optional();
    }

    /** Inserts an activated usager without password (FranceConnect); empty when the e-mail is already taken. */
    Optional<Long> creerActiveSansMotDePasse(String email) {
        return jdbc.sql("""
                        insert into usager (email, mot_de_passe, active, active_le) values (?, null, true, now())
                        on conflict (lower(email)) do nothing returning id""")
                .param(AdressesElectroniques.normaliser(email)).query(Long.class).optional();
    }

    /** Inserts an activated usager without password nor address (FranceConnect identity without e-mail). */
    long creerSansAdresse() {
        return jdbc.sql("insert into usager (email, mot_de_passe, active, active_le) values (null, null, true, now()) returning id")
                .query(Long.class).single();
    }

    /**
     * Names the session that the change of this transaction keeps open (ADR 0030): the revocation triggers spare it
     * while the usager stays active with the same address. Transaction-local: without a transaction it has no effect,
     * and every session is closed.
     */
    void conserverSession(@Nullable String sessionId) {
        if (sessionId != null) {
            jdbc.sql("select set_config('guichet.session_conservee', ?, true)").param(sessionId).query(String.class).single();
        }
    }

    void activer(long id) {
        jdbc.sql("update usager set active = true, active_le = now(), version = version + 1 where id = ? and not active")
                .param(id).update();
    }

    void changerMotDePasse(long id, String empreinte) {
        jdbc.sql("update usager set mot_de_passe = ?, version = version + 1 where id = ?").params(empreinte, id).update();
    }

    /** False when the new address belongs to another account. */
    boolean changerEmail(long id, String saisie) {
        String email = AdressesElectroniques.normaliser(saisie);
        return jdbc.sql("""
                        update usager set email = ?, version = version + 1 where id = ?
                        and not exists (select 1 from usager autre where lower(autre.email) = ? and autre.id <> ?)""")
                .params(email, id, email, id).update() == 1;
    }

    void choisirDepartement(long id, String code) {
        jdbc.sql("update usager set code_departement = ?, version = version + 1 where id = ?").params(code, id).update();
    }

    void supprimer(long id) {
        jdbc.sql("delete from usager where id = ?").param(id).update();
    }

    /**
     * Deletes the accounts never activated whose activation links have all expired (issue 10, point 6: an
     * unactivated sign-up does not hold an address for ever). Returns how many were deleted.
     */
    public int purgerNonActives(java.time.Instant maintenant) {
        java.sql.Timestamp instant = java.sql.Timestamp.from(maintenant);
        return jdbc.sql("""
                        delete from usager u where not u.active and u.active_le is null and u.cree_le < ?
                        and not exists (select 1 from jeton_compte j where j.usager_id = u.id
                                        and j.utilise_le is null and j.expire_le > ?)""")
                .params(java.sql.Timestamp.from(maintenant.minus(TypeJeton.ACTIVATION.validite())), instant).update();
    }

    @Nullable
    String emailDe(long id) {
        return jdbc.sql("select email from usager where id = ?").param(id).query(String.class).optional().orElse(null);
    }
}
