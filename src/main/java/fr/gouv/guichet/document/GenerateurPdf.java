package fr.gouv.guichet.document;

import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceType;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import fr.gouv.guichet.document.internal.PolicesPdf;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
     * rendering at most on half the cores per kind of document leaves the rest to the pages people are waiting for.
     * One lane per template: an e-mail carrying a récépissé never waits behind arrêtés or agendas being rendered.
     * Every wait, every render and every input is bounded (issue 10, point 4): past a bound the caller gets
     * {@link RenduPdfImpossible} (the outbox retries later, a bounded number of times) instead of queueing for ever.
     */
    private static final int RENDUS_PAR_GABARIT = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    private static final Map<String, Semaphore> VOIES = new ConcurrentHashMap<>();
    private static final ExecutorService RENDEUR = Executors.newCachedThreadPool(Thread.ofPlatform()
            .name("rendu-pdf-", 0).daemon(true).factory());

    static {
        // openhtmltopdf logs several INFO lines per document (fonts loaded, stylesheets parsed, "Prepare to fly") to
        // java.util.logging's console, outside Spring's logging settings: at a récépissé or an arrêté per request that
        // is log volume and CPU for nothing. Its warnings and errors are kept.
        for (String journal : com.openhtmltopdf.util.XRLog.listRegisteredLoggers()) {
            com.openhtmltopdf.util.XRLog.setLevel(journal, java.util.logging.Level.WARNING);
        }
    }

    /** Largest XHTML document rendered (characters): a recap of every answer, field lengths being bounded, stays far below. */
    static final int TAILLE_MAX = 512 * 1024;

    private final ITemplateEngine moteur;
    private final int tailleMax;
    private final Duration attenteMax;
    private final Duration dureeMax;

    private io.micrometer.core.instrument.@Nullable MeterRegistry mesures;

    @Autowired(required = false)
    void mesures(io.micrometer.core.instrument.MeterRegistry mesures) {
        this.mesures = mesures;
    }

    @Autowired
    public GenerateurPdf(ITemplateEngine moteur) {
        this(moteur, TAILLE_MAX, Duration.ofSeconds(20), Duration.ofSeconds(20));
    }

    GenerateurPdf(ITemplateEngine moteur, int tailleMax, Duration attenteMax, Duration dureeMax) {
        this.moteur = moteur;
        this.tailleMax = tailleMax;
        this.attenteMax = attenteMax;
        this.dureeMax = dureeMax;
    }

    /** The accusé de réception (récépissé de dépôt) of a dossier. */
    public byte[] genererRecepisse(DonneesRecepisse donnees) {
        return generer(DonneesRecepisse.GABARIT, donnees.variables());
    }

    /**
     * @param gabarit   template name under {@code templates/pdf/}, without {@code .html} (lowercase, digits, dashes)
     * @param variables template variables; {@code auteur} is added when absent, {@code textes} always
     *                  ({@link TextesJuridiques#variables()})
     */
    public byte[] generer(String gabarit, Map<String, Object> variables) {
        return rendre(gabarit, xhtml(gabarit, variables));
    }

    /**
     * The XHTML of a document (Thymeleaf only, a few milliseconds): what an act says is fixed and recorded with the
     * decision, its PDF is rendered later, outside any transaction (issue 10, point 4).
     *
     * @throws RenduPdfImpossible when the document is larger than the renderer accepts
     */
    public String xhtml(String gabarit, Map<String, Object> variables) {
        if (!NOM_GABARIT.matcher(gabarit).matches()) {
            throw new IllegalArgumentException("Nom de gabarit PDF invalide : " + gabarit);
        }
        Context contexte = new Context(Locale.FRANCE, variables);
        if (!contexte.containsVariable("auteur")) {
            contexte.setVariable("auteur", AUTEUR);
        }
        // The legal texts the template cites, from their one place (actes/textes-juridiques.csv).
        contexte.setVariable("textes", TextesJuridiques.variables());
        String xhtml = moteur.process("pdf/" + gabarit, contexte);
        if (xhtml.length() > tailleMax) {
            throw new RenduPdfImpossible("Document « " + gabarit + " » trop volumineux pour être rendu ("
                    + xhtml.length() + " caractères, " + tailleMax + " au plus)");
        }
        return xhtml;
    }

    /**
     * Renders the XHTML of {@link #xhtml} to PDF, bounded in waiting and duration. A render while the calling thread
     * holds a transaction open is counted ({@code guichet.pdf.rendus.sous.transaction}, per template): a transaction
     * must never wait on a render.
     */
    public byte[] rendre(String gabarit, String xhtml) {
        if (!NOM_GABARIT.matcher(gabarit).matches()) {
            throw new IllegalArgumentException("Nom de gabarit PDF invalide : " + gabarit);
        }
        if (xhtml.length() > tailleMax) {
            throw new RenduPdfImpossible("Document « " + gabarit + " » trop volumineux pour être rendu ("
                    + xhtml.length() + " caractères, " + tailleMax + " au plus)");
        }
        if (TransactionSynchronizationManager.isActualTransactionActive() && mesures != null) {
            mesures.counter("guichet.pdf.rendus.sous.transaction", "gabarit", gabarit).increment();
        }
        Semaphore voie = VOIES.computeIfAbsent(gabarit, g -> new Semaphore(RENDUS_PAR_GABARIT, true));
        try {
            if (!voie.tryAcquire(attenteMax.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new RenduPdfImpossible("Rendu du document « " + gabarit + " » non commencé après "
                        + attenteMax.toSeconds() + " s d’attente");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RenduPdfImpossible("Rendu du document « " + gabarit + " » interrompu");
        }
        Future<byte[]> rendu;
        // Who gives the place back: the render once it has started (when it really ends, even after its caller gave
        // up waiting), or the caller that abandons a render cancelled before it started — which then never runs.
        AtomicBoolean commence = new AtomicBoolean();
        try {
            rendu = RENDEUR.submit(() -> {
                if (!commence.compareAndSet(false, true)) {
                    return new byte[0];
                }
                try {
                    return rendre(xhtml);
                } finally {
                    voie.release();
                }
            });
        } catch (RuntimeException e) {
            voie.release();
            throw e;
        }
        try {
            return rendu.get(dureeMax.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            abandonner(rendu, commence, voie);
            throw new RenduPdfImpossible("Rendu du document « " + gabarit + " » abandonné après " + dureeMax.toSeconds() + " s");
        } catch (InterruptedException e) {
            abandonner(rendu, commence, voie);
            Thread.currentThread().interrupt();
            throw new RenduPdfImpossible("Rendu du document « " + gabarit + " » interrompu");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r
                    : new UncheckedIOException("Échec de la génération du PDF « " + gabarit + " »",
                    e.getCause() instanceof IOException io ? io : new IOException(e.getCause()));
        }
    }

    private static void abandonner(Future<byte[]> rendu, AtomicBoolean commence, Semaphore voie) {
        rendu.cancel(true);
        if (commence.compareAndSet(false, true)) {
            voie.release();
        }
    }

    private static byte[] rendre(String xhtml) throws IOException {
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
        constructeur.run();
        return sortie.toByteArray();
    }

    /** Only inline images: no file, classpath or network access from a template (SSRF, local file disclosure). */
    private static boolean ressourceAutorisee(@Nullable String uri, ExternalResourceType type) {
        return uri != null && uri.startsWith("data:image/") && type == ExternalResourceType.IMAGE_RASTER;
    }
}
