package fr.gouv.guichet.support;

import fr.gouv.guichet.demarche.NumeroDossier;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;

/** An authorized videoprotection dossier, inserted through SQL (the préfecture side is another feature). */
public final class AutorisationsAccordees {

    private static final AtomicInteger SEQUENCE = new AtomicInteger(900000);

    private AutorisationsAccordees() {
    }

    /** Returns the number of a dossier of this usager, authorized by an arrêté of that date, with these answers (JSON). */
    public static String autorisee(JdbcClient jdbc, long usagerId, String departement, LocalDate dateArrete, String reponsesJson) {
        String numero = NumeroDossier.de("VP", departement, dateArrete.getYear(), SEQUENCE.incrementAndGet()).valeur();
        long id = jdbc.sql("""
                        insert into dossier (numero, usager_id, code_departement, service, demarche, formulaire_id, formulaire_version,
                                             reponses, etat, depose_le)
                        values (?, ?, ?, ?, 'VP_AUTORISATION', 'cerfa-13806', '04', cast(? as jsonb), 'AUTORISE', ?) returning id""")
                .params(numero, usagerId, departement, departement, reponsesJson,
                        Timestamp.from(dateArrete.minusMonths(3).atStartOfDay(ZoneId.of("Europe/Paris")).toInstant()))
                .query(Long.class).single();
        jdbc.sql("insert into dossier_transition (dossier_id, de, vers, acteur_type, motif, moment) values (?, 'EN_INSTRUCTION', 'AUTORISE', 'AGENT', 'Autorisation par arrêté préfectoral', ?)")
                .params(id, Timestamp.from(dateArrete.atTime(11, 0).atZone(ZoneId.of("Europe/Paris")).toInstant()))
                .update();
        return numero;
    }
}
