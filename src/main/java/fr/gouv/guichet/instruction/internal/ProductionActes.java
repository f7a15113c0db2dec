package fr.gouv.guichet.instruction.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import fr.gouv.guichet.demarche.InstructionDossiers;
import fr.gouv.guichet.document.GenerateurPdf;
import fr.gouv.guichet.piece.AnalysesAntivirus;
import fr.gouv.guichet.piece.StockageFichiers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The préfet's acts are rendered outside the decision's transaction (issue 10, point 4): the decision records the
 * act (its number, its XHTML text, fixed then), commits, then the PDF is rendered with no transaction open, stored,
 * and attached to the dossier in a short transaction of its own. An act left unrendered (render refused for a while,
 * instance stopped after the commit) is taken up again every minute by the {@code actes-production} task, at most
 * {@value #TENTATIVES_MAX} times.
 */
@Component
public class ProductionActes {

    static final int TENTATIVES_MAX = 8;
    /** A render is bounded (20 s waiting, 20 s rendering): a claim older than this was abandoned by its instance. */
    private static final Duration RESERVATION = Duration.ofMinutes(2);
    private static final Logger log = LoggerFactory.getLogger(ProductionActes.class);

    private final JdbcClient jdbc;
    private final GenerateurPdf pdf;
    private final StockageFichiers stockage;
    private final AnalysesAntivirus analyses;
    private final InstructionDossiers dossiers;
    private final TransactionTemplate transaction;
    private final Clock horloge;

    ProductionActes(JdbcClient jdbc, GenerateurPdf pdf, StockageFichiers stockage, AnalysesAntivirus analyses,
                    InstructionDossiers dossiers,
                    TransactionTemplate transaction, Clock horloge) {
        this.jdbc = jdbc;
        this.pdf = pdf;
        this.stockage = stockage;
        this.analyses = analyses;
        this.dossiers = dossiers;
        this.transaction = transaction;
        this.horloge = horloge;
    }

    /** Records an act to render, in the caller's (the decision's) transaction; returns its id. */
    long enregistrer(long dossierId, String codePiece, String nomFichier, String gabarit, String xhtml) {
        return jdbc.sql("""
                        insert into acte_a_rendre (dossier_id, code_piece, nom_fichier, gabarit, xhtml, cree_le)
                        values (?, ?, ?, ?, ?, ?) returning id""")
                .params(dossierId, codePiece, nomFichier, gabarit, xhtml, Timestamp.from(horloge.instant()))
                .query(Long.class).single();
    }

    private record Acte(long id, long dossierId, String codePiece, String nomFichier, String gabarit, String xhtml) {
    }

    /**
     * Renders an act and attaches it to its dossier; true when it is attached (now or before). Never called with a
     * transaction open: a render may take seconds, no transaction waits on it.
     */
    public boolean produire(long acteId) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Un acte n’est jamais rendu dans une transaction");
        }
        Timestamp maintenant = Timestamp.from(horloge.instant());
        Optional<Acte> reserve = jdbc.sql("""
                        update acte_a_rendre set reserve_le = ?, tentatives = tentatives + 1
                        where id = ? and rendu_le is null and tentatives < ? and (reserve_le is null or reserve_le < ?)
                        returning id, dossier_id, code_piece, nom_fichier, gabarit, xhtml""")
                .params(maintenant, acteId, TENTATIVES_MAX, Timestamp.from(horloge.instant().minus(RESERVATION)))
                .query((rs, i) -> new Acte(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6))).optional();
        if (reserve.isEmpty()) {
            return rendu(acteId);
        }
        Acte acte = reserve.get();
        byte[] contenu;
        try {
            contenu = pdf.rendre(acte.gabarit(), acte.xhtml());
        } catch (RuntimeException e) {
            log.warn("Acte {} du dossier {} non rendu (tentative reprise par la tâche actes-production) : {}",
                    acte.id(), acte.dossierId(), e.getMessage());
            jdbc.sql("update acte_a_rendre set reserve_le = null, erreur = ? where id = ?")
                    .params(String.valueOf(e.getMessage()), acte.id()).update();
            return false;
        }
        String cle = stockage.enregistrer(new ByteArrayInputStream(contenu), contenu.length + 1L);
        analyses.marquerProduitParGuichet(cle);
        transaction.executeWithoutResult(statut -> {
            dossiers.joindreDocumentOfficiel(acte.dossierId(), acte.codePiece(), acte.nomFichier(), contenu.length,
                    sha256(contenu), cle);
            jdbc.sql("update acte_a_rendre set rendu_le = ?, erreur = null where id = ?")
                    .params(Timestamp.from(horloge.instant()), acte.id()).update();
        });
        return true;
    }

    private boolean rendu(long acteId) {
        return jdbc.sql("select rendu_le is not null from acte_a_rendre where id = ?").param(acteId)
                .query(Boolean.class).optional().orElse(false);
    }

    /** Renders the acts still waiting (oldest first); returns how many were attached. */
    public int produireEnAttente() {
        List<Long> ids = jdbc.sql("""
                        select id from acte_a_rendre where rendu_le is null and tentatives < ?
                        and (reserve_le is null or reserve_le < ?) order by id limit 50""")
                .params(TENTATIVES_MAX, Timestamp.from(horloge.instant().minus(RESERVATION))).query(Long.class).list();
        int produits = 0;
        for (long id : ids) {
            if (produire(id)) {
                produits++;
            }
        }
        return produits;
    }

    static String sha256(byte[] contenu) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(contenu));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Tache {

        @Bean
        RecurringTask<Void> tacheProductionActes(ProductionActes actes) {
            return Tasks.recurring("actes-production", FixedDelay.of(Duration.ofMinutes(1)))
                    .execute((instance, contexte) -> {
                        int n = actes.produireEnAttente();
                        if (n > 0) {
                            log.info("Actes en attente rendus et joints : {}", n);
                        }
                    });
        }
    }
}
