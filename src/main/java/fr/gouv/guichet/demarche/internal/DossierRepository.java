package fr.gouv.guichet.demarche.internal;

import fr.gouv.guichet.demarche.Dossier;
import fr.gouv.guichet.demarche.DossierEtService;
import fr.gouv.guichet.demarche.Evenements;
import fr.gouv.guichet.demarche.Procedures;
import fr.gouv.guichet.demarche.ResumeDossier;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@Repository
public class DossierRepository {

    private static final TypeReference<Map<String, Object>> CARTE = new TypeReference<>() {
    };
    private static final String LISTE = """
            select id, numero, usager_id, code_departement, demarche, formulaire_id, formulaire_version, reponses::text,
                   etat, reference_autorisation, date_arrete, prioritaire, cree_le, modifie_le, depose_le, version,
                   complet_le, jours_suspension""";
    private static final String COLONNES = LISTE + " from dossier ";
    /** The name of the service instructeur (fixed at deposit, none for a draft), read in the same statement. */
    private static final String NOM_SERVICE = "(select s.nom from service_instructeur s where s.code = dossier.service) as nom_service";
    static final String RESUME = "select id, numero, code_departement, demarche, etat, modifie_le, " + NOM_SERVICE + " from dossier ";
    /** {@link #aReprendre}: explained by {@code PlansRequetesChaudesIntegrationTest}. */
    static final String A_REPRENDRE = "select * from ((" + RESUME + """
            where usager_id = ? and etat = any(?) order by modifie_le desc, id desc limit ?)
            union all
            (""" + RESUME + """
            where usager_id = ? and (etat = 'BROUILLON') = true order by modifie_le desc, id desc limit ?)) r
            order by etat = 'BROUILLON', modifie_le desc, id desc limit ?""";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final RowMapper<Dossier> mapper;
    private final Procedures procedures;

    DossierRepository(JdbcClient jdbc, JsonMapper json, Procedures procedures) {
        this.jdbc = jdbc;
        this.json = json;
        this.procedures = procedures;
        this.mapper = (rs, i) -> new Dossier(rs.getLong("id"), rs.getString("numero"),
                rs.getObject("usager_id") == null ? null : rs.getLong("usager_id"), rs.getString("code_departement"),
                rs.getString("demarche"), rs.getString("formulaire_id"), rs.getString("formulaire_version"),
                json.readValue(rs.getString("reponses"), CARTE), procedures.etat(rs.getString("demarche"), rs.getString("etat")),
                rs.getString("reference_autorisation"),
                rs.getDate("date_arrete") == null ? null : rs.getDate("date_arrete").toLocalDate(),
                rs.getBoolean("prioritaire"), rs.getTimestamp("cree_le").toInstant(), rs.getTimestamp("modifie_le").toInstant(),
                instant(rs.getTimestamp("depose_le")), rs.getInt("version"), instant(rs.getTimestamp("complet_le")),
                rs.getInt("jours_suspension"));
    }

    private static @Nullable Instant instant(@Nullable Timestamp moment) {
        return moment == null ? null : moment.toInstant();
    }

    public long creer(long usagerId, String codeDepartement, String demarche, String formulaireId, String formulaireVersion,
               Map<String, Object> reponses, @Nullable String reference, @Nullable LocalDate dateArrete) {
        return jdbc.sql("""
                        insert into dossier (usager_id, code_departement, demarche, formulaire_id, formulaire_version, reponses,
                                             reference_autorisation, date_arrete)
                        values (?, ?, ?, ?, ?, cast(? as jsonb), ?, ?) returning id""")
                .params(usagerId, codeDepartement, demarche, formulaireId, formulaireVersion, json.writeValueAsString(reponses),
                        reference, dateArrete == null ? null : Date.valueOf(dateArrete))
                .query(Long.class).single();
    }

