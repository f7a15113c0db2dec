package fr.gouv.guichet.resilience;

import com.icegreen.greenmail.util.GreenMail;
import fr.gouv.guichet.resilience.Infrastructure.Postgres;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** After the crash test: each deposited dossier's récépissé reached its usager once (see {@link #verifierUneFois}). */
final class RecepissesRecus {

    private RecepissesRecus() {
    }

    /** What the récépissé check found: dossiers, e-mails, and resendings explained by a crash right after sending. */
    record Recepisses(int dossiers, int courriels, int renvoisApresPanne) {
    }

    /**
     * Waits until every deposited dossier has its récépissé and the outbox is empty, lets the retry job run a few
     * more times, then checks each deposited dossier got its récépissé, to its usager, once.
     *
     * <p>One exception, inherent to any SMTP sending: if the process or the database dies between the SMTP server's
     * acceptance and the commit that records the sending, the outbox sends it again. Such a second copy is accepted
     * only if one of the {@code pannes} happened at most 3 s after the first one arrived, before the second; any other
     * duplicate fails.
     */
    static Recepisses verifierUneFois(Postgres postgres, GreenMail smtp, Duration delai, List<Instant> pannes) throws Exception {
        Instant limite = Instant.now().plus(delai);
        Map<String, String> deposes;
        while (true) {
            deposes = dossiersDeposes(postgres);
            Map<String, List<Recu>> recus = recepisses(smtp);
            int enAttente;
            try (Connection c = postgres.connexion()) {
                enAttente = VerificationDepots.entiers(c, "select count(*) from event_publication where completion_date is null");
            }
            if (enAttente == 0 && recus.keySet().containsAll(deposes.keySet())) {
                break;
            }
            if (Instant.now().isAfter(limite)) {
                Set<String> manquants = new HashSet<>(deposes.keySet());
                manquants.removeAll(recus.keySet());
                throw new AssertionError("Après " + delai + " : récépissés manquants " + manquants + ", publications en attente "
                        + enAttente);
            }
            Thread.sleep(500);
        }
        Thread.sleep(6000); // three more runs of the retry job: a late duplicate would show up
        Map<String, List<Recu>> recus = recepisses(smtp);
        int courriels = 0;
        int renvois = 0;
        for (Map.Entry<String, String> d : deposes.entrySet()) {
            List<Recu> copies = recus.get(d.getKey());
            assertThat(copies).as("récépissés du dossier %s", d.getKey()).isNotEmpty();
            courriels += copies.size();
            for (Recu copie : copies) {
                assertThat(copie.destinataire()).as("destinataire du récépissé %s", d.getKey()).isEqualToIgnoringCase(d.getValue());
                // The same message for the mailbox, however many times a crash made the outbox send it.
                assertThat(copie.messageId()).as("Message-ID du récépissé %s", d.getKey())
                        .isEqualTo("<recepisse." + d.getKey() + "@guichet.interieur.gouv.fr>");
            }
            for (int i = 0; i + 1 < copies.size(); i++) {
                Instant premiere = copies.get(i).recuLe();
                Instant suivante = copies.get(i + 1).recuLe();
                // A crash between the two copies, at most 3 s after the first one was accepted ("Received:" is to the second).
                boolean expliquee = pannes.stream().anyMatch(p -> !p.isBefore(premiere.minusSeconds(1))
                        && !p.isAfter(premiere.plusSeconds(3)) && !suivante.isBefore(p.minusSeconds(1)));
                assertThat(expliquee).as("récépissé du dossier %s envoyé %d fois sans panne juste après l’envoi (reçus %s, pannes %s)",
                        d.getKey(), copies.size(), copies.stream().map(Recu::recuLe).toList(), pannes).isTrue();
                renvois++;
            }
        }
        assertThat(recus.keySet()).as("récépissés de dossiers inconnus").isSubsetOf(deposes.keySet());
        return new Recepisses(deposes.size(), courriels, renvois);
    }

    /** A récépissé received by the SMTP server: to whom, and when (its "Received:" header, to the second). */
    record Recu(String destinataire, Instant recuLe, String messageId) {
    }

    /** Deposited dossiers' numbers and their usager's e-mail. */
    private static Map<String, String> dossiersDeposes(Postgres postgres) throws Exception {
        Map<String, String> deposes = new HashMap<>();
        try (Connection c = postgres.connexion(); PreparedStatement s = c.prepareStatement(
                "select d.numero, u.email from dossier d join usager u on u.id = d.usager_id where d.numero is not null");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                deposes.put(rs.getString(1), rs.getString(2));
            }
        }
        return deposes;
    }

    private static final String SUJET_RECEPISSE = "Accusé de réception de votre demande ";

    private static final java.time.format.DateTimeFormatter DATE_RECEIVED =
            java.time.format.DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss zzz yyyy", java.util.Locale.US);

    /** Récépissés received, by dossier number, in order of arrival. */
    private static Map<String, List<Recu>> recepisses(GreenMail smtp) throws Exception {
        Map<String, List<Recu>> parNumero = new HashMap<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            String sujet = m.getSubject();
            if (sujet != null && sujet.startsWith(SUJET_RECEPISSE)) {
                String received = m.getHeader("Received")[0];
                Instant recuLe = java.time.ZonedDateTime.parse(received.substring(received.lastIndexOf(';') + 1).strip(),
                        DATE_RECEIVED).toInstant();
                parNumero.computeIfAbsent(sujet.substring(SUJET_RECEPISSE.length()).strip(), k -> new ArrayList<>())
                        .add(new Recu(m.getRecipients(Message.RecipientType.TO)[0].toString(), recuLe, m.getMessageID()));
            }
        }
        return parNumero;
    }

}
