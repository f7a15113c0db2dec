package fr.gouv.guichet.support;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what Guichet sent to the embedded SMTP server (mails are sent asynchronously, through the outbox). */
public final class BoiteCourriels {

    private static final Pattern LIEN = Pattern.compile("https?://\\S+");

    private final GreenMail greenMail;

    public BoiteCourriels(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    public record Recu(String destinataire, String sujet, String texte) {
        public String lien() {
            Matcher m = LIEN.matcher(texte);
            if (!m.find()) {
                throw new AssertionError("Aucun lien dans le courriel « " + sujet + " » :\n" + texte);
            }
            return m.group();
        }
    }

    public List<Recu> pour(String destinataire) {
        List<Recu> recus = new ArrayList<>();
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            try {
                boolean pourLui = Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                        .anyMatch(a -> a.toString().equalsIgnoreCase(destinataire));
                if (pourLui) {
                    recus.add(new Recu(destinataire, m.getSubject(), texte(m)));
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return recus;
    }

    /** Waits (up to 60 s: on a loaded machine the asynchronous listeners may queue behind PDF renderings) for the n-th mail to that address whose subject contains the text. */
    public Recu attendre(String destinataire, String sujetContient, int numero) {
        Instant limite = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(limite)) {
            List<Recu> trouves = pour(destinataire).stream().filter(r -> r.sujet().contains(sujetContient)).toList();
            if (trouves.size() >= numero) {
                return trouves.get(numero - 1);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("Courriel n°" + numero + " « " + sujetContient + " » jamais reçu par " + destinataire
                + " ; reçus : " + pour(destinataire).stream().map(Recu::sujet).toList());
    }

    public Recu attendre(String destinataire, String sujetContient) {
        return attendre(destinataire, sujetContient, 1);
    }

    private static String texte(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String t = texte(multipart.getBodyPart(i));
                if (!t.isEmpty()) {
                    return t;
                }
            }
        }
        return "";
    }
}
