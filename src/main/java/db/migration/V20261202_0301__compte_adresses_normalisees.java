package db.migration;

import fr.gouv.guichet.socle.securite.AdressesElectroniques;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Issue 10, point 6: stored addresses of usagers and agents take their normalised form (NFKC, lower case, IDNA
 * ASCII domain), the form every lookup now uses. A not-yet-activated usager whose normalised address is already
 * another account's is deleted (a squatter: it could never be activated by anyone but the real owner); any other
 * collision keeps its address unchanged and is logged, for an administrator to settle.
 */
public class V20261202_0301__compte_adresses_normalisees extends BaseJavaMigration {

    private static final Logger log = LoggerFactory.getLogger(V20261202_0301__compte_adresses_normalisees.class);

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connexion = context.getConnection();
        normaliser(connexion, "usager", "not active");
        normaliser(connexion, "agent", "false");
    }

    private record Ligne(long id, String email, boolean supprimable) {
    }

    private static void normaliser(Connection connexion, String table, String supprimable) throws SQLException {
        List<Ligne> lignes = new ArrayList<>();
        try (PreparedStatement select = connexion.prepareStatement(
                "select id, email, " + supprimable + " from " + table + " order by id");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                lignes.add(new Ligne(rs.getLong(1), rs.getString(2), rs.getBoolean(3)));
            }
        }
        for (Ligne ligne : lignes) {
            String normalisee = AdressesElectroniques.normaliser(ligne.email());
            if (normalisee.equals(ligne.email())) {
                continue;
            }
            boolean prise;
            try (PreparedStatement autre = connexion.prepareStatement(
                    "select count(*) from " + table + " where lower(email) = ? and id <> ?")) {
                autre.setString(1, normalisee);
                autre.setLong(2, ligne.id());
                try (ResultSet rs = autre.executeQuery()) {
                    rs.next();
                    prise = rs.getInt(1) > 0;
                }
            }
            if (!prise) {
                try (PreparedStatement maj = connexion.prepareStatement("update " + table + " set email = ? where id = ?")) {
                    maj.setString(1, normalisee);
                    maj.setLong(2, ligne.id());
                    maj.executeUpdate();
                }
            } else if (ligne.supprimable()) {
                try (PreparedStatement suppr = connexion.prepareStatement("delete from " + table + " where id = ?")) {
                    suppr.setLong(1, ligne.id());
                    suppr.executeUpdate();
                }
                log.warn("Adresse normalisée déjà prise : compte {} n° {} non activé supprimé", table, ligne.id());
            } else {
                log.warn("Adresse normalisée déjà prise : {} n° {} gardé sous son adresse d’origine, à régler", table, ligne.id());
            }
        }
    }
}
