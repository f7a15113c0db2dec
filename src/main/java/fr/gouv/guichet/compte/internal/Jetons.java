package fr.gouv.guichet.compte.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Single-use tokens sent by e-mail. Only their SHA-256 is stored; using one is atomic (a second use, even
 * concurrent, finds nothing).
 */
@Component
public class Jetons {

    private static final SecureRandom ALEA = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock horloge;

    Jetons(JdbcClient jdbc, Clock horloge) {
        this.jdbc = jdbc;
        this.horloge = horloge;
    }

    /** A token ready to be used once, and the usager (and new e-mail, for a change of address) it is for. */
    public record JetonValide(long usagerId, @Nullable String nouvelEmail) {
    }

    String emettre(long usagerId, TypeJeton type, @Nullable String nouvelEmail) {
        byte[] octets = new byte[32];
        ALEA.nextBytes(octets);
        String jeton = Base64.getUrlEncoder().withoutPadding().encodeToString(octets);
        Instant maintenant = horloge.instant();
        jdbc.sql("insert into jeton_compte (empreinte, usager_id, type, nouvel_email, expire_le, cree_le) values (?, ?, ?, ?, ?, ?)")
                .params(empreinte(jeton), usagerId, type.name(), nouvelEmail,
                        Timestamp.from(maintenant.plus(type.validite())), Timestamp.from(maintenant))
                .update();
        return jeton;
    }

    /** Checks a token without using it (to show the confirmation page). */
    Optional<JetonValide> verifier(String jeton, TypeJeton type) {
        return jdbc.sql("""
                        select usager_id, nouvel_email from jeton_compte
                        where empreinte = ? and type = ? and utilise_le is null and expire_le > ?""")
                .params(empreinte(jeton), type.name(), Timestamp.from(horloge.instant()))
                .query((rs, i) -> new JetonValide(rs.getLong(1), rs.getString(2))).optional();
    }

    /** Uses a token: succeeds once at most. */
    Optional<JetonValide> utiliser(String jeton, TypeJeton type) {
        return jdbc.sql("""
                        update jeton_compte set utilise_le = ?
                        where empreinte = ? and type = ? and utilise_le is null and expire_le > ?
                        returning usager_id, nouvel_email""")
                .params(Timestamp.from(horloge.instant()), empreinte(jeton), type.name(), Timestamp.from(horloge.instant()))
                .query((rs, i) -> new JetonValide(rs.getLong(1), rs.getString(2))).optional();
    }

    /** Invalidates every unused token of that type for the usager (e.g. after a successful reset). */
    void revoquer(long usagerId, TypeJeton type) {
        jdbc.sql("update jeton_compte set utilise_le = ? where usager_id = ? and type = ? and utilise_le is null")
                .params(Timestamp.from(horloge.instant()), usagerId, type.name()).update();
    }

    int emisDepuis(long usagerId, TypeJeton type, Duration duree) {
        return jdbc.sql("select count(*) from jeton_compte where usager_id = ? and type = ? and cree_le > ?")
                .params(usagerId, type.name(), Timestamp.from(horloge.instant().minus(duree)))
                .query(Integer.class).single();
    }

    int purger() {
        return jdbc.sql("delete from jeton_compte where expire_le < ?")
                .param(Timestamp.from(horloge.instant().minus(Duration.ofDays(7)))).update();
    }

    static String empreinte(String jeton) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(jeton.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
