package fr.gouv.guichet.identite.internal;

import fr.gouv.guichet.demarche.Dossier;
import fr.gouv.guichet.demarche.InstructionDossiers;
import fr.gouv.guichet.demarche.Evenements.DossierDepose;
import fr.gouv.guichet.identite.NumeroPreDemande;
import fr.gouv.guichet.identite.PreDemande;
import fr.gouv.guichet.identite.TitresDemandes;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The validated pré-demandes. One is made in the very transaction that deposits its dossier (a synchronous listener of
 * {@link DossierDepose}): its number is durable before the usager sees it, and a failure undoes the deposit.
 */
@Service
public class PreDemandes {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static final String COLONNES = """
            select numero, dossier_id, usager_id, titres, motif, nom, prenoms, date_naissance, email, valide_jusquau, cree_le,
                   consommee_le, mairie_recueil, titre_disponible_le, remis_le from identite_pre_demande\s""";

    static final RowMapper<PreDemande> LIGNE = (rs, i) -> new PreDemande(new NumeroPreDemande(rs.getString(1)), rs.getLong(2),
            rs.getObject(3, Long.class), TitresDemandes.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7),
            rs.getObject(8, LocalDate.class), rs.getString(9), rs.getObject(10, LocalDate.class), instant(rs.getTimestamp(11)),
            instant(rs.getTimestamp(12)), rs.getString(13), instant(rs.getTimestamp(14)), instant(rs.getTimestamp(15)));

    private final JdbcClient jdbc;
    private final InstructionDossiers dossiers;
    private final Clock horloge;
    private final SecureRandom hasard = new SecureRandom();

    PreDemandes(JdbcClient jdbc, InstructionDossiers dossiers, Clock horloge) {
        this.jdbc = jdbc;
        this.dossiers = dossiers;
        this.horloge = horloge;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void surDepot(DossierDepose depot) {
        if (!ProceduresIdentite.CODE.equals(depot.demarche())) {
            return;
        }
        Dossier dossier = dossiers.pourInstruction(depot.dossierId()).orElseThrow();
        creer(dossier);
    }

    NumeroPreDemande creer(Dossier dossier) {
        Map<String, Object> r = dossier.reponses();
        Instant maintenant = horloge.instant();
        LocalDate jour = maintenant.atZone(PARIS).toLocalDate();
        for (int essai = 0; essai < 5; essai++) {
            NumeroPreDemande numero = NumeroPreDemande.tirer(hasard);
            int cree = jdbc.sql("""
                            insert into identite_pre_demande (numero, dossier_id, usager_id, titres, motif, nom, prenoms, date_naissance,
                              email, valide_jusquau, cree_le)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (numero) do nothing""")
                    .params(numero.valeur(), dossier.id(), dossier.usagerId(), TitresDemandes.depuisReponse(texte(r, "titres")).name(),
                            texte(r, "motif"), texte(r, "nom"), texte(r, "prenoms"), LocalDate.parse(texte(r, "date_naissance")),
                            texte(r, "email"), jour.plus(PreDemande.VALIDITE), Timestamp.from(maintenant))
                    .update();
            if (cree == 1) {
                return numero;
            }
        }
        throw new IllegalStateException("Aucun numéro de pré-demande libre après 5 tirages");
    }

    public Optional<PreDemande> parNumero(NumeroPreDemande numero) {
        return jdbc.sql(COLONNES + "where numero = ?").param(numero.valeur()).query(LIGNE).optional();
    }

    public Optional<PreDemande> parDossier(long dossierId) {
        return jdbc.sql(COLONNES + "where dossier_id = ?").param(dossierId).query(LIGNE).optional();
    }

    /** The usager's own pré-demande with this number; another usager's is simply not found. */
    public Optional<PreDemande> deLUsager(NumeroPreDemande numero, long usagerId) {
        return jdbc.sql(COLONNES + "where numero = ? and usager_id = ?").params(numero.valeur(), usagerId).query(LIGNE).optional();
    }

    public List<PreDemande> toutesDeLUsager(long usagerId) {
        return jdbc.sql(COLONNES + "where usager_id = ? order by cree_le desc limit 50").param(usagerId).query(LIGNE).list();
    }

    /** Locks the pré-demande's row for the caller's transaction (bookings of one pré-demande then run one at a time). */
    Optional<PreDemande> verrouiller(NumeroPreDemande numero) {
        return jdbc.sql(COLONNES + "where numero = ? for update").param(numero.valeur()).query(LIGNE).optional();
    }

    LocalDate aujourdhui() {
        return LocalDate.now(horloge.withZone(PARIS));
    }

    private static String texte(Map<String, Object> r, String id) {
        return r.get(id) instanceof String s ? s.strip() : "";
    }

    static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
