package fr.gouv.guichet.mediation.internal;

import fr.gouv.guichet.socle.securite.AdressesElectroniques;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@Repository
class MediateurRepository {

    record Ligne(long id, String email, String nom, @Nullable String motDePasse, String lieuId, String lieuNom,
                 String codeService, boolean actif) {
    }

    private static final String COLONNES = "select m.id, m.email, m.nom, m.mot_de_passe, m.lieu_id, l.nom as lieu_nom, "
            + "m.code_service, m.actif from mediateur m join lieu_mediation l on l.id = m.lieu_id ";
    private static final RowMapper<Ligne> MAPPER = (rs, i) -> new Ligne(rs.getLong("id"), rs.getString("email"),
            rs.getString("nom"), rs.getString("mot_de_passe"), rs.getString("lieu_id"), rs.getString("lieu_nom"),
            rs.getString("code_service"), rs.getBoolean("actif"));

    private final JdbcClient jdbc;

    MediateurRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Ligne> parId(long id) {
        return jdbc.sql(COLONNES + "where m.id = ?").param(id).query(MAPPER).optional();
    }

    Optional<Ligne> parEmail(String email) {
        return jdbc.sql(COLONNES + "where lower(m.email) = ?").param(AdressesElectroniques.normaliser(email)).query(MAPPER).optional();
    }

    List<Ligne> duService(String codeService) {
        return jdbc.sql(COLONNES + "where m.code_service = ? order by m.actif desc, m.nom, m.id").param(codeService)
                .query(MAPPER).list();
    }

    /** Creates the médiateur, or re-attaches and reactivates the one of this address (new place, password forgotten). */
    long creerOuRattacher(String email, String nom, String lieuId, String codeService) {
        return jdbc.sql("""
                        insert into mediateur (email, nom, lieu_id, code_service) values (?, ?, ?, ?)
                        on conflict (lower(email)) do update set nom = excluded.nom, lieu_id = excluded.lieu_id,
                          code_service = excluded.code_service, actif = true, mot_de_passe = null
                        returning id""")
                .params(AdressesElectroniques.normaliser(email), nom, lieuId, codeService).query(Long.class).single();
    }

    void definirMotDePasse(long id, String empreinte) {
        jdbc.sql("update mediateur set mot_de_passe = ? where id = ?").params(empreinte, id).update();
    }

    boolean desactiver(long id, String codeService) {
        return jdbc.sql("update mediateur set actif = false, mot_de_passe = null where id = ? and code_service = ?")
                .params(id, codeService).update() == 1;
    }

    void enregistrerInvitation(String empreinte, long mediateurId, Instant expireLe) {
        jdbc.sql("insert into jeton_mediateur (empreinte, mediateur_id, expire_le) values (?, ?, ?)")
                .params(empreinte, mediateurId, Timestamp.from(expireLe)).update();
    }

    Optional<Long> invitationValide(String empreinte, Instant maintenant) {
        return jdbc.sql("""
                        select j.mediateur_id from jeton_mediateur j join mediateur m on m.id = j.mediateur_id
                        where j.empreinte = ? and j.utilise_le is null and j.expire_le > ? and m.actif""")
                .params(empreinte, Timestamp.from(maintenant)).query(Long.class).optional();
    }

    Optional<Long> utiliserInvitation(String empreinte, Instant maintenant) {
        return jdbc.sql("""
                        update jeton_mediateur j set utilise_le = ? from mediateur m
                        where m.id = j.mediateur_id and j.empreinte = ? and j.utilise_le is null and j.expire_le > ? and m.actif
                        returning j.mediateur_id""")
                .params(Timestamp.from(maintenant), empreinte, Timestamp.from(maintenant)).query(Long.class).optional();
    }
}
