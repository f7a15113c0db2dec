package fr.gouv.guichet.immatriculation.internal;

import fr.gouv.guichet.immatriculation.BaremeTaxes;
import fr.gouv.guichet.immatriculation.Operation;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a registration dossier carries besides its answers ({@code demande_immatriculation}). */
@Repository
public class Demandes {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public record Demande(long dossierId, long vehiculeId, Operation operation, @Nullable Long cessionId, int montantCentimes,
                   List<BaremeTaxes.Ligne> taxes, @Nullable String numeroAttribue, @Nullable String numeroCommande,
                   @Nullable String numeroSuivi, @Nullable LocalDate expedieLe, @Nullable LocalDate livraisonPrevue,
                   @Nullable String motifsExamen, @Nullable Instant productionIndisponibleDepuis) {
        public String total() {
            return BaremeTaxes.Taxes.euros(montantCentimes);
        }
    }

    private final JdbcClient jdbc;

    Demandes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void creer(long dossierId, long vehiculeId, Operation operation, @Nullable Long cessionId) {
        jdbc.sql("insert into demande_immatriculation (dossier_id, vehicule_id, operation, cession_id, montant_centimes) values (?, ?, ?, ?, 0)")
                .params(dossierId, vehiculeId, operation.name(), cessionId).update();
    }

    Optional<Demande> parDossier(long dossierId) {
        return jdbc.sql("select * from demande_immatriculation where dossier_id = ?").param(dossierId).query((rs, i) -> new Demande(
                rs.getLong("dossier_id"), rs.getLong("vehicule_id"), Operation.valueOf(rs.getString("operation")),
                (Long) rs.getObject("cession_id"), rs.getInt("montant_centimes"), taxes(rs.getString("detail_taxes")),
                rs.getString("numero_attribue"), rs.getString("numero_commande"), rs.getString("numero_suivi"),
                rs.getObject("expedie_le", LocalDate.class), rs.getObject("livraison_prevue", LocalDate.class),
                rs.getString("motifs_examen"), Cessions.instant(rs.getTimestamp("production_indisponible_depuis")))).optional();
    }

    void fixerTaxes(long dossierId, BaremeTaxes.Taxes taxes) {
        jdbc.sql("update demande_immatriculation set montant_centimes = ?, detail_taxes = ?::jsonb where dossier_id = ?")
                .params(taxes.totalCentimes(), JSON.writeValueAsString(taxes.lignes()), dossierId).update();
    }

    void noterMotifs(long dossierId, String motifs) {
        jdbc.sql("update demande_immatriculation set motifs_examen = ? where dossier_id = ?").params(motifs, dossierId).update();
    }

    void noterNumero(long dossierId, String numero) {
        jdbc.sql("update demande_immatriculation set numero_attribue = ? where dossier_id = ?").params(numero, dossierId).update();
    }

    /**
     * The usager's draft of this operation on this vehicle ({@code motifDuplicata} empty but for a duplicate), if any;
     * under a lock on (usager, vehicle) until the end of the transaction, so that two clicks open one draft.
     */
    Optional<Long> brouillonEnCours(long usagerId, long vehiculeId, Operation operation, String motifDuplicata) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('immatriculation-brouillon'), hashtext(?::text || '-' || ?::text))")
                .params(usagerId, vehiculeId).query(rs -> {
                });
        return jdbc.sql("""
                        select d.id from dossier d join demande_immatriculation m on m.dossier_id = d.id
                        where d.usager_id = ? and m.vehicule_id = ? and m.operation = ? and d.etat = 'BROUILLON'
                          and coalesce(d.reponses ->> 'motif_duplicata', '') = ?
                        order by d.id desc limit 1""").params(usagerId, vehiculeId, operation.name(), motifDuplicata)
                .query(Long.class).optional();
    }

    /** Serialises the ordering of one dossier's card until the end of the current transaction. */
    void verrouillerCommande(long dossierId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('immatriculation-commande'), hashtext(?::text))").param(dossierId)
                .query(rs -> {
                });
    }

    void noterCommande(long dossierId, String numeroCommande) {
        jdbc.sql("update demande_immatriculation set numero_commande = ?, production_indisponible_depuis = null where dossier_id = ?")
                .params(numeroCommande, dossierId).update();
    }

    /** The card could not be ordered (production service down): since when, for the usager's page; cleared once ordered. */
    void noterProductionIndisponible(long dossierId, Instant moment) {
        jdbc.sql("""
                        update demande_immatriculation set production_indisponible_depuis = coalesce(production_indisponible_depuis, ?)
                        where dossier_id = ?""").params(java.sql.Timestamp.from(moment), dossierId).update();
    }

    void noterExpedition(long dossierId, String numeroSuivi, @Nullable LocalDate expedieLe, LocalDate livraison) {
        jdbc.sql("update demande_immatriculation set numero_suivi = ?, expedie_le = ?, livraison_prevue = ? where dossier_id = ?")
                .params(numeroSuivi, expedieLe, livraison, dossierId).update();
    }

    /** Dossiers of these operations in this state (for the production follow-up), oldest first. */
    List<Long> dansLEtat(String etat, int limite) {
        return jdbc.sql("""
                        select d.id from dossier d join demande_immatriculation m on m.dossier_id = d.id
                        where d.etat = ? order by d.id limit ?""").params(etat, limite).query(Long.class).list();
    }

    /** The usager's registration dossiers (drafts included), newest first. */
    List<Long> deLUsager(long usagerId) {
        return jdbc.sql("""
                        select d.id from dossier d join demande_immatriculation m on m.dossier_id = d.id
                        where d.usager_id = ? order by d.id desc limit 100""").param(usagerId).query(Long.class).list();
    }

    private static List<BaremeTaxes.Ligne> taxes(String json) {
        List<Map<String, Object>> lus = JSON.readValue(json, new TypeReference<>() {
        });
        return lus.stream().map(m -> new BaremeTaxes.Ligne((String) m.get("code"), (String) m.get("libelle"),
                ((Number) m.get("centimes")).intValue(), (String) m.get("source"))).toList();
    }
}
