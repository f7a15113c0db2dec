package fr.gouv.guichet.navigateur;

import fr.gouv.guichet.support.AutorisationsAccordees;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;

/** An authorized videoprotection dossier of the « Boulangerie du Port », inserted through SQL. */
final class AutorisationsDeTest {

    private AutorisationsDeTest() {
    }

    static String autorisee(JdbcClient jdbc, long usagerId, String departement, LocalDate dateArrete) {
        return AutorisationsAccordees.autorisee(jdbc, usagerId, departement, dateArrete,
                "{\"nature_demande\":\"nouveau\",\"qualite\":\"commercant\",\"denomination\":\"Boulangerie du Port\",\"engagement\":[\"certifie\"]}");
    }
}
