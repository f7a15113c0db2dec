package fr.gouv.guichet.immatriculation.internal;

import fr.gouv.guichet.immatriculation.CodeCession;
import fr.gouv.guichet.immatriculation.ErreursSaisie;
import fr.gouv.guichet.immatriculation.RegistreVehicules;
import fr.gouv.guichet.immatriculation.Vehicule;
import fr.gouv.guichet.immatriculation.VehiculeIntrouvable;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The seller's declaration of sale (déclaration de cession): within {@value #JOURS_DECLARATION} days of the sale, for a
 * vehicle the seller holds. It gives the {@link CodeCession} (shown once; only its digest is kept), records the sale
 * in the register, and replaces any earlier open declaration of the same vehicle.
 */
@Service
public class Cessions {

    /** The seller declares the sale within 15 days (titres.md, SIV). */
    public static final int JOURS_DECLARATION = 15;
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    public record Declaree(long cessionId, CodeCession code, Instant expireLe) {
    }

    /** A declaration as its seller sees it (never the code). */
    public record Cession(long id, long vehiculeId, String immatriculation, LocalDate dateVente, int kilometrage, String acquereur,
                          Instant declareeLe, Instant expireLe, @Nullable Instant utiliseeLe, @Nullable Instant remplaceeLe) {
        public boolean ouverte(Instant maintenant) {
            return utiliseeLe == null && remplaceeLe == null && maintenant.isBefore(expireLe);
        }
    }

    private final JdbcClient jdbc;
    private final RegistreVehicules registre;
    private final Clock horloge;

    Cessions(JdbcClient jdbc, RegistreVehicules registre, Clock horloge) {
        this.jdbc = jdbc;
        this.registre = registre;
        this.horloge = horloge;
    }

    @Transactional
    public Declaree declarer(long usagerId, String immatriculation, @Nullable LocalDate dateVente, @Nullable Integer kilometrage,
                             String acquereurNom, String acquereurPrenoms) {
        Vehicule v = registre.parImmatriculation(immatriculation).filter(x -> x.usagerId() != null && x.usagerId() == usagerId)
                .orElseThrow(VehiculeIntrouvable::new);
        Instant maintenant = horloge.instant();
        LocalDate aujourdhui = maintenant.atZone(PARIS).toLocalDate();
        Map<String, String> erreurs = new LinkedHashMap<>();
        if (dateVente == null) {
            erreurs.put("dateVente", "Indiquez la date de la vente, au format jj/mm/aaaa.");
        } else if (dateVente.isAfter(aujourdhui)) {
            erreurs.put("dateVente", "La date de la vente ne peut pas être dans le futur.");
        } else if (dateVente.isBefore(aujourdhui.minusDays(JOURS_DECLARATION))) {
            erreurs.put("dateVente", "La cession se déclare dans les " + JOURS_DECLARATION + " jours qui suivent la vente : "
                    + "ce délai est dépassé. Adressez-vous au centre d’instruction (CERT) depuis la page d’aide.");
        }
        if (kilometrage == null || kilometrage < 0 || kilometrage > 2_000_000) {
            erreurs.put("kilometrage", "Indiquez le kilométrage au compteur (un nombre entre 0 et 2 000 000).");
        }
        texte(erreurs, "acquereurNom", acquereurNom, "le nom de l’acquéreur");
        texte(erreurs, "acquereurPrenoms", acquereurPrenoms, "les prénoms de l’acquéreur");
        if (v.situation().vole() || v.situation().detruit()) {
            erreurs.put("dateVente", "Ce véhicule est signalé " + (v.situation().vole() ? "volé" : "détruit")
                    + " dans le registre : sa cession ne peut pas être déclarée en ligne.");
        }
        if (!erreurs.isEmpty()) {
            throw new ErreursSaisie(erreurs);
        }
        jdbc.sql("update cession set remplacee_le = ? where vehicule_id = ? and utilisee_le is null and remplacee_le is null")
                .params(Timestamp.from(maintenant), v.id()).update();
        CodeCession code = CodeCession.nouveau();
        Instant expire = maintenant.plus(CodeCession.VALIDITE);
        long id = jdbc.sql("""
                        insert into cession (vehicule_id, vendeur_usager_id, date_vente, kilometrage, acquereur_nom, acquereur_prenoms,
                          empreinte_code, declaree_le, expire_le) values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(v.id(), usagerId, dateVente, kilometrage, acquereurNom.strip(), acquereurPrenoms.strip(),
                        code.empreinte(v.immatriculation()), Timestamp.from(maintenant), Timestamp.from(expire))
                .query(Long.class).single();
        registre.enregistrerOperation(v.id(), "CESSION", "Cession déclarée par le titulaire : vendu le " + dateVente + " à "
                + acquereurPrenoms.strip() + " " + acquereurNom.strip() + " (" + kilometrage + " km)", null, usagerId);
        return new Declaree(id, code, expire);
    }

    /** The seller's declaration (another usager's is not found). */
    public Cession duVendeur(long cessionId, long usagerId) {
        return jdbc.sql(SELECT + " where c.id = ? and c.vendeur_usager_id = ?").params(cessionId, usagerId).query(this::ligne)
                .optional().orElseThrow(VehiculeIntrouvable::new);
    }

    public List<Cession> duVendeur(long usagerId) {
        return jdbc.sql(SELECT + " where c.vendeur_usager_id = ? order by c.id desc limit 50").param(usagerId).query(this::ligne).list();
    }

    Optional<Cession> parId(long id) {
        return jdbc.sql(SELECT + " where c.id = ?").param(id).query(this::ligne).optional();
    }

    private static final String SELECT = """
            select c.id, c.vehicule_id, v.immatriculation, c.date_vente, c.kilometrage, c.acquereur_prenoms || ' ' || c.acquereur_nom as acquereur,
              c.declaree_le, c.expire_le, c.utilisee_le, c.remplacee_le from cession c join vehicule v on v.id = c.vehicule_id""";

    private Cession ligne(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Cession(rs.getLong("id"), rs.getLong("vehicule_id"), rs.getString("immatriculation"), rs.getDate("date_vente").toLocalDate(),
                rs.getInt("kilometrage"), rs.getString("acquereur"), rs.getTimestamp("declaree_le").toInstant(),
                rs.getTimestamp("expire_le").toInstant(), instant(rs.getTimestamp("utilisee_le")), instant(rs.getTimestamp("remplacee_le")));
    }

    static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    static void texte(Map<String, String> erreurs, String champ, @Nullable String valeur, String designation) {
        if (valeur == null || valeur.isBlank()) {
            erreurs.put(champ, "Indiquez " + designation + ".");
        } else if (valeur.strip().length() > 100) {
            erreurs.put(champ, "Raccourcissez " + designation + " : 100 caractères au plus.");
        }
    }
}
