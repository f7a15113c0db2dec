package fr.gouv.guichet.immatriculation.internal;

import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.immatriculation.BaremeTaxes;
import fr.gouv.guichet.immatriculation.ErreursSaisie;
import fr.gouv.guichet.immatriculation.Operation;
import fr.gouv.guichet.immatriculation.VehiculeIntrouvable;
import fr.gouv.guichet.immatriculation.externe.PrestatairePaiement;
import fr.gouv.guichet.immatriculation.externe.PrestatairePaiement.Statut;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Online payment of a registration dossier. A payment is opened with the provider under a unique reference; its
 * outcome arrives by the signed notification or, when the browser comes back first, by asking the provider. Either
 * way {@link #enregistrer} records it under a row lock and a lock on the dossier's payments, once: a second, late or
 * early notification changes nothing, and the dossier is deposited in the same transaction as the payment is recorded
 * (paid ⇔ deposited). A refused or abandoned payment leaves the draft as it was: the usager pays again with a new
 * payment. A payment received for a dossier already paid by another one (two tabs, two real transactions) is
 * recorded {@code A_REMBOURSER} and refunded in full by the provider ({@link Remboursements}).
 */
@Service
public class Paiements {

    private static final Logger log = LoggerFactory.getLogger(Paiements.class);
    private static final SecureRandom ALEA = new SecureRandom();

    /** A payment as Guichet recorded it. */
    public enum EtatPaiement {
        EN_ATTENTE("En attente de confirmation"), PAYE("Payé"), REFUSE("Refusé"), ABANDONNE("Abandonné"),
        /** Received while the dossier was already paid by another payment: its refund is asked of the provider. */
        A_REMBOURSER("Payé en double : remboursement en cours"),
        REMBOURSE("Payé en double : remboursé");

        private final String libelle;

        EtatPaiement(String libelle) {
            this.libelle = libelle;
        }

        public String libelle() {
            return libelle;
        }

        public boolean enDouble() {
            return this == A_REMBOURSER || this == REMBOURSE;
        }
    }

    public record Paiement(long id, String reference, long dossierId, int montantCentimes, EtatPaiement statut,
                           @Nullable String identifiantPrestataire, @Nullable String urlPaiement, Instant creeLe, @Nullable Instant termineLe,
                           @Nullable String identifiantRemboursement, @Nullable Instant rembourseLe) {
        public String montant() {
            return BaremeTaxes.Taxes.euros(montantCentimes);
        }

        /** The refund's date, e.g. "3 décembre 2026" (empty if not refunded). */
        public String rembourseLeTexte() {
            return rembourseLe == null ? "" : DocumentsImmatriculation.DATE.format(rembourseLe.atZone(Cessions.PARIS));
        }
    }

    private final JdbcClient jdbc;
    private final PrestatairePaiement prestataire;
    private final Demandes demandes;
    private final Dossiers dossiers;
    private final Clock horloge;
    private final org.springframework.core.env.Environment env;
    private final PiecesDemande pieces;
    private final Remboursements remboursements;
    private final TransactionTemplate transaction;

    Paiements(JdbcClient jdbc, PrestatairePaiement prestataire, Demandes demandes, Dossiers dossiers, Clock horloge,
              org.springframework.core.env.Environment env, PiecesDemande pieces, Remboursements remboursements,
              PlatformTransactionManager transactions) {
        this.pieces = pieces;
        this.remboursements = remboursements;
        this.transaction = new TransactionTemplate(transactions);
        this.jdbc = jdbc;
        this.prestataire = prestataire;
        this.demandes = demandes;
        this.dossiers = dossiers;
        this.horloge = horloge;
        this.env = env;
    }

    /**
     * Opens a payment of the draft's amount and gives its reference (its page links to the provider's). A pending payment
     * of the same dossier is abandoned (the usager starts again). @throws ErreursSaisie if it is paid already or free
     */
    public String commencer(long dossierId, long usagerId) {
        return commencer(dossierId, usagerId, "/usager/vehicules/paiements/%s/retour");
    }

    /** The same, the provider sending the browser back to {@code cheminRetour} ({@code %s}: the reference). */
    String commencer(long dossierId, long usagerId, String cheminRetour) {
        var dossier = dossiers.deLUsager(dossierId, usagerId).orElseThrow(VehiculeIntrouvable::new);
        Demandes.Demande demande = demandes.parDossier(dossierId).orElseThrow(VehiculeIntrouvable::new);
        if (!dossier.estBrouillon() || dejaPaye(dossierId)) {
            throw ErreursSaisie.sur("paiement", "Cette demande est déjà payée et transmise.");
        }
        if (demande.montantCentimes() <= 0) {
            throw ErreursSaisie.sur("paiement", "Complétez d’abord le titulaire et l’adresse : le montant en dépend.");
        }
        pieces.exigerCompletes(dossierId, demande.operation(), dossier.reponses());
        String urlPublique = env.getProperty("guichet.url-publique", "http://localhost:8080").replaceAll("/+$", "");
        Instant maintenant = horloge.instant();
        String reference = "IM" + dossierId + "-" + HexFormat.of().formatHex(aleatoire());
        jdbc.sql("update paiement set statut = 'ABANDONNE', termine_le = ? where dossier_id = ? and statut = 'EN_ATTENTE'")
                .params(Timestamp.from(maintenant), dossierId).update();
        jdbc.sql("insert into paiement (reference, dossier_id, montant_centimes, statut, cree_le) values (?, ?, ?, 'EN_ATTENTE', ?)")
                .params(reference, dossierId, demande.montantCentimes(), Timestamp.from(maintenant)).update();
        PrestatairePaiement.Session session = prestataire.ouvrir(new PrestatairePaiement.Demande(reference, demande.montantCentimes(),
                demande.operation().libelle() + " — " + dossier.reponses().getOrDefault("immatriculation", ""),
                urlPublique + cheminRetour.formatted(reference), urlPublique + NotificationsPaiement.CHEMIN));
        jdbc.sql("update paiement set identifiant_prestataire = ?, url_paiement = ? where reference = ?")
                .params(session.identifiant(), session.urlPaiement(), reference).update();
        return reference;
    }

    private static byte[] aleatoire() {
        byte[] octets = new byte[6];
        ALEA.nextBytes(octets);
        return octets;
    }

    /**
     * Records the provider's outcome of a payment, once (row lock; a payment no longer pending is left as it is).
     * A payment is recorded only if its amount is the one opened. In its own transaction (also when called from this
     * class). @return the payment as recorded
     */
    public Optional<Paiement> enregistrer(PrestatairePaiement.Etat etat) {
        return transaction.execute(s -> enregistrerSousVerrou(etat));
    }

    private Optional<Paiement> enregistrerSousVerrou(PrestatairePaiement.Etat etat) {
        Optional<Paiement> lu = jdbc.sql(SELECT + " where reference = ? for update").param(etat.reference()).query(this::ligne).optional();
        if (lu.isEmpty() || lu.get().statut() != EtatPaiement.EN_ATTENTE && lu.get().statut() != EtatPaiement.ABANDONNE
                || etat.statut() != Statut.PAYE && etat.statut() != Statut.REFUSE && etat.statut() != Statut.ABANDONNE) {
            return lu;
        }
        Paiement p = lu.get();
        if (p.identifiantPrestataire() != null && !p.identifiantPrestataire().equals(etat.identifiant())
                || etat.statut() == Statut.PAYE && etat.montantCentimes() != p.montantCentimes()) {
            log.error("Paiement {} : identifiant ou montant du prestataire différent de celui ouvert ({} / {} centimes) : ignoré",
                    p.reference(), etat.identifiant(), etat.montantCentimes());
            return lu;
        }
        if (p.statut() == EtatPaiement.ABANDONNE && etat.statut() != Statut.PAYE) {
            return lu;
        }
        Instant maintenant = horloge.instant();
        if (etat.statut() == Statut.PAYE) {
            // Two payments of one dossier paid at once (two tabs): recorded one after the other, the second is refunded.
            verrouillerPaiementsDuDossier(p.dossierId());
            if (dejaPaye(p.dossierId())) {
                log.warn("Paiement {} : le dossier {} est déjà payé par un autre paiement ; ce paiement est remboursé", p.reference(), p.dossierId());
                jdbc.sql("""
                                update paiement set statut = 'A_REMBOURSER', termine_le = ?, identifiant_prestataire = coalesce(identifiant_prestataire, ?)
                                where id = ?""").params(Timestamp.from(maintenant), etat.identifiant(), p.id()).update();
                return jdbc.sql(SELECT + " where id = ?").param(p.id()).query(this::ligne).optional();
            }
        }
        jdbc.sql("update paiement set statut = ?, termine_le = ? where id = ?").params(etat.statut().name(), Timestamp.from(maintenant), p.id()).update();
        if (etat.statut() == Statut.PAYE) {
            long usager = jdbc.sql("select usager_id from dossier where id = ?").param(p.dossierId()).query(Long.class).single();
            dossiers.deposer(p.dossierId(), usager, UUID.nameUUIDFromBytes(p.reference().getBytes(StandardCharsets.UTF_8)),
                    Operation.PREFIXE_NUMERO);
            pieces.transmettre(p.dossierId(), usager);
        }
        return jdbc.sql(SELECT + " where id = ?").param(p.id()).query(this::ligne).optional();
    }

    /**
     * Records the provider's outcome ({@link #enregistrer}), then, for a payment of a dossier already paid, asks the
     * provider for its refund at once (if it does not answer, the task {@code immatriculation-remboursements} asks
     * again). @return the payment as it now stands
     */
    public Optional<Paiement> recevoir(PrestatairePaiement.Etat etat) {
        Optional<Paiement> p = enregistrer(etat);
        if (p.isPresent() && p.get().statut() == EtatPaiement.A_REMBOURSER) {
            remboursements.rembourser(p.get().id());
            return jdbc.sql(SELECT + " where id = ?").param(p.get().id()).query(this::ligne).optional();
        }
        return p;
    }

    /** The browser is back: the usager's payment, recorded from the provider's answer if no notification came yet. */
    public Paiement retour(String reference, long usagerId) {
        Paiement p = deLUsager(reference, usagerId);
        if ((p.statut() == EtatPaiement.EN_ATTENTE || p.statut() == EtatPaiement.ABANDONNE) && p.identifiantPrestataire() != null) {
            return recevoir(prestataire.etat(p.identifiantPrestataire())).orElse(p);
        }
        return p;
    }

    public Paiement deLUsager(String reference, long usagerId) {
        Paiement p = jdbc.sql(SELECT + " where reference = ?").param(reference).query(this::ligne).optional().orElseThrow(VehiculeIntrouvable::new);
        dossiers.deLUsager(p.dossierId(), usagerId).orElseThrow(VehiculeIntrouvable::new);
        return p;
    }

    public List<Paiement> duDossier(long dossierId) {
        return jdbc.sql(SELECT + " where dossier_id = ? order by id").param(dossierId).query(this::ligne).list();
    }

    /** Free operations are deposited at once, with no payment. */
    @Transactional
    public void deposerSansPaiement(long dossierId, long usagerId) {
        Demandes.Demande demande = demandes.parDossier(dossierId).orElseThrow(VehiculeIntrouvable::new);
        if (demande.montantCentimes() != 0) {
            throw ErreursSaisie.sur("paiement", "Cette demande est payante : payez-la pour la transmettre.");
        }
        pieces.exigerCompletes(dossierId, demande.operation(),
                dossiers.deLUsager(dossierId, usagerId).orElseThrow(VehiculeIntrouvable::new).reponses());
        dossiers.deposer(dossierId, usagerId, UUID.nameUUIDFromBytes(("gratuit-" + dossierId).getBytes(StandardCharsets.UTF_8)),
                Operation.PREFIXE_NUMERO);
        pieces.transmettre(dossierId, usagerId);
    }

    /** Serialises the recording of the payments of one dossier until the end of the current transaction. */
    private void verrouillerPaiementsDuDossier(long dossierId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('immatriculation-paiement'), hashtext(?::text))").param(dossierId)
                .query(rs -> {
                });
    }

    private boolean dejaPaye(long dossierId) {
        return jdbc.sql("select count(*) from paiement where dossier_id = ? and statut = 'PAYE'").param(dossierId).query(Integer.class).single() > 0;
    }

    private static final String SELECT = "select id, reference, dossier_id, montant_centimes, statut, identifiant_prestataire, url_paiement, "
            + "cree_le, termine_le, identifiant_remboursement, rembourse_le from paiement";

    private Paiement ligne(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Paiement(rs.getLong("id"), rs.getString("reference"), rs.getLong("dossier_id"), rs.getInt("montant_centimes"),
                EtatPaiement.valueOf(rs.getString("statut")), rs.getString("identifiant_prestataire"), rs.getString("url_paiement"),
                rs.getTimestamp("cree_le").toInstant(), Cessions.instant(rs.getTimestamp("termine_le")),
                rs.getString("identifiant_remboursement"), Cessions.instant(rs.getTimestamp("rembourse_le")));
    }
}
