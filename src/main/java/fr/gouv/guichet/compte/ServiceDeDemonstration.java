package fr.gouv.guichet.compte;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates an already-activated usager account: for the demo seeding only (never reachable from the web). */
@Service
public class ServiceDeDemonstration {

    private final JdbcClient jdbc;
    private final PasswordEncoder encodeur;

    ServiceDeDemonstration(JdbcClient jdbc, PasswordEncoder encodeur) {
        this.jdbc = jdbc;
        this.encodeur = encodeur;
    }

    @Transactional
    public long usagerActive(String email, String motDePasse, String codeDepartement) {
        return jdbc.sql("""
                        insert into usager (email, mot_de_passe, active, active_le, code_departement) values (?, ?, true, now(), ?)
                        on conflict (lower(email)) do update set active = true returning id""")
                .params(email, encodeur.encode(motDePasse), codeDepartement).query(Long.class).single();
    }
}
