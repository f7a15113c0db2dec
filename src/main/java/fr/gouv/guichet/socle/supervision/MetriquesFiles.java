package fr.gouv.guichet.socle.supervision;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.function.Supplier;

/**
 * Queue gauges read from PostgreSQL at each scrape ({@code /actuator/prometheus} when exposed, see the README):
 * the outbox backlog (events not yet handled by their listener, e.g. e-mails not yet sent) and the lag of
 * scheduled jobs (age of the oldest due execution nobody has picked). A failed query reads as NaN, never an error.
 * The suppliers are held strongly: Micrometer keeps a gauge's object weakly, and a collected one reads as NaN.
 */
@Component
class MetriquesFiles implements MeterBinder {

    private final JdbcClient jdbc;

    MetriquesFiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registre) {
        Gauge.builder("guichet.outbox.en_attente", mesure(() -> jdbc.sql(
                        "select count(*) from event_publication where completion_date is null").query(Long.class).single()), Supplier::get)
                .description("Événements de l’outbox pas encore traités (courriels à envoyer…)")
                .strongReference(true)
                .register(registre);
        Gauge.builder("guichet.taches.retard", mesure(() -> jdbc.sql("""
                        select coalesce(extract(epoch from max(now() - execution_time)), 0)::float8 from scheduled_tasks
                        where not picked and execution_time < now()""").query((rs, i) -> rs.getDouble(1)).single()), Supplier::get)
                .description("Retard de la plus ancienne tâche planifiée échue et non prise")
                .baseUnit("seconds")
                .strongReference(true)
                .register(registre);
    }

    static Supplier<Double> mesure(Supplier<? extends Number> requete) {
        return () -> {
            try {
                return requete.get().doubleValue();
            } catch (RuntimeException e) {
                return Double.NaN;
            }
        };
    }
}
