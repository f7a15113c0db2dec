package fr.gouv.guichet.demarche.internal;

import fr.gouv.guichet.demarche.CycleDeVie;
import fr.gouv.guichet.demarche.Procedures;
import fr.gouv.guichet.demarche.Historique.Message;
import fr.gouv.guichet.demarche.Historique.PieceJointe;
import fr.gouv.guichet.demarche.Historique.TransitionEnregistree;
import fr.gouv.guichet.demarche.TypeActeur;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Timeline, messages and attached documents of dossiers. */
@Repository
public class HistoriqueRepository {

    private static final RowMapper<PieceJointe> PIECE = (rs, i) -> new PieceJointe(rs.getLong("id"), rs.getString("code_piece"),
            rs.getString("nom"), rs.getString("type_contenu"), rs.getLong("taille"), rs.getString("sha256"),
            rs.getString("cle_stockage"), rs.getTimestamp("depose_le").toInstant());

    private final JdbcClient jdbc;
    private final Procedures procedures;

    HistoriqueRepository(JdbcClient jdbc, Procedures procedures) {
        this.jdbc = jdbc;
        this.procedures = procedures;
    }

    /** What a recorded transition says ("label : reason"), by its row. */
    public Optional<String> motif(long transitionId) {
        return jdbc.sql("select motif from dossier_transition where id = ?").param(transitionId).query(String.class).optional();
    }

        /** The dossier's recorded transitions, their states read in its procedure's lifecycle. */
    public List<TransitionEnregistree> transitions(long dossierId) {
        // One statement: the procedure comes with the rows (a dossier page's query budget is asserted in tests).
        return jdbc.sql("""
                        select t.de, t.vers, t.acteur_type, t.motif, t.moment, d.demarche
                        from dossier_transition t join dossier d on d.id = t.dossier_id
                        where t.dossier_id = ? order by t.id""")
                .param(dossierId)
                .query((rs, i) -> {
                    CycleDeVie cycle = procedures.cycle(rs.getString("demarche"));
                    return new TransitionEnregistree(rs.getString("de") == null ? null : cycle.etat(rs.getString("de")),
                            cycle.etat(rs.getString("vers")), TypeActeur.valueOf(rs.getString("acteur_type")),
                            rs.getString("motif"), rs.getTimestamp("moment").toInstant());
                })
                .list();
    }

    public List<Message> messages(long dossierId) {
        return jdbc.sql("select id, auteur_type, texte, moment from dossier_message where dossier_id = ? order by id")
                .param(dossierId)
                .query((rs, i) -> new Message(rs.getLong("id"), TypeActeur.valueOf(rs.getString("auteur_type")), rs.getString("texte"),
                        rs.getTimestamp("moment").toInstant()))
                .list();
    }

    public long ajouterMessage(long dossierId, TypeActeur auteur, long auteurId, String texte, Instant moment) {
        return jdbc.sql("insert into dossier_message (dossier_id, auteur_type, auteur_id, texte, moment) values (?, ?, ?, ?, ?) returning id")
                .params(dossierId, auteur.name(), auteurId, texte, Timestamp.from(moment)).query(Long.class).single();
    }

    public List<PieceJointe> pieces(long dossierId) {
        return jdbc.sql("select * from piece_jointe where dossier_id = ? order by id").param(dossierId).query(PIECE).list();
    }

    public Optional<PieceJointe> piece(long dossierId, long pieceId) {
        return jdbc.sql("select * from piece_jointe where dossier_id = ? and id = ?").params(dossierId, pieceId).query(PIECE).optional();
    }

    public long ajouterPiece(long dossierId, String code, String nom, String type, long taille, String sha256, String cle, Instant moment) {
        return jdbc.sql("""
                        insert into piece_jointe (dossier_id, code_piece, nom, type_contenu, taille, sha256, cle_stockage, depose_le)
                        values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(dossierId, code, nom, type, taille, sha256, cle, Timestamp.from(moment)).query(Long.class).single();
    }
}
