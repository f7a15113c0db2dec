package fr.gouv.guichet.mediation.internal;

import fr.gouv.guichet.agent.AgentConnecte;
import fr.gouv.guichet.demarche.BrouillonsInactifs;
import fr.gouv.guichet.demarche.Procedures;
import fr.gouv.guichet.referentiel.ServiceInstructeur;
import fr.gouv.guichet.referentiel.ServicesInstructeurs;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.util.List;

/**
 * Statistics of a préfecture's help places (issue 16, point 6), aggregated in the database, never per person:
 * assisted sessions per place and month, procedures filed with help, steps where sessions ended without a deposit.
 * For the préfecture's administrators only.
 */
@Service
public class StatistiquesMediation {

    public record ParLieuEtMois(String lieu, String mois, long sessions, long consenties, long dossiers) {
    }

    public record ParDemarche(String demarche, String libelle, long dossiers) {
    }

    public record EtapeAbandonnee(String etape, String libelle, long sessions) {
    }

    /** Drafts of all the usagers of the department stopped at a step of a procedure. */
    public record ArretUsagers(String demarche, String libelle, String etape, long brouillons) {
    }

    public record Tableau(List<ParLieuEtMois> parLieuEtMois, List<ParDemarche> demarches, List<EtapeAbandonnee> abandons,
                          List<ArretUsagers> arrets, long joursSansModification) {
    }

    private final JdbcClient jdbc;
    private final Procedures procedures;
    private final SessionsAccompagnees sessions;
    private final BrouillonsInactifs brouillons;
    private final ServicesInstructeurs services;
    private final Duration abandon;

    StatistiquesMediation(JdbcClient jdbc, Procedures procedures, SessionsAccompagnees sessions, BrouillonsInactifs brouillons,
                          ServicesInstructeurs services, @Value("${guichet.mediation.abandon:P7D}") Duration abandon) {
        if (abandon.isNegative() || abandon.isZero() || abandon.compareTo(Duration.ofDays(365)) > 0) {
            throw new IllegalArgumentException("guichet.mediation.abandon doit être compris entre 1 seconde et 365 jours : " + abandon);
        }
        this.jdbc = jdbc;
        this.procedures = procedures;
        this.sessions = sessions;
        this.brouillons = brouillons;
        this.services = services;
        this.abandon = abandon;
    }

    public Tableau de(AgentConnecte par, String codeService) {
        if (!par.administre(codeService)) {
            throw new AccessDeniedException("Réservé aux administrateurs de ce service");
        }
        sessions.terminerInactives();
        List<ParLieuEtMois> parLieu = jdbc.sql("""
                        select l.nom as lieu, to_char(s.debut at time zone 'Europe/Paris', 'YYYY-MM') as mois,
                               count(distinct s.id) as sessions,
                               count(distinct s.id) filter (where s.consenti_le is not null) as consenties,
                               count(d.dossier_id) as dossiers
                        from session_accompagnee s join mediateur m on m.id = s.mediateur_id
                        join lieu_mediation l on l.id = s.lieu_id left join dossier_aide d on d.session_id = s.id
                        where m.code_service = ? group by l.nom, mois order by mois desc, l.nom limit 500""")
                .param(codeService).query((rs, i) -> new ParLieuEtMois(rs.getString("lieu"), rs.getString("mois"),
                        rs.getLong("sessions"), rs.getLong("consenties"), rs.getLong("dossiers"))).list();
        List<ParDemarche> demarches = jdbc.sql("""
                        select d.demarche, count(*) as dossiers from dossier_aide d
                        join session_accompagnee s on s.id = d.session_id join mediateur m on m.id = s.mediateur_id
                        where m.code_service = ? group by d.demarche order by dossiers desc, d.demarche limit 100""")
                .param(codeService).query((rs, i) -> new ParDemarche(rs.getString("demarche"),
                        libelle(rs.getString("demarche")), rs.getLong("dossiers"))).list();
        List<EtapeAbandonnee> abandons = jdbc.sql("""
                        select coalesce(s.derniere_etape, '') as etape, count(*) as sessions from session_accompagnee s
                        join mediateur m on m.id = s.mediateur_id
                        where m.code_service = ? and s.fin is not null
                          and not exists (select 1 from dossier_aide d where d.session_id = s.id)
                        group by 1 order by sessions desc, etape limit 30""")
                .param(codeService).query((rs, i) -> new EtapeAbandonnee(rs.getString("etape"),
                        rs.getString("etape").isEmpty() ? "Avant la connexion de l’usager"
                                : PagesDecrites.pour(rs.getString("etape")).titre(), rs.getLong("sessions"))).list();
        String departement = services.parCode(codeService).map(ServiceInstructeur::codeDepartement).orElse(codeService);
        List<ArretUsagers> arrets = brouillons.du(departement, abandon).stream().limit(100)
                .map(a -> new ArretUsagers(a.demarche(), libelle(a.demarche()), a.titre(), a.brouillons())).toList();
        return new Tableau(parLieu, demarches, abandons, arrets, Math.max(1, abandon.toDays()));
    }

    /** The CSV export (UTF-8, semicolons, one line per figure). */
    public String csv(AgentConnecte par, String codeService) {
        Tableau t = de(par, codeService);
        StringBuilder csv = new StringBuilder("\uFEFFindicateur;lieu;mois;demarche;etape;valeur\r\n");
        t.parLieuEtMois().forEach(l -> {
            ligne(csv, "sessions", l.lieu(), l.mois(), "", "", l.sessions());
            ligne(csv, "sessions_consenties", l.lieu(), l.mois(), "", "", l.consenties());
            ligne(csv, "dossiers_deposes", l.lieu(), l.mois(), "", "", l.dossiers());
        });
        t.demarches().forEach(d -> ligne(csv, "dossiers_par_demarche", "", "", d.libelle(), "", d.dossiers()));
        t.abandons().forEach(a -> ligne(csv, "sessions_sans_depot_par_etape", "", "", "", a.libelle() + " (" + a.etape() + ")",
                a.sessions()));
        t.arrets().forEach(a -> ligne(csv, "brouillons_arretes_par_etape", "", "", a.libelle(), a.etape(), a.brouillons()));
        return csv.toString();
    }

    private String libelle(String demarche) {
        try {
            return procedures.get(demarche).libelle();
        } catch (RuntimeException e) {
            return demarche;
        }
    }

    private static void ligne(StringBuilder csv, String indicateur, String lieu, String mois, String demarche, String etape,
                              long valeur) {
        csv.append(indicateur).append(';').append(champ(lieu)).append(';').append(mois).append(';').append(champ(demarche))
                .append(';').append(champ(etape)).append(';').append(valeur).append("\r\n");
    }

    /** Quoted, and never read as a formula by a spreadsheet. */
    private static String champ(String texte) {
        String sur = !texte.isEmpty() && "=+-@\t\r".indexOf(texte.charAt(0)) >= 0 ? "'" + texte : texte;
        return "\"" + sur.replace("\"", "\"\"") + "\"";
    }
}
