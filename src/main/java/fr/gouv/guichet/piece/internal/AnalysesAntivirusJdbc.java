package fr.gouv.guichet.piece.internal;

import fr.gouv.guichet.piece.AnalysesAntivirus;
import fr.gouv.guichet.piece.EtatAnalyse;
import fr.gouv.guichet.piece.FichierNonDisponible;
import fr.gouv.guichet.piece.StockageFichiers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link AnalysesAntivirus} with its states in table {@code piece_analyse}. A scan claims its row with
 * {@code FOR UPDATE SKIP LOCKED}, so that with several instances each file is scanned by one of them at a time;
 * a failed attempt (scanner unreachable, no verdict, file unreadable) leaves the file {@code EN_COURS} and sets its
 * next attempt after a growing delay (5 s, 10 s, 20 s… up to 5 minutes).
 */
final class AnalysesAntivirusJdbc implements AnalysesAntivirus {

    private static final Logger LOG = LoggerFactory.getLogger(AnalysesAntivirusJdbc.class);
    private static final long DELAI_MAX_S = Duration.ofMinutes(5).toSeconds();

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final StockageFichiers stockage;
    private final Antivirus antivirus;

    AnalysesAntivirusJdbc(JdbcClient jdbc, TransactionTemplate transactions, StockageFichiers stockage, Antivirus antivirus) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.stockage = stockage;
        this.antivirus = antivirus;
    }

    @Override
    public EtatAnalyse analyser(String cle) {
        StockageFichiers.sha256(cle);
        jdbc.sql("insert into piece_analyse (cle_stockage, etat) values (?, 'EN_COURS') on conflict do nothing")
                .param(cle).update();
        // The verdict just recorded is the state: read only when another instance holds the file or already scanned it.
        return tenter(Optional.of(cle)).orElseGet(() -> etat(cle));
    }

    @Override
    public void marquerProduitParGuichet(String cle) {
        StockageFichiers.sha256(cle);
        jdbc.sql("""
                        insert into piece_analyse (cle_stockage, etat, analyseur, analysee_le)
                        values (?, 'SAIN', 'produit par Guichet', now()) on conflict do nothing""")
                .param(cle).update();
    }

    @Override
    public EtatAnalyse etat(String cle) {
        return jdbc.sql("select etat from piece_analyse where cle_stockage = ?").param(cle)
                .query(String.class).optional().map(EtatAnalyse::valueOf).orElse(EtatAnalyse.EN_COURS);
    }

    @Override
    public Map<String, EtatAnalyse> etats(Collection<String> cles) {
        Map<String, EtatAnalyse> etats = new HashMap<>();
        cles.forEach(c -> etats.put(c, EtatAnalyse.EN_COURS));
        if (!cles.isEmpty()) {
            jdbc.sql("select cle_stockage, etat from piece_analyse where cle_stockage = any (?)")
                    .param(cles.toArray(String[]::new))
                    .query((rs, i) -> Map.entry(rs.getString(1), EtatAnalyse.valueOf(rs.getString(2))))
                    .list().forEach(e -> etats.put(e.getKey(), e.getValue()));
        }
        return etats;
    }

    @Override
    public InputStream ouvrirSiSain(String cle) {
        EtatAnalyse etat = etat(cle);
        if (etat != EtatAnalyse.SAIN) {
            throw new FichierNonDisponible(etat);
        }
        return stockage.ouvrir(cle);
    }

    @Override
    public int analyserEnAttente(int max) {
        int verdicts = 0;
        for (int i = 0; i < max; i++) {
            Optional<EtatAnalyse> tentative = tenter(Optional.empty());
            if (tentative.isEmpty()) {
                break;
            }
            if (tentative.get() == EtatAnalyse.EN_COURS) {
                break; // scanner unavailable: the others wait for the next round
            }
            verdicts++;
        }
        return verdicts;
    }

    @Override
    public long enAttente() {
        return jdbc.sql("select count(*) from piece_analyse where etat = 'EN_COURS'").query(Long.class).single();
    }

    /**
     * Claims one waiting file (the given one, or the next due) and scans it.
     *
     * @return empty when nothing was claimed, else the file's state after the attempt: the verdict recorded, or
     * {@link EtatAnalyse#EN_COURS} when none could be
     */
    private Optional<EtatAnalyse> tenter(Optional<String> cleDemandee) {
        return Optional.ofNullable(transactions.execute(statut -> {
            Optional<Map.Entry<String, Integer>> reclame = reclamer(cleDemandee);
            if (reclame.isEmpty()) {
                return null;
            }
            String cle = reclame.get().getKey();
            try (InputStream in = new BufferedInputStream(stockage.ouvrir(cle))) {
                Antivirus.Verdict verdict = antivirus.analyser(in);
                jdbc.sql("""
                                update piece_analyse set etat = ?, signature = ?, analyseur = ?, analysee_le = now(),
                                       tentatives = tentatives + 1
                                where cle_stockage = ?""")
                        .params(verdict.infecte() ? "INFECTE" : "SAIN", verdict.signature(), antivirus.nom(), cle).update();
                if (verdict.infecte()) {
                    LOG.warn("Fichier {} infecté ({}) : mis en quarantaine, jamais servi", cle, verdict.signature());
                }
                return verdict.infecte() ? EtatAnalyse.INFECTE : EtatAnalyse.SAIN;
            } catch (IOException | UncheckedIOException e) {
                long delai = Math.min(DELAI_MAX_S, 5L << Math.min(reclame.get().getValue(), 10));
                jdbc.sql("""
                                update piece_analyse set tentatives = tentatives + 1,
                                       prochain_essai = now() + make_interval(secs => ?)
                                where cle_stockage = ?""")
                        .params(delai, cle).update();
                LOG.warn("Analyse antivirus impossible de {} ({}) : {} ; le fichier attend, nouvel essai dans {} s",
                        cle, antivirus.nom(), e.getMessage(), delai);
                return EtatAnalyse.EN_COURS;
            }
        }));
    }

    private Optional<Map.Entry<String, Integer>> reclamer(Optional<String> cleDemandee) {
        List<Map.Entry<String, Integer>> lignes = cleDemandee
                .map(cle -> jdbc.sql("""
                                select cle_stockage, tentatives from piece_analyse
                                where cle_stockage = ? and etat = 'EN_COURS' for update skip locked""").param(cle))
                .orElseGet(() -> jdbc.sql("""
                        select cle_stockage, tentatives from piece_analyse
                        where etat = 'EN_COURS' and prochain_essai <= now()
                        order by prochain_essai limit 1 for update skip locked"""))
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getInt(2))).list();
        return lignes.stream().findFirst();
    }
}
