package fr.gouv.guichet.referentiel;

import fr.gouv.guichet.referentiel.ServiceInstructeur.Coordonnees;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The services instructeurs and their contact details (read at each call: an edit applies at once). */
@Service
public class ServicesInstructeurs {

    private static final String COLONNES = """
            select s.code, s.type, s.nom, s.bureau, s.code_departement, s.adresse, s.telephone, s.courriel, s.horaires,
                   s.signataire_prenom, s.signataire_nom, s.signataire_qualite, s.reference_delegation, s.delai_cible_jours
            from service_instructeur s\s""";

    /** The columns of {@link #COLONNES}, for a statement that joins them to another table's (ADR 0031). */
    static final String COLONNES_SERVICE = COLONNES.substring("select ".length(), COLONNES.indexOf("from")).strip();

    private static final RowMapper<ServiceInstructeur> LIGNE = (rs, i) -> lire(rs, 0);

    /** The service in the 14 columns of {@link #COLONNES_SERVICE} that follow the first {@code avant} columns. */
    static ServiceInstructeur lire(java.sql.ResultSet rs, int avant) throws java.sql.SQLException {
        int c = avant;
        return new ServiceInstructeur(rs.getString(c + 1), TypeService.valueOf(rs.getString(c + 2)), rs.getString(c + 3),
                rs.getString(c + 4), rs.getString(c + 5), new Coordonnees(rs.getString(c + 6), rs.getString(c + 7),
                rs.getString(c + 8), rs.getString(c + 9), rs.getString(c + 10), rs.getString(c + 11), rs.getString(c + 12),
                rs.getString(c + 13)), rs.getInt(c + 14));
    }

    /** A service whose procedures are not offered, and why. */
    public record Incomplet(ServiceInstructeur service, List<String> manques) {
    }

    private final JdbcClient jdbc;

    ServicesInstructeurs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ServiceInstructeur> parCode(String code) {
        return jdbc.sql(COLONNES + "where s.code = ?").param(code).query(LIGNE).optional();
    }

    /** Every service: préfectures in département order, then the others by name. */
    public List<ServiceInstructeur> tous() {
        return jdbc.sql(COLONNES + "left join departement d on d.code = s.code and s.type in ('PREFECTURE', 'PREFECTURE_POLICE') "
                        + "order by d.ordre nulls last, s.nom")
                .query(LIGNE).list();
    }

    public List<Incomplet> incomplets() {
        return tous().stream().filter(s -> !s.estComplet()).map(s -> new Incomplet(s, s.coordonnees().manques())).toList();
    }

    /**
     * Records the contact details if they are valid and complete; otherwise changes nothing and returns the French
     * message of each wrong field.
     */
    @Transactional
    public Map<String, String> modifierCoordonnees(String code, Coordonnees c, @Nullable Long agentId) {
        Coordonnees nettes = new Coordonnees(c.adresse().strip().replace("\r\n", "\n"), c.telephone().strip(), c.courriel().strip(),
                c.horaires().strip(), c.signatairePrenom().strip(), c.signataireNom().strip(), c.signataireQualite().strip(),
                c.referenceDelegation().strip());
        Map<String, String> erreurs = ValidationCoordonnees.erreurs(nettes);
        if (!erreurs.isEmpty()) {
            return erreurs;
        }
        enregistrer(code, nettes, agentId);
        return Map.of();
    }

    /**
     * Adds a service that another feature declares (e.g. a town hall equipped for identity titles) if no service has
     * this code yet; never overwrites one (its administrator may have edited it). True when added.
     */
    @Transactional
    public boolean ajouterSiAbsent(String code, TypeService type, String nom, String codeDepartement, Coordonnees c) {
        return jdbc.sql("""
                        insert into service_instructeur (code, type, nom, code_departement, adresse, telephone, courriel, horaires)
                        values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (code) do nothing""")
                .params(code, type.name(), nom, codeDepartement, c.adresse(), c.telephone(), c.courriel(), c.horaires())
                .update() == 1;
    }

    /** Renames a service (a town hall's name as its préfecture's administrator edits it). */
    @Transactional
    public void renommer(String code, String nom, @Nullable Long agentId) {
        jdbc.sql("update service_instructeur set nom = ?, modifie_le = now(), modifie_par = ? where code = ?")
                .params(nom, agentId, code).update();
    }

    /** Writes contact details without the completeness rules (demo seeding); lengths stay bounded by the table. */
    @Transactional
    public void enregistrer(String code, Coordonnees c, @Nullable Long agentId) {
        jdbc.sql("""
                        update service_instructeur set adresse = ?, telephone = ?, courriel = ?, horaires = ?, signataire_prenom = ?,
                          signataire_nom = ?, signataire_qualite = ?, reference_delegation = ?, modifie_le = now(), modifie_par = ?
                        where code = ?""")
                .params(c.adresse(), c.telephone(), c.courriel(), c.horaires(), c.signatairePrenom(), c.signataireNom(),
                        c.signataireQualite(), c.referenceDelegation(), agentId, code)
                .update();
    }
}
