package fr.gouv.guichet.piece;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.RequestContextUtils;

import java.net.URI;

/** Answer to a download of a file that is not {@link EtatAnalyse#SAIN}: back to its page, with the French reason. */
public final class RenvoiFichierNonDisponible {

    private RenvoiFichierNonDisponible() {
    }

    /**
     * A 303 to {@code page} (its {@code #documents} part), with the reason in flash attribute {@code attribut}.
     */
    public static ResponseEntity<InputStreamResource> versLaPage(String page, String attribut, EtatAnalyse etat,
                                                                 HttpServletRequest requete, HttpServletResponse reponse) {
        FlashMap flash = RequestContextUtils.getOutputFlashMap(requete);
        flash.put(attribut, etat.messageRefus());
        RequestContextUtils.saveOutputFlashMap(page, requete, reponse);
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(page + "#documents"))
                .header("Cache-Control", "no-store").build();
    }
}
