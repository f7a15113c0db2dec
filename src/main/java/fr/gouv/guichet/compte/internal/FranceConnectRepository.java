package fr.gouv.guichet.compte.internal;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.Optional;

/** FranceConnect identities linked to usager accounts (one per account, one account per {@code sub}). */
@Repository
class FranceConnectRepository {

    private static final RowMapper<IdentiteFranceConnect> MAPPER = (rs, i) -> new IdentiteFranceConnect(rs.getString("sub"),
            rs.getString("prenoms"), rs.getString("nom_naissance"), rs.getString("nom_usage"),
            rs.getString("date_naissance"), rs.getString("sexe"), rs.getString("lieu_naissance"),
            rs.getString("pays_naissance"), rs.getString("email"));

    private final JdbcClient jdbc;

    FranceConnectRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Long> usagerDuSub(String sub) {
        return jdbc.sql("select usager_id from usager_franceconnect where sub = ?").param(sub).query(Long.class).optional();
    }

    Optional<IdentiteFranceConnect> deUsager(long usagerId) {
        return jdbc.sql("select * from usager_franceconnect where usager_id = ?").param(usagerId).query(MAPPER).optional();
    }

    /** False when the account is already linked (to this or another identity) or the identity to another account. */
    boolean relier(long usagerId, IdentiteFranceConnect identite) {
        return jdbc.sql("""
                        insert into usager_franceconnect (usager_id, sub, prenoms, nom_naissance, nom_usage, date_naissance,
                          sexe, lieu_naissance, pays_naissance, email) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict do nothing""")
                .params(usagerId, identite.sub(), identite.prenoms(), identite.nomNaissance(), identite.nomUsage(),
                        identite.dateNaissance(), identite.sexe(), identite.lieuNaissance(), identite.paysNaissance(),
                        identite.email())
                .update() == 1;
    }

    /** The pivot identity as FranceConnect gives it today (a name may have changed), and the sign-in time. */
    void mettreAJour(IdentiteFranceConnect identite) {
        jdbc.sql("""
                        update usager_franceconnect set prenoms = ?, nom_naissance = ?, nom_usage = ?, date_naissance = ?,
                          sexe = ?, lieu_naissance = ?, pays_naissance = ?, email = ?, derniere_connexion = now() where sub = ?""")
                .params(identite.prenoms(), identite.nomNaissance(), identite.nomUsage(), identite.dateNaissance(),
                        identite.sexe(), identite.lieuNaissance(), identite.paysNaissance(), identite.email(), identite.sub())
                .update();
    }

    void supprimer(long usagerId) {
        jdbc.sql("delete from usager_franceconnect where usager_id = ?").param(usagerId).update();
    }
}
