package fr.gouv.guichet.referentiel;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Date;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Who instructs what: the dated competence table (procedure family × département → service). Rows are only ever
 * added; {@link RegleCompetence} says which one applies at a date.
 */
@Service
public class Competences {

    public static final int SOURCE_MAX = 300;
    private static final Pattern FAMILLE = Pattern.compile("[A-Z][A-Z_]{1,39}");
    private static final RowMapper<Competence> LIGNE = (rs, i) -> new Competence(rs.getLong("id"), rs.getString("famille"),
            rs.getString("code_departement"), rs.getString("service"), rs.getDate("valide_du").toLocalDate(),
            rs.getDate("valide_au") == null ? null : rs.getDate("valide_au").toLocalDate(), rs.getString("source"),
            rs.getTimestamp("cree_le").toInstant());

    /** A row as typed on the national administrator's page (raw text, checked by {@link #ajouter}). */
    public record Saisie(String famille, String departement, String service, String valideDu, String valideAu, String source) {
    }

    private final JdbcClient jdbc;
    private final Departements departements;
    private final ServicesInstructeurs services;

    Competences(JdbcClient jdbc, Departements departements, ServicesInstructeurs services) {
        this.jdbc = jdbc;
        this.departements = departements;
        this.services = services;
    }

    /** The code of the service competent for that family and département on that date. */
    public Optional<String> serviceCompetent(String famille, String codeDepartement, LocalDate date) {
        return RegleCompetence.applicable(lignes(famille, codeDepartement), famille, codeDepartement, date).map(Competence::service);
    }

    /**
     * Whether the procedures of a family may be offered for a département today: a competent service exists and its
     * contact details are complete. Empty when offered; otherwise the reason, in French, for the usager.
     */
    public Optional<String> indisponibilite(String famille, String codeDepartement, LocalDate date) {
        // The competence rows and their services in one statement (ADR 0031).
        Map<Long, ServiceInstructeur> servicesDesLignes = new java.util.HashMap<>();
        List<Competence> lignes = jdbc.sql("select c.id, c.famille, c.code_departement, c.service, c.valide_du, c.valide_au, "
                        + "c.source, c.cree_le, " + ServicesInstructeurs.COLONNES_SERVICE + " from competence c "
                        + "left join service_instructeur s on s.code = c.service where c.famille = ? and c.code_departement = ?")
                .params(famille, codeDepartement)
                .query((rs, i) -> {
                    Competence ligne = LIGNE.mapRow(rs, i);
                    if (rs.getString(9) != null) {
                        servicesDesLignes.put(ligne.id(), ServicesInstructeurs.lire(rs, 8));
                    }
                    return ligne;
                }).list();
        Optional<ServiceInstructeur> service = RegleCompetence.applicable(lignes, famille, codeDepartement, date)
                .map(c -> servicesDesLignes.get(c.id()));
        if (service.isEmpty()) {
            return Optional.of("Aucun service n’est compétent pour cette démarche dans ce département : elle n’est pas proposée en ligne.");
        }
        if (!service.get().estComplet()) {
            return Optional.of("Cette démarche n’est pas encore proposée en ligne pour ce département : les coordonnées du service "
                    + "instructeur (" + service.get().nom() + ") ne sont pas encore complètes. Elles le seront sous peu.");
        }
        return Optional.empty();
    }

    /** The départements a service instructs at least one family for, on that date (a CERT's queue filter). */
    public List<String> departementsServis(String service, LocalDate date) {
        List<Competence> lignes = jdbc.sql("""
                        select * from competence where (famille, code_departement) in
                          (select famille, code_departement from competence where service = ?)""")
                .param(service).query(LIGNE).list();
        TreeSet<String> codes = new TreeSet<>();
        lignes.stream().map(c -> c.famille() + "|" + c.codeDepartement()).distinct().forEach(cle -> {
            String[] p = cle.split("\\|");
            RegleCompetence.applicable(lignes, p[0], p[1], date).filter(c -> c.service().equals(service))
                    .ifPresent(c -> codes.add(c.codeDepartement()));
        });
        return departements.tous().stream().map(Departement::code).filter(codes::contains).toList();
    }

