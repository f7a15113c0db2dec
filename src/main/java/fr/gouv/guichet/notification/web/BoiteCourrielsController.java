package fr.gouv.guichet.notification.web;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Embedded default only: lists the e-mails Guichet sent, so that a person trying Guichet on their own machine can
 * follow the activation link. The bean does not exist when a real SMTP server is configured (404). Even then it answers
 * loopback requests only, never a request relayed by a proxy (404 otherwise), and never shows an e-mail carrying a
 * back-office link (agent invitations): it must never hand out an agent's access.
 */
@Controller
@ConditionalOnProperty(name = "guichet.embarque.mail", havingValue = "true")
class BoiteCourrielsController {

    private static final Pattern LIEN = Pattern.compile("https?://\\S+");
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH:mm:ss", Locale.FRANCE)
            .withZone(ZoneId.of("Europe/Paris"));

    private final GreenMail greenMail;

    BoiteCourrielsController(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    record CourrielRecu(String destinataire, String sujet, String date, String texte, List<String> liens) {
    }

    @GetMapping("/dev/courriels")
    String lister(Model model, HttpServletRequest requete) throws MessagingException, IOException {
        if (!bouclage(requete)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        List<CourrielRecu> recus = new ArrayList<>();
        MimeMessage[] messages = greenMail.getReceivedMessages();
        for (int i = messages.length - 1; i >= 0; i--) {
            CourrielRecu recu = lire(messages[i]);
            if (recu.liens().stream().noneMatch(BoiteCourrielsController::versLeBackOffice)) {
                recus.add(recu);
            }
        }
        model.addAttribute("courriels", recus);
        return "dev/courriels";
    }

    private static final List<String> ENTETES_MANDATAIRE = List.of("Forwarded", "X-Forwarded-For", "X-Forwarded-Host",
            "X-Real-IP", "X-Forwarded-Proto");

    /** A request from this very machine, not relayed by a proxy (a local proxy would make every visitor look local). */
    static boolean bouclage(HttpServletRequest requete) {
        for (String entete : ENTETES_MANDATAIRE) {
            if (requete.getHeader(entete) != null) {
                return false;
            }
        }
        String adresse = requete.getRemoteAddr();
        if (adresse == null || !adresse.matches("[0-9a-fA-F.:\\[\\]%]+")) {
            return false;
        }
        try {
            // A numeric literal: no name resolution.
            return InetAddress.getByName(adresse).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean versLeBackOffice(String lien) {
        try {
            String chemin = URI.create(lien).getPath();
            return chemin != null && (chemin.equals("/agent") || chemin.startsWith("/agent/"));
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    private static CourrielRecu lire(MimeMessage message) throws MessagingException, IOException {
        String texte = CorpsTexte.extraire(message);
        List<String> liens = new ArrayList<>();
        Matcher m = LIEN.matcher(texte);
        while (m.find()) {
            liens.add(m.group());
        }
        String destinataires = String.join(", ", Arrays.stream(message.getAllRecipients()).map(Object::toString).toList());
        String date = message.getSentDate() == null ? "" : FORMAT.format(message.getSentDate().toInstant());
        return new CourrielRecu(destinataires, message.getSubject(), date, texte, liens);
    }

    /** The text/plain part of a message. */
    static final class CorpsTexte {
        private CorpsTexte() {
        }

        static String extraire(MimeMessage message) throws MessagingException, IOException {
            Object contenu = message.getContent();
            if (contenu instanceof String s) {
                return s;
            }
            if (contenu instanceof jakarta.mail.Multipart multipart) {
                String trouve = premierTexte(multipart);
                if (trouve != null) {
                    return trouve;
                }
            }
            return GreenMailUtil.getBody(message);
        }

        private static String premierTexte(jakarta.mail.Multipart multipart) throws MessagingException, IOException {
            for (int i = 0; i < multipart.getCount(); i++) {
                var part = multipart.getBodyPart(i);
                if (part.isMimeType("text/plain")) {
                    return (String) part.getContent();
                }
                if (part.getContent() instanceof jakarta.mail.Multipart inner) {
                    String t = premierTexte(inner);
                    if (t != null) {
                        return t;
                    }
                }
            }
            return null;
        }
    }
}
