package fr.gouv.guichet.instruction.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import fr.gouv.guichet.agent.AgentConnecte;
import fr.gouv.guichet.agent.Agents;
import fr.gouv.guichet.notification.Courriel;
import fr.gouv.guichet.notification.Courriels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The daily e-mail digest for agents who asked for it: the dossiers of their service where the usager sent new
 * documents or a message that no agent has opened yet. Dossier numbers only — no name, no address, no content — since
 * an e-mail leaves the back office. A db-scheduler recurring task (one instance runs it, whatever the number of
 * instances), and each agent's digest of a day is recorded, so a rerun the same day (restart, failover) sends nothing
 * twice; a copy sent again after a crash between sending and recording keeps the same Message-ID.
 */
@Configuration(proxyBeanMethods = false)
public class RecapitulatifQuotidien {

    private static final Logger log = LoggerFactory.getLogger(RecapitulatifQuotidien.class);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRANCE);
    /** More than that and the e-mail says how many more, with the link to the filtered queue. */
    static final int MAXIMUM_LISTE = 100;

    @Bean
    RecurringTask<Void> recapitulatifQuotidienTache(Envoi envoi) {
        return Tasks.recurring("recapitulatif-quotidien", Schedules.daily(PARIS, LocalTime.of(7, 30)))
                .execute((instance, contexte) -> envoi.envoyer());
    }

    @Bean
    Envoi envoiRecapitulatif(JdbcClient jdbc, Agents agents, Registre registre, Courriels courriels, Environment env, Clock horloge) {
        return new Envoi(jdbc, agents, registre, courriels, env, horloge);
    }

    /** A dossier with new elements, as the digest shows it. */
    public record Signale(String numero, String onglet) {
    }

    /** Sends today's digests not sent yet; returns how many were sent. */
    public static class Envoi {
        private final JdbcClient jdbc;
        private final Agents agents;
        private final Registre registre;
        private final Courriels courriels;
        private final Environment env;
        private final Clock horloge;

        Envoi(JdbcClient jdbc, Agents agents, Registre registre, Courriels courriels, Environment env, Clock horloge) {
            this.jdbc = jdbc;
            this.agents = agents;
            this.registre = registre;
            this.courriels = courriels;
            this.env = env;
            this.horloge = horloge;
        }

        public int envoyer() {
            LocalDate jour = LocalDate.now(horloge.withZone(PARIS));
            int envoyes = 0;
            for (long agentId : jdbc.sql("select agent_id from recapitulatif_agent order by agent_id").query(Long.class).list()) {
                String cle = "recapitulatif-quotidien:" + agentId + ":" + jour;
                var agent = agents.actif(agentId);
                if (agent.isEmpty() || registre.dejaFait(cle)) {
                    continue;
                }
                List<Signale> signales = dossiersSignales(agent.get());
                if (signales.isEmpty()) {
                    continue;
                }
                courriels.envoyer(new Courriel(agent.get().email(), sujet(signales.size()), paragraphes(signales, jour),
                        "Voir ces dossiers", base() + "/agent/services/" + agent.get().codesServices().getFirst()
                                + "/tableau-de-bord#titre-nouveaux-elements", List.of(),
                        "recapitulatif." + agentId + "." + jour));
                registre.marquer(cle);
                envoyes++;
            }
            if (envoyes > 0) {
                log.info("Récapitulatifs quotidiens envoyés : {}", envoyes);
            }
            return envoyes;
        }

        /**
         * The dossiers of the agent's service with new elements not opened yet. The one place that says which dossiers
         * are "of their service" for the digest: the services the agent belongs to (the dossier's service, fixed at deposit).
         */
        List<Signale> dossiersSignales(AgentConnecte agent) {
            if (agent.codesServices().isEmpty()) {
                return List.of();
            }
            String marques = String.join(",", java.util.Collections.nCopies(agent.codesServices().size(), "?"));
            return jdbc.sql("select numero, onglet from dossier where nouveaux_elements_le is not null and onglet <> 'BROUILLON'"
                            + " and numero is not null and service in (" + marques + ") order by nouveaux_elements_le, id limit "
                            + (MAXIMUM_LISTE + 1))
                    .params(new ArrayList<Object>(agent.codesServices()))
                    .query((rs, i) -> new Signale(rs.getString(1), libelleOnglet(rs.getString(2)))).list();
        }

        private String sujet(int nombre) {
            return nombre == 1 ? "Guichet : 1 dossier avec de nouveaux éléments de l’usager"
                    : "Guichet : " + (nombre > MAXIMUM_LISTE ? "plus de " + MAXIMUM_LISTE : nombre) + " dossiers avec de nouveaux éléments de l’usager";
        }

        private List<String> paragraphes(List<Signale> signales, LocalDate jour) {
            List<String> p = new ArrayList<>();
            p.add("Voici, au " + DATE.format(jour) + ", les dossiers de votre service où l’usager a envoyé des pièces ou un message"
                    + " qu’aucun agent n’a encore ouverts.");
            signales.stream().limit(MAXIMUM_LISTE).forEach(s -> p.add("• " + s.numero() + " (" + s.onglet() + ")"));
            if (signales.size() > MAXIMUM_LISTE) {
                p.add("Et d’autres encore : la file, filtrée sur « nouveaux éléments », les montre tous.");
            }
            p.add("Vous recevez ce récapitulatif parce que vous l’avez demandé. Pour ne plus le recevoir : " + base() + "/agent/recapitulatif");
            return p;
        }

        private String base() {
            return env.getProperty("guichet.url-publique", "http://localhost:8080");
        }
    }

    static String libelleOnglet(String onglet) {
        for (Onglet o : Onglet.values()) {
            if (o.name().equals(onglet)) {
                return o.libelle();
            }
        }
        return onglet;
    }

    /** The agent's choice: receive the digest or not. */
    @org.springframework.stereotype.Component
    public static class Preference {
        private final JdbcClient jdbc;

        Preference(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        public boolean demande(long agentId) {
            return jdbc.sql("select count(*) from recapitulatif_agent where agent_id = ?").param(agentId).query(Integer.class).single() > 0;
        }

        public void choisir(long agentId, boolean recevoir) {
            if (recevoir) {
                jdbc.sql("insert into recapitulatif_agent (agent_id) values (?) on conflict do nothing").param(agentId).update();
            } else {
                jdbc.sql("delete from recapitulatif_agent where agent_id = ?").param(agentId).update();
            }
        }
    }
}
