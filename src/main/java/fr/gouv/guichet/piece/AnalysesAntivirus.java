package fr.gouv.guichet.piece;

import java.io.InputStream;
import java.util.Collection;
import java.util.Map;

/**
 * Antivirus scanning of stored files (ClamAV's clamd in production). A file is served only once its scan found it
 * {@link EtatAnalyse#SAIN}: until then it waits (clamd unreachable: retried, never served), and an infected file is
 * kept in quarantine, never served.
 */
public interface AnalysesAntivirus {

    /**
     * Records that the uploaded file under {@code cle} must be scanned, then tries to scan it at once.
     *
     * @return the state after that attempt ({@link EtatAnalyse#EN_COURS} when the scanner could not be reached)
     */
    EtatAnalyse analyser(String cle);

    /** A file produced by Guichet itself (generated PDF), not an upload: served without a scan. */
    void marquerProduitParGuichet(String cle);

    /** The state of a file; {@link EtatAnalyse#EN_COURS} for a file never recorded (so never served unscanned). */
    EtatAnalyse etat(String cle);

    /** The states of several files, by key. */
    Map<String, EtatAnalyse> etats(Collection<String> cles);

    /**
     * Opens a file for serving; the caller closes the stream.
     *
     * @throws FichierNonDisponible when the file is not {@link EtatAnalyse#SAIN}
     */
    InputStream ouvrirSiSain(String cle);

    /** Scans files waiting for their (next) attempt, at most {@code max}; returns how many got a verdict. */
    int analyserEnAttente(int max);

    /** Files not yet scanned. */
    long enAttente();
}
