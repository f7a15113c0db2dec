package fr.gouv.guichet.permis.internal;

import fr.gouv.guichet.permis.externe.CommandeTitre;
import fr.gouv.guichet.permis.externe.SuiviTitre;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code permis_fabrication} rows: one per validated dossier. */
@Repository
class FabricationsRepository {

    private static final RowMapper<Fabrication> LIGNE = (rs, i) -> new Fabrication(rs.getLong("dossier_id"),
            rs.getTimestamp("demandee_le").toInstant(), rs.getString("numero_commande"), instant(rs.getTimestamp("commandee_le")),
            jour(rs.getDate("fabrication_prevue_le")), jour(rs.getDate("livraison_prevue_le")), rs.getString("numero_suivi"),
            jour(rs.getDate("expedie_le")), rs.getInt("essais"), rs.getString("derniere_erreur"), instant(rs.getTimestamp("erreur_le")));

    private final JdbcClient jdbc;

    FabricationsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the request (again: nothing changes). */
    void demander(long dossierId, Instant moment) {
        jdbc.sql("insert into permis_fabrication (dossier_id, demandee_le) values (?, ?) on conflict (dossier_id) do nothing")
                .params(dossierId, Timestamp.from(moment)).update();
    }

    Optional<Fabrication> de(long dossierId) {
        return jdbc.sql("select * from permis_fabrication where dossier_id = ?").param(dossierId).query(LIGNE).optional();
    }

    /**
     * Takes the row for one attempt unless another attempt took it less than {@code bail} ago (two instances, or the
     * listener and the task, never call the service at once for one dossier).
     */
    boolean prendre(long dossierId, Instant maintenant, Duration bail) {
        return jdbc.sql("""
                        update permis_fabrication set tentative_le = ?, essais = essais + 1
                        where dossier_id = ? and expedie_le is null and (tentative_le is null or tentative_le < ?)""")
                .params(Timestamp.from(maintenant), dossierId, Timestamp.from(maintenant.minus(bail))).update() == 1;
    }

    /** Dossiers whose title is not shipped yet and whose last attempt is older than {@code bail}, oldest attempt first. */
    List<Long> aAvancer(Instant maintenant, Duration bail, int nombre) {
        return jdbc.sql("""
                        select dossier_id from permis_fabrication
                        where expedie_le is null and (tentative_le is null or tentative_le < ?)
                        order by tentative_le nulls first limit ?""")
                .params(Timestamp.from(maintenant.minus(bail)), nombre).query(Long.class).list();
    }

    void commandee(long dossierId, CommandeTitre commande, Instant moment) {
        jdbc.sql("""
                        update permis_fabrication set numero_commande = ?, commandee_le = coalesce(commandee_le, ?),
                          fabrication_prevue_le = ?, derniere_erreur = null, erreur_le = null where dossier_id = ?""")
                .params(commande.numeroCommande(), Timestamp.from(moment), Date.valueOf(commande.productionPrevueLe()), dossierId)
                .update();
    }

    void suivie(long dossierId, SuiviTitre suivi) {
        jdbc.sql("""
                        update permis_fabrication set livraison_prevue_le = ?, numero_suivi = ?, expedie_le = ?,
                          derniere_erreur = null, erreur_le = null where dossier_id = ?""")
                .params(Date.valueOf(suivi.livraisonPrevueLe()), suivi.numeroSuivi(),
                        suivi.expedieLe() == null ? null : Date.valueOf(suivi.expedieLe()), dossierId)
                .update();
    }

    void echec(long dossierId, String erreur, Instant moment) {
        jdbc.sql("update permis_fabrication set derniere_erreur = ?, erreur_le = ? where dossier_id = ?")
                .params(erreur.length() > 500 ? erreur.substring(0, 500) : erreur, Timestamp.from(moment), dossierId).update();
    }

    private static java.time.@org.jspecify.annotations.Nullable LocalDate jour(@org.jspecify.annotations.Nullable Date date) {
        return date == null ? null : date.toLocalDate();
    }

    private static @org.jspecify.annotations.Nullable Instant instant(@org.jspecify.annotations.Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
