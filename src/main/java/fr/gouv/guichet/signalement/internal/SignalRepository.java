package fr.gouv.guichet.signalement.internal;

import fr.gouv.guichet.signalement.NouveauSignal;
import fr.gouv.guichet.signalement.Signal;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code signal} table: inserted once per (dossier, rule, object), never updated. */
@Repository
public class SignalRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, String>> DETAILS = new TypeReference<>() {
    };
    private static final String COLONNES = """
            s.id, s.dossier_id, d.numero, s.service, s.regle, s.objet, s.explication, s.details::text, s.leve_le
            from signal s join dossier d on d.id = s.dossier_id""";

    private final JdbcClient jdbc;

    SignalRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The inserted signal, or empty when the constraint says it already exists. */
    public Optional<Signal> inserer(NouveauSignal s, String service, Instant moment) {
        Optional<Long> id = jdbc.sql("""
                        insert into signal (dossier_id, service, regle, objet, explication, details, leve_le)
                        values (?, ?, ?, ?, ?, cast(? as json), ?)
                        on conflict on constraint signal_une_fois do nothing returning id""")
                .params(s.dossierId(), service, s.regle(), s.objet(), s.explication(), JSON.writeValueAsString(s.details()),
                        Timestamp.from(moment))
                .query(Long.class).optional();
        return id.map(i -> jdbc.sql("select " + COLONNES + " where s.id = ?").param(i).query(LIGNE).single());
    }

    public List<Signal> duDossier(long dossierId) {
        return jdbc.sql("select " + COLONNES + " where s.dossier_id = ? order by s.leve_le, s.id").param(dossierId).query(LIGNE).list();
    }

    public long compter(String service, @Nullable String regle) {
        return jdbc.sql("select count(*) from signal where service = ? and (cast(? as text) is null or regle = ?)")
                .params(service, regle, regle).query(Long.class).single();
    }

    public List<Signal> duService(String service, @Nullable String regle, int nombre, long decalage) {
        return jdbc.sql("select " + COLONNES + """
                         where s.service = ? and (cast(? as text) is null or s.regle = ?)
                        order by s.leve_le desc, s.id desc limit ? offset ?""")
                .params(service, regle, regle, nombre, decalage).query(LIGNE).list();
    }

    public List<String> regles(String service) {
        return jdbc.sql("select distinct regle from signal where service = ? order by regle").param(service).query(String.class).list();
    }

    private static final RowMapper<Signal> LIGNE = (rs, i) -> new Signal(rs.getLong(1), rs.getLong(2), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), lire(rs.getString(8)),
            rs.getTimestamp(9).toInstant());

    private static Map<String, String> lire(String json) {
        return JSON.readValue(json, DETAILS);
    }
}
