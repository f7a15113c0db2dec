package fr.gouv.guichet.notification;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Letters to print or to collect at a help place (issue 16, point 4): a notification for a usager who chose a help
 * place instead of an e-mail address. Recorded once under the key of the e-mail it replaces (a resubmitted outbox
 * publication finds it recorded); the place's médiateur lists, prints and marks them handed over.
 */
@Service
public class Courriers {

    /** A letter waiting at a place ({@code remisLe} null) or handed over. */
    public record Courrier(String cle, String lieuId, String destinataire, String sujet, List<String> paragraphes,
                           @Nullable String lien, Instant creeLe, @Nullable Instant remisLe) {
    }

    private static final RowMapper<Courrier> MAPPER = (rs, i) -> new Courrier(rs.getString("cle"), rs.getString("lieu_id"),
            rs.getString("destinataire"), rs.getString("sujet"), textes(rs.getArray("paragraphes")), rs.getString("lien"),
            rs.getTimestamp("cree_le").toInstant(),
            rs.getTimestamp("remis_le") == null ? null : rs.getTimestamp("remis_le").toInstant());

    private final JdbcClient jdbc;

    Courriers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the letter unless one was recorded under this key; true when recorded now. */
    @Transactional
    public boolean deposerUneFois(String cle, String lieuId, String destinataire, Courriel courriel) {
        return jdbc.sql("""
                        insert into courrier_a_remettre (cle, lieu_id, destinataire, sujet, paragraphes, lien)
                        values (?, ?, ?, ?, ?, ?) on conflict (cle) do nothing""")
                .params(cle, lieuId, destinataire, courriel.sujet(), courriel.paragraphes().toArray(String[]::new),
                        courriel.lienUrl()).update() == 1;
    }

    /** The place's letters not yet handed over, oldest first. */
    public List<Courrier> aRemettre(String lieuId) {
        return jdbc.sql("select * from courrier_a_remettre where lieu_id = ? and remis_le is null order by cree_le, cle limit 200")
                .param(lieuId).query(MAPPER).list();
    }

    /** One letter of this place (never another place's). */
    public Optional<Courrier> duLieu(String lieuId, String cle) {
        return jdbc.sql("select * from courrier_a_remettre where lieu_id = ? and cle = ?").params(lieuId, cle)
                .query(MAPPER).optional();
    }

    /** Marks a letter of this place handed over; false if it is not this place's or already handed over. */
    @Transactional
    public boolean marquerRemis(String lieuId, String cle, Instant moment) {
        return jdbc.sql("update courrier_a_remettre set remis_le = ? where lieu_id = ? and cle = ? and remis_le is null")
                .params(java.sql.Timestamp.from(moment), lieuId, cle).update() == 1;
    }

    private static List<String> textes(Array tableau) throws SQLException {
        return Arrays.asList((String[]) tableau.getArray());
    }
}
