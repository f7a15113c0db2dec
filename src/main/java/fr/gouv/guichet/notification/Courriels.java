package fr.gouv.guichet.notification;

import fr.gouv.guichet.notification.internal.RenduCourriel;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Sends an e-mail now. Features call it from their event listeners (outbox): a failure throws, the event
 * publication stays incomplete and is resubmitted later.
 */
@Service
public class Courriels {

    private final JavaMailSender mailSender;
    private final RenduCourriel rendu;
    private final String expediteur;

    Courriels(JavaMailSender mailSender, RenduCourriel rendu, @Value("${guichet.mail.expediteur}") String expediteur) {
        this.mailSender = mailSender;
        this.rendu = rendu;
        this.expediteur = expediteur;
    }

    /** The sender's domain, e.g. guichet.interieur.gouv.fr, for the Message-IDs Guichet makes. */
    private String domaine() {
        String adresse = expediteur.contains("<") ? expediteur.substring(expediteur.indexOf('<') + 1, expediteur.indexOf('>')) : expediteur;
        return adresse.substring(adresse.indexOf('@') + 1).strip();
    }

    public void envoyer(Courriel courriel) {
        try {
            MimeMessage message = mailSender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
            helper.setFrom(expediteur);
            helper.setTo(courriel.destinataire());
            helper.setSubject(courriel.sujet());
            helper.setText(rendu.texte(courriel), rendu.html(courriel));
            for (Courriel.Fichier fichier : courriel.fichiers()) {
                helper.addAttachment(fichier.nom(), new org.springframework.core.io.ByteArrayResource(fichier.contenu()), fichier.typeMime());
            }
            // Every Message-ID in the sender's public domain (JavaMail would use the host name, e.g. "@localhost"); kept by
            // JavaMailSenderImpl when it saves the message (a preset Message-ID is restored after saveChanges).
            String identifiant = courriel.identifiant() != null ? courriel.identifiant() : UUID.randomUUID().toString();
            message.setHeader("Message-ID", "<" + identifiant + "@" + domaine() + ">");
            // RFC 3834: sent by a program, not a person: no vacation replies or bounces loops.
            message.setHeader("Auto-Submitted", "auto-generated");
            mailSender.send(message);
        } catch (MessagingException e) {
            throw new MailSendException("Courriel non construit : " + courriel.sujet(), e);
        }
    }
}
