package fr.gouv.guichet.commission.internal;

import fr.gouv.guichet.commission.Avis;
import fr.gouv.guichet.commission.AvisCommission;
import fr.gouv.guichet.commission.Echeance;
import fr.gouv.guichet.commission.Seance;
import fr.gouv.guichet.demarche.Etat;
import fr.gouv.guichet.videoprotection.CycleVideoprotection;
import fr.gouv.guichet.videoprotection.DemarcheVideo;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** Sessions and inscriptions, in SQL (tables {@code seance_commission} and {@code inscription_seance}). */
@Repository
public class SeancesCommission {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** An inscription of a dossier on a session's agenda. */
    public record Inscription(long seanceId, long dossierId, boolean courante, Instant inscritLe, @Nullable Avis avis,
                              @Nullable String texteAvis) {
    }

    /** A dossier postponed from a session, and the session it now waits for (if any). */
    public record Report(long dossierId, String numero, @Nullable Long seanceId, @Nullable LocalDateTime debut) {
    }

    /** A dossier that may be put on an agenda. */
    public record DossierEligible(long id, String numero, String demandeur, String commune, boolean prioritaire, Etat etat) {
    }

    private static final String SEANCE = """
            select s.id, s.code_departement, s.debut, s.lieu, s.motif_annulation,
                   (select count(*) from inscription_seance i where i.seance_id = s.id and i.courante) as nombre
            from seance_commission s
            """;

    private final JdbcClient jdbc;

