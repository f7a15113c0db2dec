package fr.gouv.guichet.notification;

import jakarta.mail.MessagingException;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrechauffageRelaisCourrielTest {

    /** A relay that answers one SMTP session and records what the client said. */
    @Test
    void une_seule_connexion_au_relais_sans_envoi() throws Exception {
        try (ServerSocket serveur = new ServerSocket(0)) {
            CompletableFuture<String> dialogue = CompletableFuture.supplyAsync(() -> repondre(serveur));
            JavaMailSenderImpl relais = new JavaMailSenderImpl();
            relais.setHost("127.0.0.1");
            relais.setPort(serveur.getLocalPort());
            PrechauffageRelaisCourriel prechauffage = new PrechauffageRelaisCourriel(relais);

            prechauffage.prechauffer();
            prechauffage.prechauffer();
            prechauffage.prechauffer();

            String dit = dialogue.get(10, TimeUnit.SECONDS);
            assertThat(dit).contains("EHLO").contains("QUIT").doesNotContain("MAIL FROM").doesNotContain("DATA");
            serveur.setSoTimeout(500);
            assertThatThrownBy(serveur::accept).as("une seule connexion, au premier tour").isInstanceOf(java.net.SocketTimeoutException.class);
        }
    }

    @Test
    void un_relais_qui_ne_repond_pas_fait_echouer_le_tour_sans_bloquer() throws Exception {
        int port;
        try (ServerSocket libre = new ServerSocket(0)) {
            port = libre.getLocalPort();
        }
        JavaMailSenderImpl relais = new JavaMailSenderImpl();
        relais.setHost("127.0.0.1");
        relais.setPort(port);
        assertThatThrownBy(() -> new PrechauffageRelaisCourriel(relais).prechauffer()).isInstanceOf(MessagingException.class);
    }

    private static String repondre(ServerSocket serveur) {
        StringBuilder dit = new StringBuilder();
        try (Socket s = serveur.accept()) {
            s.setSoTimeout(5000);
            var sortie = s.getOutputStream();
            var entree = new java.io.BufferedReader(new java.io.InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            sortie.write("220 relais de test\r\n".getBytes(StandardCharsets.US_ASCII));
            sortie.flush();
            String ligne;
            while ((ligne = entree.readLine()) != null) {
                dit.append(ligne).append('\n');
                String reponse = ligne.startsWith("EHLO") ? "250 relais\r\n" : ligne.startsWith("QUIT") ? "221 au revoir\r\n" : "250 ok\r\n";
                sortie.write(reponse.getBytes(StandardCharsets.US_ASCII));
                sortie.flush();
                if (ligne.startsWith("QUIT")) {
                    break;
                }
            }
        } catch (java.io.IOException e) {
            dit.append("erreur : ").append(e);
        }
        return dit.toString();
    }
}
