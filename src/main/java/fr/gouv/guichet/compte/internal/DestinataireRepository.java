package fr.gouv.guichet.compte.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The designations of table {@code usager_destinataire}: at most one in force per usager, the revoked ones kept. */
@Repository
public class DestinataireRepository {

    /** One designation; {@code revoqueLe} null while in force. */
    public record Ligne(long id, String type, @Nullable String email, @Nullable String nom, @Nullable String lieuId,
                        @Nullable String lieuNom, Instant consentiLe, @Nullable Instant revoqueLe) {
    }

    private static final RowMapper<Ligne> MAPPER = (rs, i) -> new Ligne(rs.getLong("id"), rs.getString("type"),
            rs.getString("email"), rs.getString("nom"), rs.getString("lieu_id"), rs.getString("lieu_nom"),
            rs.getTimestamp("consenti_le").toInstant(),
            rs.getTimestamp("revoque_le") == null ? null : rs.getTimestamp("revoque_le").toInstant());

    private final JdbcClient jdbc;

    DestinataireRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Ligne> enVigueur(long usagerId) {
        return jdbc.sql("select * from usager_destinataire where usager_id = ? and revoque_le is null").param(usagerId)
                .query(MAPPER).optional();
    }

    public List<Ligne> historique(long usagerId) {
        return jdbc.sql("select * from usager_destinataire where usager_id = ? order by consenti_le desc, id desc limit 20")
                .param(usagerId).query(MAPPER).list();
    }

    /** Revokes the designation in force (if any); true if there was one. */
    public boolean revoquer(long usagerId, Instant maintenant) {
        return jdbc.sql("update usager_destinataire set revoque_le = ? where usager_id = ? and revoque_le is null")
                .params(Timestamp.from(maintenant), usagerId).update() > 0;
    }

    public void inserer(long usagerId, String type, @Nullable String email, @Nullable String nom, @Nullable String lieuId,
                        @Nullable String lieuNom, Instant maintenant) {
        jdbc.sql("""
                        insert into usager_destinataire (usager_id, type, email, nom, lieu_id, lieu_nom, consenti_le)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(usagerId, type, email, nom, lieuId, lieuNom, Timestamp.from(maintenant)).update();
    }
}
