package fr.gouv.guichet.support;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * An open transaction of its own connection, held by a test to make other transactions wait at a chosen point, then
 * committed when they all are waiting: interleavings that threads alone only reach by luck become deterministic.
 */
public final class TransactionTenue implements AutoCloseable {

    private final DataSource source;
    private final Connection connexion;

    public TransactionTenue(DataSource source) throws SQLException {
        this.source = source;
        this.connexion = source.getConnection();
        connexion.setAutoCommit(false);
    }

    /** Runs {@code sql} with its parameters inside the held transaction. */
    public TransactionTenue executer(String sql, Object... parametres) throws SQLException {
        try (PreparedStatement ps = connexion.prepareStatement(sql)) {
            for (int i = 0; i < parametres.length; i++) {
                ps.setObject(i + 1, parametres[i]);
            }
            ps.execute();
        }
        return this;
    }

    /**
     * Waits until {@code nombre} other backends wait for a lock (row, transaction or advisory) while running a statement
     * that matches the regular expression {@code motif}; fails after ten seconds.
     */
    public void attendreBloques(int nombre, String motif) throws SQLException, InterruptedException {
        Instant limite = Instant.now().plus(Duration.ofSeconds(10));
        try (Connection c = source.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     select count(*) from pg_stat_activity
                     where wait_event_type = 'Lock' and pid <> pg_backend_pid() and query ~ ?""")) {
            ps.setString(1, motif);
            while (true) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) >= nombre) {
                        return;
                    }
                }
                if (Instant.now().isAfter(limite)) {
                    throw new AssertionError(nombre + " transactions bloquées attendues sur « " + motif + " »");
                }
                Thread.sleep(20);
            }
        }
    }

    public void valider() throws SQLException {
        connexion.commit();
    }

    @Override
    public void close() throws SQLException {
        try {
            if (!connexion.getAutoCommit()) {
                connexion.rollback();
            }
        } finally {
            connexion.setAutoCommit(true);
            connexion.close();
        }
    }
}
