package fr.gouv.guichet.navigateur;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;

/** An authorized videoprotection dossier, inserted through SQL (the préfecture side is another feature). */
final class AutorisationsDeTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger(900000);

    private AutorisationsDeTest() {
    }

    static String autorisee(JdbcClient jdbc, long usagerId, String departement, LocalDate dateArrete) {
        String numero = fr.gouv.guichet.demarche.NumeroDossier.de("VP", departement, dateArrete.getYear(), SEQUENCE.incrementAndGet()).valeur();
        long id = jdbc.sql("""
                        insert into dossier (numero, usager_id, code_departement, demarche, formulaire_id, formulaire_version, reponses,
                                             etat, depose_le)
                        values (?, ?, ?, 'VP_AUTORISATION', 'cerfa-13806', '04',
                                cast('{"nature_demande":"nouveau","qualite":"commercant","denomination":"Boulangerie du Port","engagement":["certifie"]}' as jsonb),
                                'AUTORISE', ?) returning id""")
                .params(numero, usagerId, departement, java.sql.Timestamp.from(dateArrete.minusMonths(3).atStartOfDay(ZoneId.of("Europe/Paris")).toInstant()))
                .query(Long.class).single();
        jdbc.sql("insert into dossier_transition (dossier_id, de, vers, acteur_type, motif, moment) values (?, 'EN_INSTRUCTION', 'AUTORISE', 'AGENT', 'Autorisation par arrêté préfectoral', ?)")
                .params(id, java.sql.Timestamp.from(dateArrete.atTime(11, 0).atZone(ZoneId.of("Europe/Paris")).toInstant()))
                .update();
        return numero;
    }
}
