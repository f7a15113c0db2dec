package fr.gouv.guichet.securite;

import fr.gouv.guichet.support.ComptesDeTest;
import fr.gouv.guichet.support.ConnexionsHttp;
import fr.gouv.guichet.support.TestGuichet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10, point 3: eight clients trickling a POST body one byte at a time, with a made-up session cookie, must not
 * shut out new visitors nor signed-in usagers; the trickling clients are cut off.
 */
@TestGuichet
class ClientsLentsIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encodeur;
    @Value("${local.server.port}")
    int port;

    /** Sends the headers of a POST announcing 200 bytes, then one byte every 400 ms; returns the status line read. */
    private String goutteAGoutte() throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(60_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST /connexion HTTP/1.1\r\nHost: localhost\r\nCookie: GUICHET_SESSION=x\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 200\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            for (int i = 0; i < 200; i++) {
                if (in.available() > 0) {
                    break;
                }
                try {
                    out.write('a');
                    out.flush();
                } catch (java.io.IOException fermee) {
                    break;
                }
                Thread.sleep(400);
            }
            byte[] ligne = new byte[12];
            int n = in.readNBytes(ligne, 0, 12);
            return new String(ligne, 0, n, StandardCharsets.US_ASCII);
        }
    }

    @Test
    void huitClientsLents_nempechentNiLesArriveesNiLesUsagersConnectes() throws Exception {
        var session = ConnexionsHttp.usager(mvc, new ComptesDeTest(jdbc, encodeur).usager("83"));
        ExecutorService fils = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> lents = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                lents.add(fils.submit(this::goutteAGoutte));
            }
            Thread.sleep(1500);
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            long debut = System.nanoTime();
            HttpResponse<String> arrivee = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/connexion"))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> connecte = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/usager"))
                    .header("Cookie", session.getName() + "=" + session.getValue())
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(arrivee.statusCode()).isEqualTo(200);
            assertThat(connecte.statusCode()).isEqualTo(200);
            assertThat(connecte.body()).contains("Mon espace");
            assertThat(Duration.ofNanos(System.nanoTime() - debut)).isLessThan(Duration.ofSeconds(4));
            for (Future<String> lent : lents) {
                assertThat(lent.get(30, TimeUnit.SECONDS)).as("client lent coupé").isEqualTo("HTTP/1.1 408");
            }
        } finally {
            fils.shutdownNow();
        }
    }
}
