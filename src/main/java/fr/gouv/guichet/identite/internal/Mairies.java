package fr.gouv.guichet.identite.internal;

import fr.gouv.guichet.identite.Mairie;
import fr.gouv.guichet.mediation.internal.Horaires;
import fr.gouv.guichet.mediation.internal.HorairesInvalides;
import fr.gouv.guichet.referentiel.ServiceInstructeur.Coordonnees;
import fr.gouv.guichet.referentiel.ServicesInstructeurs;
import fr.gouv.guichet.referentiel.TypeService;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The directory of the town halls equipped with a dispositif de recueil, per département. The shipped rows
 * ({@value #EMPLACEMENT}) are loaded at start-up without ever overwriting a town hall already there; the préfecture's
 * administrator edits them.
 */
@Service
public class Mairies implements InitializingBean {

    static final String EMPLACEMENT = "identite/mairies-equipees.csv";

    private static final String COLONNES = """
            select m.service, s.nom, m.code_insee, m.commune, m.code_departement, s.adresse, m.latitude, m.longitude, m.horaires,
                   m.duree_creneau_minutes, m.dispositifs, m.accessibilite, m.site_reservation, m.exemple, m.source
            from identite_mairie m join service_instructeur s on s.code = m.service\s""";

    private static final RowMapper<Mairie> LIGNE = (rs, i) -> new Mairie(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getString(6), rs.getDouble(7), rs.getDouble(8), rs.getString(9), rs.getInt(10),
            rs.getInt(11), rs.getString(12), rs.getString(13), rs.getBoolean(14), rs.getString(15));

    /** A closure of a town hall's desk (holidays, works), both days included. */
    public record Fermeture(long id, LocalDate du, LocalDate au, String motif) {
    }

    private final JdbcClient jdbc;
    private final ServicesInstructeurs services;
    private final TransactionTemplate transaction;

    Mairies(JdbcClient jdbc, ServicesInstructeurs services, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.services = services;
        this.transaction = transaction;
    }

    @Override
    public void afterPropertiesSet() {
        transaction.executeWithoutResult(s -> {
            jdbc.sql("select pg_advisory_xact_lock(20261203)").query(Object.class).list();
            for (String[] c : lignes()) {
                ajouterSiAbsente(new Mairie(Mairie.codeService(c[0]), "Mairie de " + c[1], c[0], c[1], c[2], "Hôtel de ville\n" + c[1],
                        Double.parseDouble(c[3]), Double.parseDouble(c[4]), c[5], Integer.parseInt(c[6]), Integer.parseInt(c[7]), c[8],
                        c[9].isBlank() ? null : c[9], Boolean.parseBoolean(c[10]), c[11]));
            }
        });
    }

    /** Adds the town hall and its service unless one has this code already. */
    @Transactional
    public void ajouterSiAbsente(Mairie m) {
        services.ajouterSiAbsent(m.service(), TypeService.MAIRIE, m.nom(), m.codeDepartement(),
                new Coordonnees(m.adresse(), "", "", m.horaires(), "", "", "", ""));
        jdbc.sql("""
                        insert into identite_mairie (service, code_insee, commune, code_departement, latitude, longitude, horaires,
                          duree_creneau_minutes, dispositifs, accessibilite, site_reservation, exemple, source)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (service) do nothing""")
                .params(m.service(), m.codeInsee(), m.commune(), m.codeDepartement(), m.latitude(), m.longitude(), m.horaires(),
                        m.dureeCreneauMinutes(), m.dispositifs(), m.accessibilite(), m.siteReservation(), m.exemple(), m.source())
                .update();
    }

    public Optional<Mairie> parService(String service) {
        return jdbc.sql(COLONNES + "where m.service = ?").param(service).query(LIGNE).optional();
    }

    public List<Mairie> duDepartement(String codeDepartement) {
        return jdbc.sql(COLONNES + "where m.code_departement = ? order by m.commune").param(codeDepartement).query(LIGNE).list();
    }

    public List<Mairie> toutes() {
        return jdbc.sql(COLONNES + "order by m.code_departement, m.commune").query(LIGNE).list();
    }

    /** The départements that have at least one equipped town hall, in order. */
    public List<String> departements() {
        return jdbc.sql("select distinct code_departement from identite_mairie order by 1").query(String.class).list();
    }

    /**
     * Records the agenda settings typed by the préfecture's administrator if they are valid; otherwise changes nothing
     * and returns the French message of each wrong field.
     */
    @Transactional
    public Map<String, String> modifier(String service, String nom, String horaires, String duree, String dispositifs,
                                        String accessibilite, String siteReservation, long agentId) {
        Map<String, String> erreurs = new LinkedHashMap<>();
        if (nom.isBlank() || nom.strip().length() > 150) {
            erreurs.put("nom", "Indiquez le nom de la mairie (150 caractères au plus).");
        }
        try {
            if (horaires.strip().length() > Horaires.LONGUEUR_MAX) {
                throw new HorairesInvalides("au plus " + Horaires.LONGUEUR_MAX + " caractères");
            }
            Horaires.lire(horaires.strip());
        } catch (HorairesInvalides e) {
            erreurs.put("horaires", "Horaires non reconnus : " + e.getMessage() + ". Exemple : Mo-Fr 08:30-12:00,13:30-16:30; PH off");
        }
        Integer minutes = entier(duree, 5, 120);
        if (minutes == null) {
            erreurs.put("duree", "La durée d’un créneau est un nombre de minutes entre 5 et 120.");
        }
        Integer postes = entier(dispositifs, 1, 20);
        if (postes == null) {
            erreurs.put("dispositifs", "Le nombre de dispositifs de recueil est un nombre entre 1 et 20.");
        }
        if (accessibilite.strip().length() > 300) {
            erreurs.put("accessibilite", "L’accessibilité se décrit en 300 caractères au plus.");
        }
        String site = siteReservation.strip();
        if (site.length() > 300 || !(site.isEmpty() || site.matches("https://[^\\s<>\"]+"))) {
            erreurs.put("site", "Le site de réservation est une adresse commençant par https:// (300 caractères au plus), ou vide.");
        }
        if (!erreurs.isEmpty()) {
            return erreurs;
        }
        services.renommer(service, nom.strip(), agentId);
        jdbc.sql("""
                        update identite_mairie set horaires = ?, duree_creneau_minutes = ?, dispositifs = ?, accessibilite = ?,
                          site_reservation = ?, modifie_le = now() where service = ?""")
                .params(horaires.strip(), minutes, postes, accessibilite.strip(), site.isEmpty() ? null : site, service).update();
        return Map.of();
    }

    public List<Fermeture> fermetures(String service, LocalDate depuis) {
        return jdbc.sql("select id, du, au, motif from identite_fermeture where mairie = ? and au >= ? order by du")
                .params(service, depuis).query((rs, i) -> new Fermeture(rs.getLong(1), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class), rs.getString(4))).list();
    }

    @Transactional
    public void ajouterFermeture(String service, LocalDate du, LocalDate au, String motif) {
        jdbc.sql("insert into identite_fermeture (mairie, du, au, motif) values (?, ?, ?, ?)").params(service, du, au, motif).update();
    }

    @Transactional
    public boolean supprimerFermeture(String service, long id) {
        return jdbc.sql("delete from identite_fermeture where id = ? and mairie = ?").params(id, service).update() == 1;
    }

    /** The town hall's opening hours, parsed (the stored text was checked when typed or shipped). */
    public static Horaires horaires(Mairie m) {
        try {
            return Horaires.lire(m.horaires());
        } catch (HorairesInvalides e) {
            throw new IllegalStateException("Horaires enregistrés illisibles pour " + m.service() + " : " + e.getMessage(), e);
        }
    }

    private static @Nullable Integer entier(String saisie, int min, int max) {
        try {
            int n = Integer.parseInt(saisie.strip());
            return n >= min && n <= max ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static List<String[]> lignes() {
        try {
            String texte = new ClassPathResource(EMPLACEMENT).getContentAsString(StandardCharsets.UTF_8);
            return texte.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).skip(1).map(l -> {
                String[] c = l.split("\\|", -1);
                if (c.length != 12) {
                    throw new IllegalStateException(EMPLACEMENT + " : 12 colonnes attendues dans « " + l + " »");
                }
                return c;
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(EMPLACEMENT + " illisible", e);
        }
    }
}