    /** Changes the owner of a deposited dossier from the depositing account to its holder (or none). */
    public int confier(long id, long deposantId, @Nullable Long titulaireId) {
        return jdbc.sql("update dossier set usager_id = ? where id = ? and usager_id = ? and numero is not null")
                .params(titulaireId, id, deposantId).update();
    }

    public Optional<Dossier> parId(long id) {
        return jdbc.sql(COLONNES + "where id = ?").param(id).query(mapper).optional();
    }

    public Optional<Dossier> parIdEtUsager(long id, long usagerId) {
        return jdbc.sql(COLONNES + "where id = ? and usager_id = ?").params(id, usagerId).query(mapper).optional();
    }

    /** The usager's dossier and the name of the service that instructs it, in one statement (the dossier page). */
    public Optional<DossierEtService> parIdEtUsagerAvecService(long id, long usagerId) {
        return jdbc.sql(LISTE + ", " + NOM_SERVICE + " from dossier where id = ? and usager_id = ?").params(id, usagerId)
                .query((rs, i) -> new DossierEtService(mapper.mapRow(rs, i), rs.getString("nom_service"))).optional();
    }

    /** Reads the usager's dossier and locks its row until the transaction ends (autosave waits behind it). */
    public Optional<Dossier> verrouillerPourUsager(long id, long usagerId) {
        return jdbc.sql(COLONNES + "where id = ? and usager_id = ? for update").params(id, usagerId).query(mapper).optional();
    }

    public Optional<Dossier> parNumero(String numero) {
        return jdbc.sql(COLONNES + "where numero = ?").param(numero).query(mapper).optional();
    }

    /** Drafts ({@code brouillons}) or deposited dossiers of a usager, newest change first (index-only walk of dossier_usager_liste_idx). */
    public List<ResumeDossier> resumesDeLUsager(long usagerId, boolean brouillons, int nombre, long decalage) {
        return jdbc.sql(RESUME + """
                        where usager_id = ? and (etat = 'BROUILLON') = ?
                        order by modifie_le desc, id desc limit ? offset ?""")
                .params(usagerId, brouillons, nombre, decalage)
                .query(this::resume).list();
    }

    private ResumeDossier resume(java.sql.ResultSet rs, int ligne) throws java.sql.SQLException {
        return new ResumeDossier(rs.getLong("id"), rs.getString("numero"), rs.getString("code_departement"),
                rs.getString("demarche"), procedures.etat(rs.getString("demarche"), rs.getString("etat")), rs.getTimestamp("modifie_le").toInstant(),
                rs.getString("nom_service"));
    }

    /**
     * At most {@code nombre} of a usager's dossiers: those in these states first, then drafts, each newest change
     * first, in one statement (two index-only walks of dossier_usager_liste_idx).
     */
    public List<ResumeDossier> aReprendre(long usagerId, List<String> etats, int nombre) {
        return jdbc.sql(A_REPRENDRE)
                .params(usagerId, etats.toArray(String[]::new), nombre, usagerId, nombre, nombre)
                .query(this::resume).list();
    }

    public long compterDeLUsager(long usagerId, boolean brouillons) {
        return jdbc.sql("select count(*) from dossier where usager_id = ? and (etat = 'BROUILLON') = ?")
                .params(usagerId, brouillons).query(Long.class).single();
    }

    /** Saves a draft's answers if nobody saved it since {@code version}; returns the number of rows changed. */
    public int enregistrer(long id, long usagerId, int version, Map<String, Object> reponses, Instant maintenant) {
        return jdbc.sql("""
                        update dossier set reponses = cast(? as jsonb), modifie_le = ?, version = version + 1
                        where id = ? and usager_id = ? and etat = 'BROUILLON' and version = ?""")
                .params(json.writeValueAsString(reponses), Timestamp.from(maintenant), id, usagerId, version).update();
    }

    public int supprimerBrouillon(long id, long usagerId) {
        return jdbc.sql("delete from dossier where id = ? and usager_id = ? and etat = 'BROUILLON'").params(id, usagerId).update();
    }

