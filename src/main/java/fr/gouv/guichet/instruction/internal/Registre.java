package fr.gouv.guichet.instruction.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

/**
 * The register of authorized systems of each préfecture (holder, place, arrêté number and date, expiry), from
 * which the public list of authorizations the préfet must keep is drawn (date, holder, commune — nothing else).
 */
@Repository
public class Registre {

    public record Autorisation(long id, long dossierId, @Nullable String numeroDossier, String numeroArrete, LocalDate dateArrete,
                               LocalDate expireLe, boolean provisoire, String titulaire, String commune, String adresse,
                               int nombreCameras, @Nullable Long usagerId) {
    }

    public record EntreePublique(LocalDate dateArrete, String titulaire, String commune) {
    }

    private static final String COLONNES = """
            select a.id, a.dossier_id, d.numero, a.numero_arrete, a.date_arrete, a.expire_le, a.provisoire, a.titulaire, a.commune,
                   a.adresse, a.nombre_cameras, d.usager_id
            from autorisation a join dossier d on d.id = a.dossier_id
            """;

    private final JdbcClient jdbc;

    Registre(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void enregistrer(long dossierId, String codeDepartement, String numeroArrete, LocalDate date, LocalDate expire,
                            boolean provisoire, String titulaire, String commune, String adresse, int cameras) {
        jdbc.sql("""
                        insert into autorisation (dossier_id, code_departement, numero_arrete, date_arrete, expire_le, provisoire,
                                                  titulaire, commune, adresse, nombre_cameras)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (dossier_id) do update set numero_arrete = excluded.numero_arrete, date_arrete = excluded.date_arrete,
                            expire_le = excluded.expire_le, provisoire = excluded.provisoire""")
                .params(dossierId, codeDepartement, numeroArrete, Date.valueOf(date), Date.valueOf(expire), provisoire, titulaire,
                        commune, adresse, cameras)
                .update();
    }

    public List<Autorisation> dePrefecture(String codeDepartement, @Nullable LocalDate expirantAvant) {
        String sql = COLONNES + " where a.code_departement = ? and a.retiree_le is null"
                + (expirantAvant != null ? " and a.expire_le <= ?" : "") + " order by a.expire_le, a.id";
        var requete = jdbc.sql(sql).param(codeDepartement);
        if (expirantAvant != null) {
            requete = requete.param(Date.valueOf(expirantAvant));
        }
        return requete.query((rs, i) -> ligne(rs)).list();
    }

    public List<EntreePublique> listePublique(String codeDepartement) {
        return jdbc.sql("""
                        select date_arrete, titulaire, commune from autorisation
                        where code_departement = ? and retiree_le is null and not provisoire order by date_arrete desc, id desc""")
                .param(codeDepartement)
                .query((rs, i) -> new EntreePublique(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getString(3))).list();
    }

    /** Final authorizations expiring between the two dates (inclusive), for the renewal reminders. */
    public List<Autorisation> expirantEntre(LocalDate du, LocalDate au) {
        return jdbc.sql(COLONNES + " where a.retiree_le is null and not a.provisoire and a.expire_le between ? and ? order by a.id")
                .params(Date.valueOf(du), Date.valueOf(au)).query((rs, i) -> ligne(rs)).list();
    }

    public int prochainNumeroArrete(String codeDepartement, int annee) {
        return jdbc.sql("""
                        insert into numero_sequence (prefixe, code_departement, annee, dernier) values ('AR', ?, ?, 1)
                        on conflict (prefixe, code_departement, annee) do update set dernier = numero_sequence.dernier + 1
                        returning dernier""")
                .params(codeDepartement, annee).query(Integer.class).single();
    }

    /** Marks a side effect (reminder e-mail…) as done; false if it already was. */
    public boolean marquer(String cle) {
        return jdbc.sql("insert into effet_realise (cle) values (?) on conflict do nothing").param(cle).update() == 1;
    }

    public boolean dejaFait(String cle) {
        return jdbc.sql("select count(*) from effet_realise where cle = ?").param(cle).query(Integer.class).single() > 0;
    }

    private static Autorisation ligne(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Autorisation(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getDate(5).toLocalDate(),
                rs.getDate(6).toLocalDate(), rs.getBoolean(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getInt(11),
                rs.getObject(12) == null ? null : rs.getLong(12));
    }
}
