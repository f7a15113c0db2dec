package fr.gouv.guichet.piece.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * ClamAV's daemon over TCP, {@code INSTREAM} command: the content is sent in chunks ({@code <4-byte length><bytes>},
 * then a zero length) and clamd answers {@code stream: OK}, {@code stream: <signature> FOUND} or an error (e.g.
 * {@code INSTREAM size limit exceeded}, to be matched by clamd's {@code StreamMaxLength} ≥ Guichet's maximum size).
 * Anything but OK or FOUND is an {@link IOException}: the file is not considered scanned.
 */
final class ClamdInstream implements Antivirus {

    private static final int BLOC = 64 * 1024;

    private final String hote;
    private final int port;
    private final Duration delai;

    ClamdInstream(String hote, int port, Duration delai) {
        this.hote = hote;
        this.port = port;
        this.delai = delai;
    }

    @Override
    public String nom() {
        return "clamd " + hote + ":" + port;
    }

    @Override
    public Verdict analyser(InputStream contenu) throws IOException {
        try (Socket socket = connecter()) {
            DataOutputStream sortie = new DataOutputStream(socket.getOutputStream());
            sortie.write("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII));
            byte[] tampon = new byte[BLOC];
            int lus;
            while ((lus = contenu.read(tampon)) != -1) {
                sortie.writeInt(lus);
                sortie.write(tampon, 0, lus);
            }
            sortie.writeInt(0);
            sortie.flush();
            String reponse = lireReponse(socket.getInputStream());
            if (reponse.endsWith(" FOUND")) {
                String signature = reponse.substring(reponse.indexOf(':') + 1, reponse.length() - " FOUND".length()).trim();
                return new Verdict(signature.isEmpty() ? "inconnue" : signature);
            }
            if (reponse.endsWith(": OK")) {
                return new Verdict(null);
            }
            throw new IOException("Réponse inattendue de clamd : " + reponse);
        }
    }

    @Override
    public boolean repond() {
        try (Socket socket = connecter()) {
            socket.getOutputStream().write("zPING\0".getBytes(StandardCharsets.US_ASCII));
            return "PONG".equals(lireReponse(socket.getInputStream()));
        } catch (IOException e) {
            return false;
        }
    }

    private Socket connecter() throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(hote, port), (int) delai.toMillis());
            socket.setSoTimeout((int) delai.toMillis());
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** Reads up to the NUL that ends a reply in the {@code z} form (clamd may also close the connection early). */
    private static String lireReponse(InputStream entree) throws IOException {
        ByteArrayOutputStream reponse = new ByteArrayOutputStream();
        int octet;
        while ((octet = entree.read()) > 0 && reponse.size() < 4096) {
            reponse.write(octet);
        }
        return reponse.toString(StandardCharsets.US_ASCII).trim();
    }
}
