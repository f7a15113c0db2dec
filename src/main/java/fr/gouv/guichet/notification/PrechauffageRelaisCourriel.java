package fr.gouv.guichet.notification;

import fr.gouv.guichet.socle.Prechauffage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Opens one connection to the SMTP relay at start-up, then closes it without sending anything (issue 18, point 5).
 *
 * <p>The first deposit after a start sends its accusé de réception e-mail while the usager downloads the accusé PDF:
 * the SMTP client (Jakarta Mail's transport, socket, EHLO and authentication exchanges) was then loaded and run cold
 * on the same processor, and both the validation and the first PDF answered 2 to 3 times slower than the next ones
 * (bench, external SMTP sink). One connection at start-up loads it; it also says in the start-up log whether the relay
 * answers. A relay that does not answer delays the start by its time-outs at most ({@code mail.smtp.connectiontimeout},
 * 10 s, when nothing accepts the connection; {@code mail.smtp.timeout}, 30 s, when the relay accepts it then stays
 * silent) and is logged; the start goes on (e-mails wait in the outbox).
 * Done in the first round only: one connection per start.
 */
@Component
class PrechauffageRelaisCourriel implements Prechauffage {

    private final JavaMailSender mailSender;
    private boolean fait;

    PrechauffageRelaisCourriel(JavaMailSender mailSender) {
        this.mailSender = mailSender;
    }

    @Override
    public String nom() {
        return "connexion au relais SMTP (ouverte puis fermée, aucun envoi)";
    }

    @Override
    public void prechauffer() throws Exception {
        if (fait) {
            return;
        }
        fait = true;
        if (mailSender instanceof JavaMailSenderImpl relais) {
            relais.testConnection();
        }
    }
}