    /** Deletes the usager's drafts; returns each deleted draft's id and procedure (what it held is released after). */
    public List<Evenements.BrouillonSupprime> supprimerBrouillonsDe(long usagerId) {
        return jdbc.sql("delete from dossier where usager_id = ? and etat = 'BROUILLON' returning id, demarche").param(usagerId)
                .query((rs, i) -> new Evenements.BrouillonSupprime(rs.getLong(1), rs.getString(2))).list();
    }

    /**
     * Moves a dossier from the state it was read in to the next, atomically; 0 when it was no longer in it. The
     * trigger {@code dossier_onglet} sets its queue tab from its lifecycle's declaration (table {@code cycle_etat}).
     */
    public int changerEtat(long id, String depuis, String vers, Instant maintenant) {
        return jdbc.sql("""
                        update dossier set etat = ?, modifie_le = ?, version = version + 1
                        where id = ? and etat = ?""")
                .params(vers, Timestamp.from(maintenant), id, depuis)
                .update();
    }

    public int deposer(long id, long usagerId, int versionLue, String numero, UUID cle, Instant maintenant, String service) {
        return jdbc.sql("""
                        update dossier set etat = 'DEPOSE', numero = ?, cle_validation = ?, depose_le = ?, complet_le = depose_le, modifie_le = ?,
                               version = version + 1, service = ?
                        where id = ? and usager_id = ? and etat = 'BROUILLON' and version = ?""")
                .params(numero, cle, Timestamp.from(maintenant), Timestamp.from(maintenant), service, id, usagerId, versionLue).update();
    }

    /** The service instructeur of a deposited dossier (fixed at deposit). */
    public Optional<String> service(long id) {
        return jdbc.sql("select service from dossier where id = ? and service is not null").param(id).query(String.class).optional();
    }

