package fr.gouv.guichet.instruction.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Private notes on a dossier, visible to the préfecture's agents only. */
@Repository
public class NotesAgents {

    public record Note(String auteur, String texte, Instant moment) {
    }

    private final JdbcClient jdbc;
    private final Clock horloge;

    NotesAgents(JdbcClient jdbc, Clock horloge) {
        this.jdbc = jdbc;
        this.horloge = horloge;
    }

    public List<Note> de(long dossierId) {
        return jdbc.sql("""
                        select coalesce(a.nom, 'Agent supprimé'), n.texte, n.moment from note_agent n left join agent a on a.id = n.agent_id
                        where n.dossier_id = ? order by n.id""")
                .param(dossierId).query((rs, i) -> new Note(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant())).list();
    }

    public void ajouter(long dossierId, long agentId, String texte) {
        jdbc.sql("insert into note_agent (dossier_id, agent_id, texte, moment) values (?, ?, ?, ?)")
                .params(dossierId, agentId, texte, Timestamp.from(horloge.instant())).update();
    }
}
