package fr.gouv.guichet.immatriculation.internal;

import fr.gouv.guichet.immatriculation.NumeroImmatriculation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Hands out the numbers of the national series, each once: the rank comes from a PostgreSQL sequence, which never
 * gives a value twice, whether the transaction that took it commits, rolls back or dies with the server (a gap is
 * left, never reused). Concurrent callers get distinct ranks without waiting for one another.
 */
@Component
public class AttributionNumeros {

    private final JdbcClient jdbc;

    AttributionNumeros(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public NumeroImmatriculation attribuer() {
        long rang = jdbc.sql("select nextval('immatriculation_serie_seq')").query(Long.class).single();
        return NumeroImmatriculation.deRang(rang);
    }
}
