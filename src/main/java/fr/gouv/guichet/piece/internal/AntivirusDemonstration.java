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

    @Override
    public Verdict analyser(InputStream contenu) throws IOException {
        byte[] fenetre = new byte[EICAR.length];
        long lus = 0;
        int octet;
        while ((octet = contenu.read()) != -1) {
            fenetre[(int) (lus++ % fenetre.length)] = (byte) octet;
            if (octet == (EICAR[EICAR.length - 1] & 0xff) && lus >= fenetre.length && finitPar(fenetre, lus)) {
                return new Verdict(SIGNATURE);
            }
        }
        return new Verdict(null);
    }

    /** Whether the last {@code EICAR.length} bytes read (ring buffer ending at {@code lus}) are the test string. */
    private static boolean finitPar(byte[] fenetre, long lus) {
        for (int i = 0; i < EICAR.length; i++) {
            if (fenetre[(int) ((lus + i) % fenetre.length)] != EICAR[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean repond() {
        return true;
    }
}
