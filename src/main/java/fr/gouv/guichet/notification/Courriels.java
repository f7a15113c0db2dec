package fr.gouv.guichet.notification;

import fr.gouv.guichet.notification.internal.EnvoisUniques;
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

    private static final String FOURNISSEUR_FLUX = "jakarta.mail.util.StreamProvider";

    static {
        // Jakarta Mail looks its stream provider up with a ServiceLoader scan of the classpath at every MIME body
        // part, header block and decoded subject (jakarta.mail-api 2.1: ~7 % of Guichet's CPU at the bench's peak,
        // issue 18). Naming the implementation makes it a class lookup. Kept if already set (another provider).
        if (System.getProperty(FOURNISSEUR_FLUX) == null) {
            System.setProperty(FOURNISSEUR_FLUX, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    private final JavaMailSender mailSender;
    private final RenduCourriel rendu;
    private final String expediteur;
    private final EnvoisUniques envois;

    Courriels(JavaMailSender mailSender, RenduCourriel rendu, @Value("${guichet.mail.expediteur}") String expediteur,
              EnvoisUniques envois) {
        this.mailSender = mailSender;
        this.rendu = rendu;
        this.expediteur = expediteur;
        this.envois = envois;
    }

    /**
     * Sends the e-mail once under this key, whatever happens to the caller's transaction (outbox listeners: a
     * publication resubmitted after a crash or a database failover finds it sent). The sending is reserved and then
     * confirmed in transactions of its own ({@link EnvoisUniques}); while another attempt holds the reservation, this
     * one fails so that its publication is resubmitted later (the other attempt may still fail). Give the e-mail a
     * fixed {@link Courriel#identifiant()}: the one case left where it could go twice (an instance killed between the
     * SMTP acceptance and the confirmation) then delivers the same message.
     */
    public void envoyerUneFois(String cle, Courriel courriel) {
        switch (envois.reserver(cle)) {
            case DEJA_ENVOYE -> {
                return;
            }
            case EN_COURS_AILLEURS -> throw new IllegalStateException("Courriel " + cle + " en cours d'envoi par une autre "
                    + "tentative : nouvel essai plus tard");
            case ACQUISE -> {
            }
        }
        try {
            envoyer(courriel);
        } catch (RuntimeException e) {
            envois.liberer(cle);
            throw e;
        }
        envois.confirmer(cle);
    }

    /** Whether the e-mail of this key was sent (accepted by the SMTP server and recorded). */
    public boolean dejaEnvoye(String cle) {
        return envois.envoye(cle);
    }

    /** The sender's domain, e.g. guichet.interieur.gouv.fr, for the Message-IDs Guichet makes. */
    private String domaine() {
        String adresse = expediteur.contains("<") ? expediteur.substring(expediteur.indexOf('<') + 1, expediteur.indexOf('>')) : expediteur;
        return adresse.substring(adresse.indexOf('@') + 1).strip();
    }

    public void envoyer(Courriel courriel) {
        mailSender.send(construire(courriel));
    }

    /** The message as it is sent: multipart (text and HTML rendered from the template), attachments, headers. */
    MimeMessage construire(Courriel courriel) {
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
            return message;
        } catch (MessagingException e) {
            throw new MailSendException("Courriel non construit : " + courriel.sujet(), e);
        }
    }
}
