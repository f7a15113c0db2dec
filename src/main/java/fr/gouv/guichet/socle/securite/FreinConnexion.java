package fr.gouv.guichet.socle.securite;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

/**
 * Slows down password guessing: after {@code parCompte} failures on one account (its normalised address, see
 * {@link AdressesElectroniques}), or {@code parIp} failures from one client network (IPv4 address, IPv6 /64, see
 * {@link ReseauClient}), within the window, sign-in is refused for that account or address until the window has passed.
 * Kept in the database so that every instance applies it.
 */
@Component
public class FreinConnexion {

    private final JdbcClient jdbc;
    private final Clock horloge;
    private final int parCompte;
    private final int parIp;
    private final Duration fenetre;

    FreinConnexion(JdbcClient jdbc, Clock horloge,
                   @Value("${guichet.connexion.echecs-max-par-compte:5}") int parCompte,
                   @Value("${guichet.connexion.echecs-max-par-ip:30}") int parIp,
                   @Value("${guichet.connexion.fenetre:15m}") Duration fenetre) {
        this.jdbc = jdbc;
        this.horloge = horloge;
        this.parCompte = parCompte;
        this.parIp = parIp;
        this.fenetre = fenetre;
    }

    public Duration fenetre() {
        return fenetre;
    }

    /** Both counts in one statement (ADR 0031), each on its own index. */
    public boolean estFreine(String email, String ip) {
        Timestamp depuis = Timestamp.from(horloge.instant().minus(fenetre));
        return jdbc.sql("""
                        select (select count(*) from echec_connexion where email = ? and moment > ?),
                               (select count(*) from echec_connexion where ip = ? and moment > ?)""")
                .params(email.toLowerCase(), depuis, ReseauClient.de(ip), depuis)
                .query((rs, i) -> rs.getInt(1) >= parCompte || rs.getInt(2) >= parIp).single();
    }

    public void echec(String email, String ip) {
        jdbc.sql("insert into echec_connexion (email, ip, moment) values (?, ?, ?)")
                .params(email.toLowerCase(), ReseauClient.de(ip), Timestamp.from(horloge.instant())).update();
    }

    public void reussite(String email) {
        jdbc.sql("delete from echec_connexion where email = ?").param(email.toLowerCase()).update();
    }

    public int purger() {
        return jdbc.sql("delete from echec_connexion where moment < ?")
                .param(Timestamp.from(horloge.instant().minus(fenetre.multipliedBy(4)))).update();
    }
}
