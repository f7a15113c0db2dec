package fr.gouv.guichet.support;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.UUID;

/** Creates activated usager accounts directly in the database, for tests whose subject is not the account itself. */
public final class ComptesDeTest {

    public static final String MOT_DE_PASSE = "Phrase de passe des tests 2026";

    private final JdbcClient jdbc;
    private final PasswordEncoder encodeur;

    public ComptesDeTest(JdbcClient jdbc, PasswordEncoder encodeur) {
        this.jdbc = jdbc;
        this.encodeur = encodeur;
    }

    public record Compte(long id, String email) {
    }

    public Compte usager(String codeDepartement) {
        String email = "usager-" + UUID.randomUUID().toString().substring(0, 10) + "@exemple.fr";
        long id = jdbc.sql("insert into usager (email, mot_de_passe, active, active_le, code_departement) values (?, ?, true, now(), ?) returning id")
                .params(email, encodeur.encode(MOT_DE_PASSE), codeDepartement).query(Long.class).single();
        return new Compte(id, email);
    }
}