    SeancesCommission(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long creer(String codeDepartement, LocalDateTime debut, String lieu, long agentId, Instant maintenant) {
        return jdbc.sql("insert into seance_commission (code_departement, debut, lieu, creee_par, creee_le) values (?, ?, ?, ?, ?) returning id")
                .params(codeDepartement, Timestamp.from(debut.atZone(PARIS).toInstant()), lieu, agentId, Timestamp.from(maintenant))
                .query(Long.class).single();
    }

    public void modifier(long id, LocalDateTime debut, String lieu) {
        jdbc.sql("update seance_commission set debut = ?, lieu = ? where id = ?")
                .params(Timestamp.from(debut.atZone(PARIS).toInstant()), lieu, id).update();
    }

    /** Cancels the session; the dossiers on its agenda leave it (they wait for another session). */
    public void annuler(long id, String motif, Instant maintenant) {
        jdbc.sql("update seance_commission set annulee_le = ?, motif_annulation = ? where id = ?").params(Timestamp.from(maintenant), motif, id)
                .update();
        jdbc.sql("update inscription_seance set courante = false where seance_id = ? and courante").param(id).update();
    }

    public boolean aDesAvis(long seanceId) {
        return jdbc.sql("select exists (select 1 from inscription_seance where seance_id = ? and avis is not null)").param(seanceId)
                .query(Boolean.class).single();
    }

    public void journaliser(long seanceId, String nature, String detail, @Nullable String motif, long agentId, Instant maintenant) {
        jdbc.sql("insert into seance_commission_evenement (seance_id, nature, detail, motif, agent_id, moment) values (?, ?, ?, ?, ?, ?)")
                .params(seanceId, nature, detail, motif, agentId, Timestamp.from(maintenant)).update();
    }

    public List<Seance.Evenement> journal(long seanceId) {
        return jdbc.sql("""
                select e.nature, e.detail, e.motif, coalesce(a.nom, 'Agent supprimé'), e.moment
                from seance_commission_evenement e left join agent a on a.id = e.agent_id
                where e.seance_id = ? order by e.moment, e.id""")
                .param(seanceId)
                .query((rs, n) -> new Seance.Evenement(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    public Optional<Seance> seance(long id) {
        return jdbc.sql(SEANCE + " where s.id = ?").param(id).query(SeancesCommission::seance).optional();
    }

    public List<Seance> aVenir(String codeDepartement, Instant maintenant) {
        return jdbc.sql(SEANCE + " where s.code_departement = ? and s.debut >= ? and s.annulee_le is null order by s.debut, s.id")
                .params(codeDepartement, Timestamp.from(maintenant)).query(SeancesCommission::seance).list();
    }

    public List<Seance> passees(String codeDepartement, Instant maintenant, int nombre) {
        return jdbc.sql(SEANCE + " where s.code_departement = ? and s.debut < ? order by s.debut desc, s.id desc limit ?")
                .params(codeDepartement, Timestamp.from(maintenant), nombre).query(SeancesCommission::seance).list();
    }

    /** The dossier's current inscription, locked until the end of the transaction. */
    public Optional<Inscription> courantePourMiseAJour(long dossierId) {
        return jdbc.sql("select * from inscription_seance where dossier_id = ? and courante for update")
                .param(dossierId).query(SeancesCommission::inscription).optional();
    }

    public Optional<Inscription> courante(long seanceId, long dossierId) {
        return jdbc.sql("select * from inscription_seance where seance_id = ? and dossier_id = ? and courante")
                .params(seanceId, dossierId).query(SeancesCommission::inscription).optional();
    }

    public void retirerCourante(long dossierId) {
        jdbc.sql("update inscription_seance set courante = false where dossier_id = ? and courante").param(dossierId).update();
    }

    public void inscrire(long seanceId, long dossierId, long agentId, Instant maintenant) {
        jdbc.sql("""
                insert into inscription_seance (seance_id, dossier_id, courante, inscrit_le, inscrit_par) values (?, ?, true, ?, ?)
                on conflict (seance_id, dossier_id) do update set courante = true, inscrit_le = excluded.inscrit_le,
                    inscrit_par = excluded.inscrit_par""")
                .params(seanceId, dossierId, Timestamp.from(maintenant), agentId).update();
    }

    public int enregistrerAvis(long seanceId, long dossierId, Avis avis, @Nullable String texte, long agentId, Instant maintenant) {
        return jdbc.sql("""
                update inscription_seance set avis = ?, texte_avis = ?, avis_le = ?, avis_par = ?
                where seance_id = ? and dossier_id = ? and courante""")
                .params(avis.name(), texte, Timestamp.from(maintenant), agentId, seanceId, dossierId).update();
    }

    public int proroger(long seanceId, long dossierId) {
        return jdbc.sql("update inscription_seance set prorogation = true where seance_id = ? and dossier_id = ? and courante")
                .params(seanceId, dossierId).update();
    }

    /** The session's current agenda, in inscription order (the caller sorts). */
    public List<Inscription> ordreDuJour(long seanceId) {
        return jdbc.sql("select * from inscription_seance where seance_id = ? and courante order by inscrit_le, id")
                .param(seanceId).query(SeancesCommission::inscription).list();
    }

    public List<Report> reportes(long seanceId) {
        return jdbc.sql("""
                select i.dossier_id, d.numero, c.seance_id, s.debut
                from inscription_seance i
                join dossier d on d.id = i.dossier_id
                left join inscription_seance c on c.dossier_id = i.dossier_id and c.courante
                left join seance_commission s on s.id = c.seance_id
                where i.seance_id = ? and not i.courante
                order by d.numero""")
                .param(seanceId)
                .query((rs, n) -> new Report(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3),
                        rs.getTimestamp(4) == null ? null : LocalDateTime.ofInstant(rs.getTimestamp(4).toInstant(), PARIS)))
                .list();
    }

    public Optional<AvisCommission> dernierAvis(long dossierId) {
        return jdbc.sql("""
                select i.avis, i.texte_avis, s.debut, s.id, i.avis_le
                from inscription_seance i join seance_commission s on s.id = i.seance_id
                where i.dossier_id = ? and i.avis is not null
                order by s.debut desc, i.avis_le desc limit 1""")
                .param(dossierId)
                .query((rs, n) -> new AvisCommission(Avis.valueOf(rs.getString(1)), rs.getString(2),
                        rs.getTimestamp(3).toInstant().atZone(PARIS).toLocalDate(), rs.getLong(4), rs.getTimestamp(5).toInstant()))
                .optional();
    }

    public Optional<Echeance> echeance(long dossierId) {
        return jdbc.sql("""
                select min(inscrit_le), coalesce(bool_or(prorogation), false), coalesce(bool_or(avis is not null), false)
                from inscription_seance where dossier_id = ?""")
                .param(dossierId)
                .query((rs, n) -> rs.getTimestamp(1) == null ? Optional.<Echeance>empty()
                        : Optional.of(Echeance.depuis(rs.getTimestamp(1).toInstant().atZone(PARIS).toLocalDate(), rs.getBoolean(2),
                        rs.getBoolean(3))))
                .single();
    }

    /**
     * Dossiers of the préfecture that may go on an agenda (those {@link CycleVideoprotection#INSCRIRE_COMMISSION} may start from,
     * not already on one), in queue order: sites exposed to terrorist threat first, then oldest deposit first.
     */
    public List<DossierEligible> aInscrire(String codeDepartement, int nombre) {
        return jdbc.sql("""
                select d.id, d.numero,
                       coalesce(nullif(d.reponses->>'denomination', ''), concat_ws(' ', d.reponses->>'prenom', d.reponses->>'nom_naissance')) as demandeur,
                       coalesce(d.reponses->>'systeme_commune', '') as commune, d.prioritaire, d.etat
                from dossier d
                where d.code_departement = ? and d.demarche = any (?) and d.etat = any (?)
                  and not exists (select 1 from inscription_seance i where i.dossier_id = d.id and i.courante)
                order by (not d.prioritaire), d.depose_le, d.id limit ?""")
                .params(codeDepartement, java.util.Arrays.stream(DemarcheVideo.values()).map(DemarcheVideo::code).toArray(String[]::new),
                        CycleVideoprotection.INSCRIRE_COMMISSION.depuis().stream().map(Etat::code).toArray(String[]::new), nombre)
                .query((rs, n) -> new DossierEligible(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
                        CycleVideoprotection.CYCLE.etat(rs.getString(6))))
                .list();
    }

    private static Seance seance(ResultSet rs, int n) throws SQLException {
        return new Seance(rs.getLong("id"), rs.getString("code_departement"),
                LocalDateTime.ofInstant(rs.getTimestamp("debut").toInstant(), PARIS), rs.getString("lieu"), rs.getInt("nombre"),
                rs.getString("motif_annulation"));
    }

    private static Inscription inscription(ResultSet rs, int n) throws SQLException {
        String avis = rs.getString("avis");
        return new Inscription(rs.getLong("seance_id"), rs.getLong("dossier_id"), rs.getBoolean("courante"),
                rs.getTimestamp("inscrit_le").toInstant(), avis == null ? null : Avis.valueOf(avis), rs.getString("texte_avis"));
    }
}
