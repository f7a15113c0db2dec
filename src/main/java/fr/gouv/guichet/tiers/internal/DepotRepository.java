package fr.gouv.guichet.tiers.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Deposits made for clients. The list of a company joins the dossier's number and state (read only: the lifecycle of
 * the dossier stays with {@code demarche}).
 */
@Repository
public class DepotRepository {

    private static final String COLONNES = """
            select t.id, t.entreprise_id, t.collaborateur_id, t.dossier_id, t.demarche, t.client_nom, t.client_prenoms,
                   t.client_email, t.client_adresse, t.mandat_mode, t.mandat_sha256, t.lieu, t.depose_le, t.oppose_le,
                   t.motif_opposition, d.numero, d.etat, t.immatriculation, t.adresse_connue, t.transmis_le
            from tiers_depot t join dossier d on d.id = t.dossier_id
            """;

    private static final RowMapper<Depot> LIGNE = (rs, i) -> new Depot(rs.getLong(1), rs.getLong(2),
            rs.getObject(3) == null ? null : rs.getLong(3), rs.getLong(4), rs.getString(5), rs.getString(6), rs.getString(7),
            rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12), rs.getTimestamp(13).toInstant(),
            rs.getTimestamp(14) == null ? null : rs.getTimestamp(14).toInstant(), rs.getString(15), rs.getString(16), rs.getString(17), rs.getString(18),
            (Boolean) rs.getObject(19), rs.getTimestamp(20) == null ? null : rs.getTimestamp(20).toInstant());

    private final JdbcClient jdbc;

    DepotRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long enregistrer(long entreprise, long collaborateur, long dossier, String demarche, String nom, String prenoms, String email,
                     String adresse, String mandatMode, String mandatSha256, @Nullable String mandatCle, String signataire,
                     String lieu, String jetonSha256, Instant maintenant, Complement complement) {
        return jdbc.sql("""
                        insert into tiers_depot (entreprise_id, collaborateur_id, dossier_id, demarche, client_nom, client_prenoms,
                               client_email, client_adresse, mandat_mode, mandat_sha256, mandat_cle, mandat_signataire, lieu,
                               jeton_sha256, depose_le, immatriculation, adresse_connue, transmis_le, mandat_nom, mandat_type,
                               mandat_taille)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(entreprise, collaborateur, dossier, demarche, nom, prenoms, email, adresse, mandatMode, mandatSha256,
                        mandatCle, signataire, lieu, jetonSha256, Timestamp.from(maintenant), complement.immatriculation(),
                        complement.adresseConnue(), null, complement.fichier() == null ? null : complement.fichier().nomNettoye(),
                        complement.fichier() == null ? null : complement.fichier().typeContenu().name(),
                        complement.fichier() == null ? null : complement.fichier().taille())
                .query(Long.class).single();
    }

    /**
     * @param immatriculation the vehicle, for a registration; @param adresseConnue the address reference's answer (null:
     *                        not checked); @param fichier the uploaded mandate, attached to the dossier at its transmission
     */
    record Complement(@Nullable String immatriculation, @Nullable Boolean adresseConnue,
                      fr.gouv.guichet.piece.@Nullable FichierAccepte fichier) {
    }

    /** The uploaded mandate to attach to the deposit's dossier (empty when signed on screen). */
    record MandatStocke(String cle, String nom, String type, long taille, String sha256) {
    }

    Optional<MandatStocke> mandatStocke(long id) {
        return jdbc.sql("""
                        select mandat_cle, mandat_nom, mandat_type, mandat_taille, mandat_sha256 from tiers_depot
                        where id = ? and mandat_cle is not null and mandat_nom is not null""")
                .param(id).query((rs, i) -> new MandatStocke(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5))).optional();
    }

    /** Marks the deposit transmitted (its dossier deposited), once, with the client's new link. */
    boolean transmettre(long id, String jetonSha256, Instant maintenant) {
        return jdbc.sql("update tiers_depot set transmis_le = ?, jeton_sha256 = ? where id = ? and transmis_le is null")
                .params(Timestamp.from(maintenant), jetonSha256, id).update() == 1;
    }

    /** The company's deposits to addresses the reference does not know, since. */
    int adressesInconnuesDepuis(long entreprise, Instant depuis) {
        return jdbc.sql("select count(*) from tiers_depot where entreprise_id = ? and adresse_connue = false and depose_le > ?")
                .params(entreprise, Timestamp.from(depuis)).query(Integer.class).single();
    }

    /** Changes of holder of this vehicle filed by professionals (all companies), since. */
    int reventesDepuis(String immatriculation, Instant depuis) {
        return jdbc.sql("select count(*) from tiers_depot where immatriculation = ? and depose_le > ?")
                .params(immatriculation, Timestamp.from(depuis)).query(Integer.class).single();
    }

    /** The companies that filed changes of holder of this vehicle, since (names, for the explanation). */
    List<String> entreprisesDesReventes(String immatriculation, Instant depuis) {
        return jdbc.sql("""
                        select distinct e.raison_sociale from tiers_depot t join tiers_entreprise e on e.id = t.entreprise_id
                        where t.immatriculation = ? and t.depose_le > ? order by 1 limit 10""")
                .params(immatriculation, Timestamp.from(depuis)).query(String.class).list();
    }

    public Optional<Depot> parId(long id) {
        return jdbc.sql(COLONNES + "where t.id = ?").param(id).query(LIGNE).optional();
    }

    public Optional<Depot> parDossier(long dossier) {
        return jdbc.sql(COLONNES + "where t.dossier_id = ?").param(dossier).query(LIGNE).optional();
    }

    Optional<Depot> parJeton(String jetonSha256) {
        return jdbc.sql(COLONNES + "where t.jeton_sha256 = ?").param(jetonSha256).query(LIGNE).optional();
    }

    /** Records the client's objection, once. */
    boolean opposer(long id, String motif, Instant maintenant) {
        return jdbc.sql("update tiers_depot set oppose_le = ?, motif_opposition = ? where id = ? and oppose_le is null")
                .params(Timestamp.from(maintenant), motif, id).update() == 1;
    }

    /**
     * A company's deposits, newest first, filtered by the client's name or e-mail (contains), the dossier's state and
     * objections; at most {@code limite}.
     */
    public List<Depot> deLEntreprise(long entreprise, String client, @Nullable String etat, boolean opposesSeulement, int limite) {
        String motif = "%" + client.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql(COLONNES + """
                        where t.entreprise_id = :e
                          and (lower(t.client_nom || ' ' || t.client_prenoms || ' ' || t.client_email) like :c)
                          and (cast(:etat as text) is null or d.etat = :etat)
                          and (not :opp or t.oppose_le is not null)
                        order by t.depose_le desc, t.id desc limit :limite""")
                .param("e", entreprise).param("c", motif).param("etat", etat).param("opp", opposesSeulement)
                .param("limite", limite).query(LIGNE).list();
    }

    // ---- What the fraud rules count ----

    int depotsDepuis(long entreprise, Instant depuis) {
        return jdbc.sql("select count(*) from tiers_depot where entreprise_id = ? and depose_le > ?")
                .params(entreprise, Timestamp.from(depuis)).query(Integer.class).single();
    }

    int depotsVersAdresseDepuis(String adresse, Instant depuis) {
        return jdbc.sql("select count(*) from tiers_depot where client_adresse = ? and depose_le > ?")
                .params(adresse, Timestamp.from(depuis)).query(Integer.class).single();
    }

    int clientsDistinctsVersAdresseDepuis(String adresse, Instant depuis) {
        return jdbc.sql("select count(distinct lower(client_nom || ' ' || client_prenoms)) from tiers_depot where client_adresse = ? and depose_le > ?")
                .params(adresse, Timestamp.from(depuis)).query(Integer.class).single();
    }

    int lieuxDepuis(long entreprise, Instant depuis) {
        return jdbc.sql("select count(distinct lieu) from tiers_depot where entreprise_id = ? and depose_le > ?")
                .params(entreprise, Timestamp.from(depuis)).query(Integer.class).single();
    }

    /** Deposits made with the same uploaded mandate for another client or another procedure (a mandate serves once). */
    int reutilisationsMandat(String sha256, long depot) {
        return jdbc.sql("select count(*) from tiers_depot where mandat_sha256 = ? and id <> ? and mandat_mode = 'TELEVERSE'")
                .params(sha256, depot).query(Integer.class).single();
    }
}
