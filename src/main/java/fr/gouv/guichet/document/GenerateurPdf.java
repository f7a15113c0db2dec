package fr.gouv.guichet.document;

import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceType;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import fr.gouv.guichet.document.internal.PolicesPdf;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.regex.Pattern;

/**
 * Renders {@code templates/pdf/<gabarit>.html} with Thymeleaf, then converts it to a tagged PDF (PDF/UA, French)
 * with openhtmltopdf.
 *
 * <p>Template rules: well-formed XHTML (openhtmltopdf parses XML: close every element, no named entities other
 * than the XML ones, use {@code &#160;}); {@code <html lang="fr">}; the PDF title comes from {@code <title>}, the
 * author from {@code <meta name="author">} (see {@code commun.html}); every value coming from a person goes through
 * {@code th:text} (escaped), never {@code th:utext}. The renderer loads no external resource: only {@code data:}
 * images are allowed (see {@link CodeQr}), fonts are embedded from the classpath.
 */
@Component
public class GenerateurPdf {

    public static final String AUTEUR = "Guichet — téléprocédures des préfectures";

    private static final Pattern NOM_GABARIT = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /**
     * Laying out a tagged PDF takes tens of milliseconds of CPU; at the national peak (a récépissé per submission)
     * rendering at most on half the cores leaves the other half to the pages people are waiting for. Callers wait
     * their turn (e-mails are sent from the outbox, in the background).
     */
    private static final Semaphore RENDUS = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors() / 2), true);

    private final ITemplateEngine moteur;

    public GenerateurPdf(ITemplateEngine moteur) {
        this.moteur = moteur;
    }

    /** The accusé de réception (récépissé de dépôt) of a dossier. */
    public byte[] genererRecepisse(DonneesRecepisse donnees) {
        return generer(DonneesRecepisse.GABARIT, donnees.variables());
    }

    /** The arrêté préfectoral authorizing (possibly provisionally) a videoprotection system. */
    public byte[] genererArrete(DonneesArrete donnees) {
        return generer(DonneesArrete.GABARIT, donnees.variables());
    }

    /** The motivated letter refusing the authorization of a videoprotection system. */
    public byte[] genererRefus(DonneesRefus donnees) {
        return generer(DonneesRefus.GABARIT, donnees.variables());
    }

    /** The agenda of a session of the commission départementale de vidéoprotection. */
    public byte[] genererOrdreDuJour(DonneesOrdreDuJour donnees) {
        return generer(DonneesOrdreDuJour.GABARIT, donnees.variables());
    }

    /**
     * @param gabarit   template name under {@code templates/pdf/}, without {@code .html} (lowercase, digits, dashes)
     * @param variables template variables; {@code auteur} is added when absent
     */
    public byte[] generer(String gabarit, Map<String, Object> variables) {
        if (!NOM_GABARIT.matcher(gabarit).matches()) {
            throw new IllegalArgumentException("Nom de gabarit PDF invalide : " + gabarit);
        }
        Context contexte = new Context(Locale.FRANCE, variables);
        if (!contexte.containsVariable("auteur")) {
            contexte.setVariable("auteur", AUTEUR);
        }
        String xhtml = moteur.process("pdf/" + gabarit, contexte);
        ByteArrayOutputStream sortie = new ByteArrayOutputStream(64 * 1024);
        PdfRendererBuilder constructeur = new PdfRendererBuilder();
        constructeur.useFastMode();
        constructeur.usePdfUaAccessibility(true);
        constructeur.withProducer(AUTEUR);
        for (ExternalResourceControlPriority moment : ExternalResourceControlPriority.values()) {
            constructeur.useExternalResourceAccessControl(GenerateurPdf::ressourceAutorisee, moment);
        }
        PolicesPdf.enregistrer(constructeur);
        constructeur.withHtmlContent(xhtml, null);
        constructeur.toStream(sortie);
        RENDUS.acquireUninterruptibly();
        try {
            constructeur.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Échec de la génération du PDF « " + gabarit + " »", e);
        } finally {
            RENDUS.release();
        }
        return sortie.toByteArray();
    }

    /** Only inline images: no file, classpath or network access from a template (SSRF, local file disclosure). */
    private static boolean ressourceAutorisee(@Nullable String uri, ExternalResourceType type) {
        return uri != null && uri.startsWith("data:image/") && type == ExternalResourceType.IMAGE_RASTER;
    }
}
