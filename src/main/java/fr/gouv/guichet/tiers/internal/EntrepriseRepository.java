package fr.gouv.guichet.tiers.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Habilitated companies, their collaborators and invitations. */
@Repository
public class EntrepriseRepository {

    private static final String COLONNES = """
            select id, dossier_habilitation, gerant_usager_id, raison_sociale, siret, type_tiers, activites, numero_agrement,
                   adresse, code_postal, commune, code_departement, effectif, volume_annuel, statut, habilitee_le, fin_le
            from tiers_entreprise
            """;

    static final RowMapper<Entreprise> LIGNE = (rs, i) -> new Entreprise(rs.getLong("id"), rs.getLong("dossier_habilitation"),
            rs.getObject("gerant_usager_id") == null ? null : rs.getLong("gerant_usager_id"), rs.getString("raison_sociale"),
            rs.getString("siret"), TypeTiers.valueOf(rs.getString("type_tiers")), liste(rs.getArray("activites")),
            rs.getString("numero_agrement"), rs.getString("adresse"), rs.getString("code_postal"), rs.getString("commune"),
            rs.getString("code_departement"), rs.getInt("effectif"), rs.getInt("volume_annuel"),
            Entreprise.Statut.valueOf(rs.getString("statut")), rs.getTimestamp("habilitee_le").toInstant(),
            rs.getTimestamp("fin_le") == null ? null : rs.getTimestamp("fin_le").toInstant());

    private final JdbcClient jdbc;

    EntrepriseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static List<String> liste(Array tableau) throws SQLException {
        return Arrays.asList((String[]) tableau.getArray());
    }

    /** Records the habilitated company (once per habilitation dossier: a replayed event changes nothing). */
    long habiliter(long dossier, @Nullable Long gerant, String raisonSociale, String siret, TypeTiers type, List<String> activites,
                   @Nullable String numeroAgrement, String adresse, String codePostal, String commune, String departement,
                   int effectif, int volumeAnnuel, Instant maintenant) {
        return jdbc.sql("""
                        insert into tiers_entreprise (dossier_habilitation, gerant_usager_id, raison_sociale, siret, type_tiers, activites,
                               numero_agrement, adresse, code_postal, commune, code_departement, effectif, volume_annuel, statut,
                               habilitee_le, modifie_le)
                        values (?, ?, ?, ?, ?, string_to_array(?, ','), ?, ?, ?, ?, ?, ?, ?, 'HABILITEE', ?, ?)
                        on conflict (dossier_habilitation) do update set statut = 'HABILITEE', modifie_le = excluded.modifie_le
                        returning id""")
                .params(dossier, gerant, raisonSociale, siret, type.name(), String.join(",", activites), numeroAgrement, adresse,
                        codePostal, commune, departement, effectif, volumeAnnuel, Timestamp.from(maintenant), Timestamp.from(maintenant))
                .query(Long.class).single();
    }

    void changerStatut(long dossier, Entreprise.Statut statut, Instant maintenant) {
        jdbc.sql("update tiers_entreprise set statut = ?, modifie_le = ? where dossier_habilitation = ?")
                .params(statut.name(), Timestamp.from(maintenant), dossier).update();
    }

    /** Records the term of the notice of a termination. */
    void fixerFin(long dossier, Instant fin, Instant maintenant) {
        jdbc.sql("update tiers_entreprise set fin_le = ?, modifie_le = ? where dossier_habilitation = ?")
                .params(Timestamp.from(fin), Timestamp.from(maintenant), dossier).update();
    }

    public Optional<Entreprise> parId(long id) {
        return jdbc.sql(COLONNES + "where id = ?").param(id).query(LIGNE).optional();
    }

    public Optional<Entreprise> parDossier(long dossier) {
        return jdbc.sql(COLONNES + "where dossier_habilitation = ?").param(dossier).query(LIGNE).optional();
    }

    /** The company a usager acts for (a usager belongs to one company at most). */
    public Optional<Entreprise> duCollaborateur(long usagerId) {
        return jdbc.sql(COLONNES + "where id = (select entreprise_id from tiers_collaborateur where usager_id = ?)")
                .param(usagerId).query(LIGNE).optional();
    }

