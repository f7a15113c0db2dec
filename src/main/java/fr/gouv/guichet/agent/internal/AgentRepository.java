package fr.gouv.guichet.agent.internal;

import fr.gouv.guichet.agent.AgentConnecte;
import fr.gouv.guichet.agent.RoleAgent;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Repository
public class AgentRepository {

    public record LigneAgent(long id, String email, String nom, @Nullable String motDePasse, boolean actif, boolean national) {
    }

    public record Membre(long id, String email, String nom, boolean actif, boolean invitationEnAttente, RoleAgent role,
                         @Nullable Instant proConnectLe, @Nullable String proConnectAmr) {

        private static final java.time.format.DateTimeFormatter FORMAT = java.time.format.DateTimeFormatter
                .ofPattern("dd/MM/yyyy 'à' HH:mm").withZone(java.time.ZoneId.of("Europe/Paris"));

        /** "Dernière connexion ProConnect : le 23/11/2026 à 14:05 (méthodes pwd, mfa)", or empty. */
        public String derniereConnexionProConnect() {
            if (proConnectLe == null) {
                return "";
            }
            return "Dernière connexion ProConnect : le " + FORMAT.format(proConnectLe) + " (méthodes "
                    + (proConnectAmr == null || proConnectAmr.isBlank() ? "non transmises" : proConnectAmr) + ")";
        }
    }

    private final JdbcClient jdbc;

    AgentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<LigneAgent> parEmail(String email) {
        return jdbc.sql("select id, email, nom, mot_de_passe, actif, administrateur_national from agent where lower(email) = ?")
                .param(fr.gouv.guichet.socle.securite.AdressesElectroniques.normaliser(email))
                .query((rs, i) -> new LigneAgent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5), rs.getBoolean(6)))
                .optional();
    }

    public Optional<LigneAgent> parId(long id) {
        return jdbc.sql("select id, email, nom, mot_de_passe, actif, administrateur_national from agent where id = ?").param(id)
                .query((rs, i) -> new LigneAgent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5), rs.getBoolean(6)))
                .optional();
    }

    public Map<String, RoleAgent> services(long agentId) {
        Map<String, RoleAgent> services = new HashMap<>();
        jdbc.sql("select service, role from agent_service where agent_id = ?").param(agentId)
                .query(rs -> {
                    services.put(rs.getString(1), RoleAgent.valueOf(rs.getString(2)));
                });
        return services;
    }

    public Optional<AgentConnecte> connecte(long id) {
        return parId(id).filter(LigneAgent::actif)
                .map(a -> new AgentConnecte(a.id(), a.email(), a.nom(), services(a.id()), a.national()));
    }

    public long creer(String email, String nom, @Nullable String empreinte, boolean national) {
        return jdbc.sql("""
                        insert into agent (email, nom, mot_de_passe, administrateur_national) values (?, ?, ?, ?)
                        on conflict (lower(email)) do update set nom = agent.nom returning id""")
                .params(fr.gouv.guichet.socle.securite.AdressesElectroniques.normaliser(email), nom.strip(), empreinte, national)
                .query(Long.class).single();
    }

    public void rattacher(long agentId, String codeService, RoleAgent role) {
        jdbc.sql("""
                        insert into agent_service (agent_id, service, role) values (?, ?, ?)
                        on conflict (agent_id, service) do update set role = excluded.role""")
                .params(agentId, codeService, role.name()).update();
    }

    public void detacher(long agentId, String codeService) {
        jdbc.sql("delete from agent_service where agent_id = ? and service = ?").params(agentId, codeService).update();
    }

    public void activer(long agentId, boolean actif) {
        jdbc.sql("update agent set actif = ? where id = ?").params(actif, agentId).update();
    }

    /** A ProConnect sign-in: when, and with which authentication methods ({@code amr}, e.g. "pwd, mfa"). */
    public void enregistrerConnexionProConnect(long agentId, String amr) {
        jdbc.sql("update agent set proconnect_derniere_connexion = now(), proconnect_amr = ? where id = ?")
                .params(amr, agentId).update();
    }

    public void definirMotDePasse(long agentId, String empreinte) {
        jdbc.sql("update agent set mot_de_passe = ? where id = ?").params(empreinte, agentId).update();
    }

    public List<Membre> membres(String codeService) {
        return jdbc.sql("""
                        select a.id, a.email, a.nom, a.actif,
                          a.mot_de_passe is null and a.proconnect_derniere_connexion is null, ap.role,
                          a.proconnect_derniere_connexion, a.proconnect_amr
                        from agent a join agent_service ap on ap.agent_id = a.id
                        where ap.service = ? order by a.nom""")
                .param(codeService)
                .query((rs, i) -> new Membre(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getBoolean(5),
                        RoleAgent.valueOf(rs.getString(6)),
                        rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant(), rs.getString(8)))
                .list();
    }

    public void enregistrerInvitation(String empreinte, long agentId, Instant expire, @Nullable String codeService,
                                      @Nullable RoleAgent role) {
        jdbc.sql("insert into jeton_agent (empreinte, agent_id, expire_le, service, role) values (?, ?, ?, ?, ?)")
                .params(empreinte, agentId, Timestamp.from(expire), codeService, role == null ? null : role.name()).update();
    }

    /** The old password no longer works (an agent deactivated everywhere, invited again, chooses a new one). */
    public void oublierMotDePasse(long agentId) {
        jdbc.sql("update agent set mot_de_passe = null where id = ?").param(agentId).update();
    }

    /** An attachment proposed to an agent by a valid link: the code of its service. */
    public Optional<String> invitationProposee(String empreinte, Instant maintenant) {
        return jdbc.sql("""
                        select service from jeton_agent where empreinte = ? and utilise_le is null and expire_le > ?
                        and service is not null""")
                .params(empreinte, Timestamp.from(maintenant)).query(String.class).optional();
    }

    public record Rattachement(long agentId, String codeService, RoleAgent role) {
    }

    public Optional<Rattachement> utiliserRattachement(String empreinte, Instant maintenant) {
        return jdbc.sql("""
                        update jeton_agent set utilise_le = ? where empreinte = ? and utilise_le is null and expire_le > ?
                        and service is not null returning agent_id, service, role""")
                .params(Timestamp.from(maintenant), empreinte, Timestamp.from(maintenant))
                .query((rs, i) -> new Rattachement(rs.getLong(1), rs.getString(2), RoleAgent.valueOf(rs.getString(3)))).optional();
    }

    public Optional<Long> utiliserInvitation(String empreinte, Instant maintenant) {
        return jdbc.sql("""
                        update jeton_agent set utilise_le = ? where empreinte = ? and utilise_le is null and expire_le > ?
                        and service is null returning agent_id""")
                .params(Timestamp.from(maintenant), empreinte, Timestamp.from(maintenant)).query(Long.class).optional();
    }

    public Optional<Long> invitationValide(String empreinte, Instant maintenant) {
        return jdbc.sql("""
                        select agent_id from jeton_agent where empreinte = ? and utilise_le is null and expire_le > ?
                        and service is null""")
                .params(empreinte, Timestamp.from(maintenant)).query(Long.class).optional();
    }
}
