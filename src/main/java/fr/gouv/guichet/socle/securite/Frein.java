package fr.gouv.guichet.socle.securite;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Throttles a form: at most {@code max} attempts per key (an account, a normalised address, a client network)
 * within the window. Kept in the database so that every instance applies it. A refused attempt is not counted (the
 * window is not pushed back forever by someone who keeps trying). Networks listed in
 * {@code guichet.frein.reseaux-exemptes} are not counted (tests, where every client is the loopback address).
 */
@Component
public class Frein {

    /** One limit: the action name, the attempts allowed per key and the window. */
    public record Limite(String action, int max, Duration fenetre) {
        public Cle pour(String cle) {
            return new Cle(this, cle, false);
        }

        /** The client network of this address (IPv4 address, IPv6 /64). */
        public Cle pourReseau(String adresseIp) {
            return new Cle(this, ReseauClient.de(adresseIp), true);
        }
    }

    /** A key (account, normalised address, client network) counted under a limit. */
    public record Cle(Limite limite, String valeur, boolean reseau) {
    }

    private final JdbcClient jdbc;
    private final Clock horloge;

    private final java.util.Set<String> reseauxExemptes;

    Frein(JdbcClient jdbc, Clock horloge,
          @org.springframework.beans.factory.annotation.Value("${guichet.frein.reseaux-exemptes:}") List<String> reseauxExemptes) {
        this.jdbc = jdbc;
        this.horloge = horloge;
        this.reseauxExemptes = reseauxExemptes.stream().map(String::strip).filter(r -> !r.isEmpty())
                .map(ReseauClient::de).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** Counts one attempt for every key and returns true, or returns false (nothing counted) if one key is over. */
    @Transactional
    public boolean autoriser(Cle... cles) {
        List<Cle> triees = java.util.Arrays.stream(cles)
                .filter(c -> !(c.reseau() && reseauxExemptes.contains(c.valeur())))
                .sorted(java.util.Comparator.comparing(c -> c.limite().action() + "|" + c.valeur())).toList();
        for (Cle cle : triees) {
            Limite limite = cle.limite();
            // Serialises the attempts on one key (two instances, two requests at once): the count is exact.
            jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))").param(limite.action() + "|" + cle.valeur())
                    .query((rs, n) -> 1).list();
            int deja = jdbc.sql("select count(*) from frein_tentative where action = ? and cle = ? and moment > ?")
                    .params(limite.action(), cle.valeur(), Timestamp.from(horloge.instant().minus(limite.fenetre())))
                    .query(Integer.class).single();
            if (deja >= limite.max()) {
                return false;
            }
        }
        Timestamp maintenant = Timestamp.from(horloge.instant());
        for (Cle cle : triees) {
            jdbc.sql("insert into frein_tentative (action, cle, moment) values (?, ?, ?)")
                    .params(cle.limite().action(), cle.valeur(), maintenant).update();
        }
        return true;
    }

    /** Forgets the attempts of one key (e.g. after a right answer). */
    public void oublier(String action, String cle) {
        jdbc.sql("delete from frein_tentative where action = ? and cle = ?").params(action, cle).update();
    }

    /** Deletes attempts older than a day (no limit has a longer window). */
    public int purger() {
        return jdbc.sql("delete from frein_tentative where moment < ?")
                .param(Timestamp.from(horloge.instant().minus(Duration.ofDays(1)))).update();
    }
}