    /** The whole table, latest first per family and département: the history shown to the national administrator. */
    public List<Competence> historique(@Nullable String famille, @Nullable String codeDepartement) {
        return jdbc.sql("""
                        select * from competence where (cast(? as text) is null or famille = ?) and (cast(? as text) is null or code_departement = ?)
                        order by famille, code_departement, valide_du desc, id desc""")
                .params(famille, famille, codeDepartement, codeDepartement).query(LIGNE).list();
    }

    public List<String> familles() {
        return jdbc.sql("select distinct famille from competence order by 1").query(String.class).list();
    }

    /**
     * Adds a dated row (never overwrites one). Returns the French message of each wrong field; nothing is written then.
     */
    @Transactional
    public Map<String, String> ajouter(Saisie s, @Nullable Long agentId) {
        Map<String, String> e = new LinkedHashMap<>();
        String famille = s.famille().strip();
        if (!FAMILLE.matcher(famille).matches() || !familles().contains(famille)) {
            e.put("famille", "Choisissez une famille de démarches de la liste.");
        }
        if (departements.parCode(s.departement().strip()).isEmpty()) {
            e.put("departement", "Choisissez un département de la liste.");
        }
        if (s.service().length() > 40 || services.parCode(s.service().strip()).isEmpty()) {
            e.put("service", "Choisissez un service instructeur de la liste.");
        }
        LocalDate du = date(s.valideDu());
        if (du == null) {
            e.put("valideDu", "Indiquez la date d’effet au format jj/mm/aaaa, par exemple 01/03/2027.");
        }
        LocalDate au = null;
        if (!s.valideAu().isBlank()) {
            au = date(s.valideAu());
            if (au == null) {
                e.put("valideAu", "Indiquez la date de fin au format jj/mm/aaaa, ou laissez le champ vide.");
            } else if (du != null && !au.isAfter(du)) {
                e.put("valideAu", "La date de fin doit être postérieure à la date d’effet.");
            }
        }
        if (s.source().isBlank()) {
            e.put("source", "Indiquez la décision qui fonde cette ligne (arrêté, circulaire, note de service…).");
        } else if (s.source().length() > SOURCE_MAX) {
            e.put("source", "La source ne doit pas dépasser " + SOURCE_MAX + " caractères.");
        }
        if (e.isEmpty()) {
            int ajoutees = jdbc.sql("""
                            insert into competence (famille, code_departement, service, valide_du, valide_au, source, cree_par)
                            values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                    .params(famille, s.departement().strip(), s.service().strip(), Date.valueOf(du), au == null ? null : Date.valueOf(au),
                            s.source().strip(), agentId).update();
            if (ajoutees == 0) {
                e.put("service", "Cette ligne existe déjà (même famille, département, service et date d’effet).");
            }
        }
        return e;
    }

    /** Date typed as jj/mm/aaaa (or aaaa-mm-jj from a date field); null when not a date. */
    static @Nullable LocalDate date(String texte) {
        String t = texte.strip();
        try {
            if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(t);
            }
            if (t.matches("\\d{1,2}/\\d{1,2}/\\d{4}")) {
                String[] p = t.split("/");
                return LocalDate.of(Integer.parseInt(p[2]), Integer.parseInt(p[1]), Integer.parseInt(p[0]));
            }
        } catch (java.time.DateTimeException e) {
            return null;
        }
        return null;
    }

    private List<Competence> lignes(String famille, String codeDepartement) {
        return jdbc.sql("select * from competence where famille = ? and code_departement = ?").params(famille, codeDepartement)
                .query(LIGNE).list();
    }
}
