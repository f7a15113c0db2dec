package fr.gouv.guichet.demarche;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Per-account and per-dossier quotas (issue 10, point 9), each with a French message: open drafts per account,
 * documents and their total volume per dossier, documents and volume uploaded per account within an hour. Counted
 * from what is recorded (drafts, documents joined), so that every instance applies them; settings
 * {@code guichet.quotas.*} (README).
 */
@Component
public class QuotasDossiers {

    /** First key of the advisory locks taken per account ({@link #verrouillerLeCompte}). */
    private static final int VERROU_QUOTAS = 0x51554f54;

    private final JdbcClient jdbc;
    private final Clock horloge;
    private final int brouillonsMax;
    private final int piecesParDossier;
    private final DataSize volumeParDossier;
    private final int televersementsParHeure;
    private final DataSize volumeParHeure;

    QuotasDossiers(JdbcClient jdbc, Clock horloge,
                   @Value("${guichet.quotas.brouillons-par-compte:20}") int brouillonsMax,
                   @Value("${guichet.quotas.pieces-par-dossier:50}") int piecesParDossier,
                   @Value("${guichet.quotas.volume-par-dossier:200MB}") DataSize volumeParDossier,
                   @Value("${guichet.quotas.televersements-par-heure:30}") int televersementsParHeure,
                   @Value("${guichet.quotas.volume-televerse-par-heure:100MB}") DataSize volumeParHeure) {
        this.jdbc = jdbc;
        this.horloge = horloge;
        this.brouillonsMax = brouillonsMax;
        this.piecesParDossier = piecesParDossier;
        this.volumeParDossier = volumeParDossier;
        this.televersementsParHeure = televersementsParHeure;
        this.volumeParHeure = volumeParHeure;
    }

    /**
     * Serializes, until the end of the caller's transaction, what this account records under a quota: two concurrent
     * requests of the same account (two tabs, a replayed form) count one after the other, so that neither can pass the
     * limit that the other has just reached. Other accounts are not held.
     */
    void verrouillerLeCompte(long usagerId) {
        jdbc.sql("select pg_advisory_xact_lock(?, hashtext(?::text))").params(VERROU_QUOTAS, usagerId).query(rs -> {
        });
    }

    /** Why this account may not start one more draft, or empty. */
    public Optional<String> refusBrouillon(long usagerId) {
        int ouverts = jdbc.sql("select count(*) from dossier where usager_id = ? and etat = 'BROUILLON'")
                .param(usagerId).query(Integer.class).single();
        if (ouverts >= brouillonsMax) {
            return Optional.of("Vous avez déjà " + ouverts + " dossiers en brouillon, le maximum : terminez ou supprimez un "
                    + "brouillon depuis « Mes dossiers » avant d’en commencer un autre.");
        }
        return Optional.empty();
    }

    /**
     * The dossier's documents (count, bytes), then the account's documents of the last hour. The account's are read
     * dossier by dossier through {@code piece_jointe_dossier_idx} (a few dozen probes, bounded by the drafts' quota):
     * {@code offset 0} keeps the lateral subquery from being flattened into a join, which the planner turned into a
     * merge join walking the whole index whenever the account had a recent dossier (highest ids) — 12 ms instead of
     * 0.3 ms per upload at the bench, growing with the table (ADR 0031). Checked by {@code PlansRequetesChaudesIntegrationTest}.
     */
    public static final String TOTAUX_PIECES = """
            select d.nombre, d.volume, h.nombre, h.volume
            from (select count(*) as nombre, coalesce(sum(taille), 0) as volume from piece_jointe
                  where dossier_id = ?) d,
                 (select count(*) as nombre, coalesce(sum(p.taille), 0) as volume
                  from dossier u cross join lateral (select taille from piece_jointe p
                                                     where p.dossier_id = u.id and p.depose_le > ? offset 0) p
                  where u.usager_id = ?) h""";

    /**
     * Why this document of {@code taille} bytes may not be joined to this dossier by this account, or empty. The
     * dossier's documents and the account's last hour are counted in one statement (ADR 0031).
     */
    public Optional<String> refusPiece(long dossierId, long usagerId, long taille) {
        record Totaux(int nombre, long volume, int nombreHeure, long volumeHeure) {
        }
        Totaux t = jdbc.sql(TOTAUX_PIECES)
                .params(dossierId, Timestamp.from(horloge.instant().minus(Duration.ofHours(1))), usagerId)
                .query((rs, i) -> new Totaux(rs.getInt(1), rs.getLong(2), rs.getInt(3), rs.getLong(4))).single();
        if (t.nombre() >= piecesParDossier) {
            return Optional.of("Ce dossier a déjà " + t.nombre() + " documents joints, le maximum : si un document "
                    + "manque encore, regroupez plusieurs pages dans un seul fichier PDF ou écrivez au service qui instruit votre dossier.");
        }
        if (t.volume() + taille > volumeParDossier.toBytes()) {
            return Optional.of("Les documents de ce dossier ne peuvent pas dépasser " + mo(volumeParDossier.toBytes())
                    + " au total (" + mo(t.volume()) + " déjà joints) : réduisez la taille du fichier "
                    + "(par exemple en le numérisant en noir et blanc ou à 150 ppp).");
        }
        if (t.nombreHeure() >= televersementsParHeure || t.volumeHeure() + taille > volumeParHeure.toBytes()) {
            return Optional.of("Vous avez envoyé beaucoup de documents en peu de temps (au plus " + televersementsParHeure
                    + " documents et " + mo(volumeParHeure.toBytes()) + " par heure) : réessayez dans une heure.");
        }
        return Optional.empty();
    }

    private static String mo(long octets) {
        return (octets + 1024 * 1024 - 1) / (1024 * 1024) + " Mo";
    }
}
