package fr.gouv.guichet.demarche.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A file far over the limit is stopped before it is read: the usager gets the same clear message, next to the field. */
@ControllerAdvice
class TeleversementTropGros {

    private static final Pattern DOSSIER = Pattern.compile("^/usager/dossiers/(\\d+)/pieces$");

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tropGros(HttpServletRequest requete, RedirectAttributes redirection) {
        redirection.addFlashAttribute("erreurPiece", "Le fichier dépasse 20 Mo : réduisez-le (par exemple en le numérisant "
                + "en plus basse résolution) ou envoyez-le en plusieurs parties.");
        Matcher m = DOSSIER.matcher(requete.getRequestURI());
        return m.matches() ? "redirect:/usager/dossiers/" + m.group(1) + "#documents" : "redirect:/usager/dossiers";
    }
}
