import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * SMTP sink of the bench (run with the source launcher: {@code java bench/outils/PuitsSmtp.java PORT}): accepts every
 * message and discards it, in a process of its own, as the préfectures' mail relay is in production. Guichet's
 * embedded GreenMail would otherwise parse and store each e-mail inside Guichet's JVM and be counted in its cost per
 * deposit (~6 % of its CPU at the peak, issue 18). Prints the number of messages accepted when stopped.
 */
public final class PuitsSmtp {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        AtomicLong recus = new AtomicLong();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("Courriels reçus par le puits : " + recus.get())));
        try (ServerSocket serveur = new ServerSocket(port, 200, InetAddress.getLoopbackAddress());
             var fils = Executors.newVirtualThreadPerTaskExecutor()) {
            System.out.println("Puits SMTP sur le port " + port);
            while (true) {
                Socket client = serveur.accept();
                fils.submit(() -> servir(client, recus));
            }
        }
    }

    private static void servir(Socket client, AtomicLong recus) {
        try (client) {
            client.setSoTimeout(60_000);
            BufferedReader entree = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
            OutputStream sortie = client.getOutputStream();
            repondre(sortie, "220 puits.bench ESMTP");
            String ligne;
            while ((ligne = entree.readLine()) != null) {
                String commande = ligne.length() >= 4 ? ligne.substring(0, 4).toUpperCase() : ligne.toUpperCase();
                switch (commande) {
                    case "EHLO" -> repondre(sortie, "250-puits.bench\r\n250-8BITMIME\r\n250 SIZE 52428800");
                    case "DATA" -> {
                        repondre(sortie, "354 fin par <CRLF>.<CRLF>");
                        while ((ligne = entree.readLine()) != null && !ligne.equals(".")) {
                            // discarded
                        }
                        recus.incrementAndGet();
                        repondre(sortie, "250 reçu");
                    }
                    case "QUIT" -> {
                        repondre(sortie, "221 au revoir");
                        return;
                    }
                    default -> repondre(sortie, "250 ok");
                }
            }
        } catch (Exception e) {
            // a client gone: nothing to keep
        }
    }

    private static void repondre(OutputStream sortie, String texte) throws java.io.IOException {
        sortie.write((texte + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        sortie.flush();
    }
}
