package fr.gouv.guichet.piece.internal;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code clamd} (package clamav-daemon, installed by .ci/run) on a free loopback port, with an offline
 * signature database made here: one {@code .ndb} signature matching the EICAR test string in any content, including
 * after ClamAV has unpacked a PDF's compressed streams. No download, no freshclam.
 * Fails (never skips) when clamd is not installed.
 */
final class ClamdDeTest implements AutoCloseable {

    static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";
    static final String SIGNATURE = "Guichet.Test.EICAR";
    private static final Path CLAMD = Path.of("/usr/sbin/clamd");

    private final Path repertoire;
    private final int port;
    private Process processus;

    ClamdDeTest(Path repertoire) throws Exception {
        if (!Files.isExecutable(CLAMD)) {
            throw new IllegalStateException("clamd absent : installez le paquet Debian clamav-daemon "
                    + "(apt-get install clamav-daemon ; .ci/run le fait) pour lancer ce test");
        }
        this.repertoire = repertoire;
        try (ServerSocket libre = new ServerSocket(0)) {
            this.port = libre.getLocalPort();
        }
        Path base = Files.createDirectories(repertoire.resolve("base"));
        Files.writeString(base.resolve("guichet-test.ndb"),
                SIGNATURE + ":0:*:" + HexFormat.of().formatHex(EICAR.getBytes(StandardCharsets.US_ASCII)) + "\n");
        Files.writeString(repertoire.resolve("clamd.conf"), String.join("\n",
                "Foreground yes",
                "DatabaseDirectory " + base,
                "TCPSocket " + port,
                "TCPAddr 127.0.0.1",
                "LogFile " + repertoire.resolve("clamd.log"),
                "PidFile " + repertoire.resolve("clamd.pid"),
                "Bytecode no",
                "StreamMaxLength 30M",
                "ScanPDF yes",
                "") + "\n");
        demarrer();
    }

    void demarrer() throws Exception {
        processus = new ProcessBuilder(CLAMD.toString(), "--config-file=" + repertoire.resolve("clamd.conf"))
                .redirectErrorStream(true).redirectOutput(repertoire.resolve("clamd.sortie").toFile()).start();
        ClamdInstream client = client();
        long limite = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!client.repond()) {
            if (!processus.isAlive() || System.nanoTime() > limite) {
                throw new IllegalStateException("clamd n’a pas démarré : "
                        + Files.readString(repertoire.resolve("clamd.sortie")));
            }
            Thread.sleep(50);
        }
    }

    void arreter() throws InterruptedException {
        processus.destroy();
        if (!processus.waitFor(10, TimeUnit.SECONDS)) {
            processus.destroyForcibly().waitFor();
        }
    }

    int port() {
        return port;
    }

    ClamdInstream client() {
        return new ClamdInstream("127.0.0.1", port, Duration.ofSeconds(10));
    }

    @Override
    public void close() throws IOException, InterruptedException {
        arreter();
    }
}
