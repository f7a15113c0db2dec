package fr.gouv.guichet.mediation.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Repository
class SessionAccompagneeRepository {

    private static final RowMapper<SessionAccompagnee> MAPPER = (rs, i) -> new SessionAccompagnee(
            rs.getObject("id", UUID.class), rs.getLong("mediateur_id"), rs.getString("lieu_id"), rs.getString("lieu_nom"),
            rs.getTimestamp("debut").toInstant(), rs.getTimestamp("derniere_activite").toInstant(), rs.getInt("inactivite_s"),
            (Long) rs.getObject("usager_id"), instant(rs.getTimestamp("consenti_le")), instant(rs.getTimestamp("fin")),
            rs.getString("motif_fin"));

    private final JdbcClient jdbc;

    SessionAccompagneeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void ouvrir(UUID id, long mediateurId, String lieuId, Instant debut, int inactiviteSecondes) {
        jdbc.sql("""
                        insert into session_accompagnee (id, mediateur_id, lieu_id, debut, derniere_activite, inactivite_s)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(id, mediateurId, lieuId, Timestamp.from(debut), Timestamp.from(debut), inactiviteSecondes).update();
    }

    Optional<SessionAccompagnee> parId(UUID id) {
        return jdbc.sql("select s.*, l.nom as lieu_nom from session_accompagnee s join lieu_mediation l on l.id = s.lieu_id "
                + "where s.id = ?").param(id).query(MAPPER).optional();
    }

    boolean consentir(UUID id, long usagerId, Instant moment) {
        return jdbc.sql("""
                        update session_accompagnee set usager_id = ?, consenti_le = ?, derniere_activite = ?
                        where id = ? and fin is null and consenti_le is null""")
                .params(usagerId, Timestamp.from(moment), Timestamp.from(moment), id).update() == 1;
    }

    void activite(UUID id, Instant moment, @Nullable String etape) {
        jdbc.sql("""
                        update session_accompagnee set derniere_activite = ?, derniere_etape = coalesce(?, derniere_etape)
                        where id = ? and fin is null""")
                .params(Timestamp.from(moment), etape, id).update();
    }

    boolean terminer(UUID id, String motif, Instant moment) {
        return jdbc.sql("update session_accompagnee set fin = ?, motif_fin = ? where id = ? and fin is null")
                .params(Timestamp.from(moment), motif, id).update() == 1;
    }

    /** Ends, as of their last activity plus their delay, the open sessions nobody used for longer than their delay. */
    int terminerInactives(Instant maintenant) {
        return jdbc.sql("""
                        update session_accompagnee set motif_fin = 'INACTIVITE',
                          fin = derniere_activite + make_interval(secs => inactivite_s)
                        where fin is null and derniere_activite + make_interval(secs => inactivite_s) < ?""")
                .param(Timestamp.from(maintenant)).update();
    }

    /** The médiateur's latest sessions, with what was filed (procedures only: no usager's data). */
    List<SessionAccompagnee.Bilan> duMediateur(long mediateurId, int nombre) {
        return jdbc.sql("""
                        select s.debut, s.fin, s.motif_fin, s.consenti_le is not null as consentie,
                               coalesce(string_agg(d.demarche, ',' order by d.depose_le), '') as demarches
                        from session_accompagnee s left join dossier_aide d on d.session_id = s.id
                        where s.mediateur_id = ? group by s.id order by s.debut desc limit ?""")
                .params(mediateurId, nombre)
                .query((rs, i) -> new SessionAccompagnee.Bilan(rs.getTimestamp("debut").toInstant(),
                        instant(rs.getTimestamp("fin")), rs.getString("motif_fin"), rs.getBoolean("consentie"),
                        rs.getString("demarches").isEmpty() ? List.of() : List.of(rs.getString("demarches").split(","))))
                .list();
    }

    void noterDepot(long dossierId, UUID sessionId, String lieuId, String lieuNom, String demarche, Instant moment) {
        jdbc.sql("""
                        insert into dossier_aide (dossier_id, session_id, lieu_id, lieu_nom, demarche, depose_le)
                        values (?, ?, ?, ?, ?, ?) on conflict (dossier_id) do nothing""")
                .params(dossierId, sessionId, lieuId, lieuNom, demarche, Timestamp.from(moment)).update();
    }

    Optional<String> lieuAyantAide(long dossierId) {
        return jdbc.sql("select lieu_nom from dossier_aide where dossier_id = ?").param(dossierId).query(String.class).optional();
    }

    private static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