    /** Companies whose habilitation the service instructs (the service fixed at the deposit), suspended first. */
    public List<Entreprise> duService(String service, int limite) {
        return jdbc.sql(COLONNES + """
                        where dossier_habilitation in (select id from dossier where service = ?)
                        order by statut = 'HABILITEE', statut, raison_sociale limit ?""")
                .params(service, limite).query(LIGNE).list();
    }

    /** The public directory: habilitated (or suspended pending review) companies whose name or commune contains the text. */
    public List<Entreprise> annuaire(String texte, @Nullable TypeTiers type, int limite) {
        String motif = "%" + texte.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql(COLONNES + """
                        where statut in ('HABILITEE', 'SUSPENDUE', 'RESILIATION_NOTIFIEE') and (fin_le is null or fin_le > now()) and (cast(:type as text) is null or type_tiers = :type)
                          and (lower(raison_sociale) like :m or lower(commune) like :m or code_postal like :m)
                        order by commune, raison_sociale limit :limite""")
                .param("type", type == null ? null : type.name()).param("m", motif).param("limite", limite).query(LIGNE).list();
    }

    // ---- Collaborators ----

    public record Collaborateur(long usagerId, String email, String role, Instant ajouteLe) {
    }

    /** Adds the usager to the company; false when they already act for a company (this one or another). */
    boolean ajouterCollaborateur(long entreprise, long usagerId, String role, Instant maintenant) {
        return jdbc.sql("insert into tiers_collaborateur (usager_id, entreprise_id, role, ajoute_le) values (?, ?, ?, ?) "
                        + "on conflict (usager_id) do nothing")
                .params(usagerId, entreprise, role, Timestamp.from(maintenant)).update() == 1;
    }

    public List<Collaborateur> collaborateurs(long entreprise) {
        return jdbc.sql("""
                        select c.usager_id, u.email, c.role, c.ajoute_le from tiers_collaborateur c join usager u on u.id = c.usager_id
                        where c.entreprise_id = ? order by c.role desc, u.email""")
                .param(entreprise).query((rs, i) -> new Collaborateur(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant())).list();
    }

    boolean retirerCollaborateur(long entreprise, long usagerId) {
        return jdbc.sql("delete from tiers_collaborateur where entreprise_id = ? and usager_id = ? and role = 'COLLABORATEUR'")
                .params(entreprise, usagerId).update() == 1;
    }

    public Optional<String> role(long usagerId) {
        return jdbc.sql("select role from tiers_collaborateur where usager_id = ?").param(usagerId).query(String.class).optional();
    }

    // ---- Invitations ----

    public record Invitation(long id, long entreprise, String email, Instant expireLe, @Nullable Instant accepteeLe) {
    }

    void inviter(long entreprise, String email, String jetonSha256, @Nullable Long invitePar, Instant maintenant, Instant expire) {
        jdbc.sql("""
                        insert into tiers_invitation (entreprise_id, email, jeton_sha256, invite_par, cree_le, expire_le)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(entreprise, email, jetonSha256, invitePar, Timestamp.from(maintenant), Timestamp.from(expire)).update();
    }

    Optional<Invitation> invitation(String jetonSha256) {
        return jdbc.sql("select id, entreprise_id, email, expire_le, acceptee_le from tiers_invitation where jeton_sha256 = ?")
                .param(jetonSha256).query((rs, i) -> new Invitation(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()))
                .optional();
    }

    /** Marks the invitation accepted, once. */
    boolean accepter(long invitation, Instant maintenant) {
        return jdbc.sql("update tiers_invitation set acceptee_le = ? where id = ? and acceptee_le is null")
                .params(Timestamp.from(maintenant), invitation).update() == 1;
    }

    public List<Invitation> invitationsEnAttente(long entreprise, Instant maintenant) {
        return jdbc.sql("""
                        select id, entreprise_id, email, expire_le, acceptee_le from tiers_invitation
                        where entreprise_id = ? and acceptee_le is null and expire_le > ? order by cree_le desc limit 100""")
                .params(entreprise, Timestamp.from(maintenant)).query((rs, i) -> new Invitation(rs.getLong(1), rs.getLong(2),
                        rs.getString(3), rs.getTimestamp(4).toInstant(), null)).list();
    }

    int invitationsDuJour(long entreprise, Instant depuis) {
        return jdbc.sql("select count(*) from tiers_invitation where entreprise_id = ? and cree_le > ?")
                .params(entreprise, Timestamp.from(depuis)).query(Integer.class).single();
    }
}
