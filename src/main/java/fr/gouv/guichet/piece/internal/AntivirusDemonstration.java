package fr.gouv.guichet.piece.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * <strong>Demonstration scanner, not an antivirus.</strong> Active only in the embedded default (no
 * {@code guichet.antivirus.clamd.hote}) and refused at start-up when {@code guichet.antivirus.exiger-clamd=true}
 * (set by the Kubernetes manifests): see docs/adr/0005. It finds only the standard EICAR test string anywhere in the
 * content, so that the whole chain (quarantine, messages, states) can be tried on a machine without ClamAV.
 */
final class AntivirusDemonstration implements Antivirus {

    static final String SIGNATURE = "Demonstration.EICAR-Test-File";

    private static final byte[] EICAR =
            "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*".getBytes(StandardCharsets.US_ASCII);

    @Override
    public String nom() {
        return "démonstration (EICAR seulement, pas un antivirus)";
    }

    /** Bytes read at a time: the content is read by blocks, never byte by byte (issue 18: 16 % of the CPU at the peak). */
    static final int BLOC = 64 * 1024;

    @Override
    public Verdict analyser(InputStream contenu) throws IOException {
        // The last EICAR.length - 1 bytes of a block are kept at the start of the next one: a string cut between two
        // blocks is still found.
        byte[] tampon = new byte[BLOC + EICAR.length - 1];
        int gardes = 0;
        int lus;
        while ((lus = contenu.read(tampon, gardes, tampon.length - gardes)) != -1) {
            int fin = gardes + lus;
            if (contient(tampon, fin)) {
                return new Verdict(SIGNATURE);
            }
            gardes = Math.min(fin, EICAR.length - 1);
            System.arraycopy(tampon, fin - gardes, tampon, 0, gardes);
        }
        return new Verdict(null);
    }

    /** Whether the test string is in the first {@code fin} bytes of {@code tampon}. */
    private static boolean contient(byte[] tampon, int fin) {
        byte premier = EICAR[0];
        for (int debut = 0; debut <= fin - EICAR.length; debut++) {
            if (tampon[debut] == premier && java.util.Arrays.equals(tampon, debut, debut + EICAR.length, EICAR, 0, EICAR.length)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean repond() {
        return true;
    }
}