    /** Records a transition; returns its row's id (each firing is one row, even between the same two states). */
    public long enregistrerTransition(long dossierId, @Nullable String de, String vers, String acteurType,
                               @Nullable Long acteurId, @Nullable String motif, Instant maintenant) {
        return jdbc.sql("""
                        insert into dossier_transition (dossier_id, de, vers, acteur_type, acteur_id, motif, moment)
                        values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(dossierId, de, vers, acteurType, acteurId, motif, Timestamp.from(maintenant))
                .query(Long.class).single();
    }

    public int prochainNumero(String prefixe, String codeDepartement, int annee) {
        return jdbc.sql("""
                        insert into numero_sequence (prefixe, code_departement, annee, dernier) values (?, ?, ?, 1)
                        on conflict (prefixe, code_departement, annee)
                        do update set dernier = numero_sequence.dernier + 1 returning dernier""")
                .params(prefixe, codeDepartement, annee).query(Integer.class).single();
    }

    /** Records an official document and its public verification code (once per dossier and type). */
    public void emettreDocument(String code, String type, long dossierId, String numero, String codeDepartement, Instant moment) {
        jdbc.sql("""
                        insert into document_emis (code, type, dossier_id, numero, code_departement, emis_le) values (?, ?, ?, ?, ?, ?)
                        on conflict (dossier_id, type) do nothing""")
                .params(code, type, dossierId, numero, codeDepartement, Timestamp.from(moment)).update();
    }

    public Optional<String> codeDocument(long dossierId, String type) {
        return jdbc.sql("select code from document_emis where dossier_id = ? and type = ?").params(dossierId, type)
                .query(String.class).optional();
    }

    /** Storage key of the rendered PDF of an issued document, once it has been rendered and stored. */
    public Optional<String> fichierDocument(long dossierId, String type) {
        return jdbc.sql("select cle_fichier from document_emis where dossier_id = ? and type = ? and cle_fichier is not null")
                .params(dossierId, type).query(String.class).optional();
    }

    /** Records the stored PDF of an issued document; false if another render was recorded first (that one stays). */
    public boolean enregistrerFichierDocument(long dossierId, String type, String cle) {
        return jdbc.sql("update document_emis set cle_fichier = ? where dossier_id = ? and type = ? and cle_fichier is null")
                .params(cle, dossierId, type).update() == 1;
    }

    /** Marks a side effect as done; false if it already was (listeners use it to act once). */
    public boolean marquerEffet(String cle) {
        return jdbc.sql("insert into effet_realise (cle) values (?) on conflict do nothing").param(cle).update() == 1;
    }

    public boolean effetRealise(String cle) {
        return jdbc.sql("select count(*) from effet_realise where cle = ?").param(cle).query(Integer.class).single() > 0;
    }

    /** The usager sent something (message, document, documents announced): flagged until an agent opens the dossier. */
    public void marquerNouveauxElements(long id, Instant moment) {
        jdbc.sql("update dossier set nouveaux_elements_le = coalesce(nouveaux_elements_le, ?) where id = ?")
                .params(Timestamp.from(moment), id).update();
    }

    /**
     * {@link #marquerNouveauxElements} if the dossier is still the usager's at {@code version} (nothing changed its
     * state since it was read); 0 otherwise. The row stays locked until the transaction ends.
     */
    public int marquerNouveauxElementsSiInchange(long id, long usagerId, int version, Instant moment) {
        return jdbc.sql("""
                        update dossier set nouveaux_elements_le = coalesce(nouveaux_elements_le, ?)
                        where id = ? and usager_id = ? and version = ?""")
                .params(Timestamp.from(moment), id, usagerId, version).update();
    }

    /**
     * Clears the flag when an agent opens the dossier, writing the row only if it was set. The condition is written so
     * that only the primary key can serve it: {@code nouveaux_elements_le is not null} matched the predicate of the
     * partial index {@code dossier_nouveaux_elements_idx}, and the planner, finding both indexes one row deep, walked
     * that one and filtered every flagged dossier of the country (10 to 70 ms at 1 M dossiers, at each dossier page).
     * {@code PlansRequetesChaudesIntegrationTest} explains this statement.
     */
    public void marquerVuParAgent(long id) {
        jdbc.sql(VU_PAR_AGENT).param(id).update();
    }

    static final String VU_PAR_AGENT = "update dossier set nouveaux_elements_le = null where id = ?"
            + " and coalesce(nouveaux_elements_le, '-infinity') > '-infinity'";

    public void definirPriorite(long id, boolean prioritaire) {
        jdbc.sql("update dossier set prioritaire = ?, version = version + 1 where id = ?").params(prioritaire, id).update();
    }

    public void ouvrirDemandePieces(long dossierId, Instant demandeeLe, java.time.LocalDate echeance, String pieces, long agentId) {
        jdbc.sql("insert into demande_pieces (dossier_id, demandee_le, echeance, pieces, demandee_par) values (?, ?, ?, ?, ?)")
                .params(dossierId, Timestamp.from(demandeeLe), echeance, pieces, agentId).update();
    }

    /** The dossier's latest request for documents (open or answered). */
    public Optional<fr.gouv.guichet.demarche.DemandePieces> derniereDemandePieces(long dossierId) {
        return jdbc.sql("select id, dossier_id, demandee_le, echeance, pieces, recues_le from demande_pieces where dossier_id = ? "
                        + "order by id desc limit 1")
                .param(dossierId)
                .query((rs, n) -> new fr.gouv.guichet.demarche.DemandePieces(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant(),
                        rs.getObject(4, java.time.LocalDate.class), rs.getString(5),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()))
                .optional();
    }

    /** Closes the open request and adds the days it suspended the clock to the dossier's total. */
    public void cloreDemandePieces(long demandeId, long dossierId, Instant recuesLe, int joursSuspension) {
        jdbc.sql("update demande_pieces set recues_le = ?, jours_suspension = ? where id = ? and recues_le is null")
                .params(Timestamp.from(recuesLe), joursSuspension, demandeId).update();
        jdbc.sql("update dossier set jours_suspension = jours_suspension + ? where id = ?")
                .params(joursSuspension, dossierId).update();
    }
}
