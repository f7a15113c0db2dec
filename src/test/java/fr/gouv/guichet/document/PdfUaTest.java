package fr.gouv.guichet.document;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.verapdf.core.EncryptedPdfException;
import org.verapdf.core.ModelParsingException;
import org.verapdf.core.ValidationException;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of generated document passes veraPDF's PDF/UA-1 validation (ISO 14289-1, Matterhorn protocol):
 * accusé de réception, arrêté (définitif et provisoire), lettre de refus, ordre du jour de la commission. Layout
 * tables (header, verification block) are not tagged as data tables, and every document starts with the State's
 * block (République française, motto) and the issuing authority.
 */
public class PdfUaTest {

    private static GenerateurPdf generateur;

    @BeforeAll
    static void initialiser() {
        initialiserVeraPdf();
        generateur = new GenerateurPdf(Exemples.moteur());
    }

    /** Each kind of document, with the number of data tables it holds and the issuing authority at its top. */
    static Stream<Arguments> documents() {
        return Stream.of(
                Arguments.of("accusé de réception", (Function<GenerateurPdf, byte[]>) g -> g.genererRecepisse(Exemples.recepisse()), 1, "Préfet de l’Aude"),
                Arguments.of("arrêté d’autorisation", (Function<GenerateurPdf, byte[]>) g -> Exemples.arrete().pdf(g), 1, "Préfet du Var"),
                Arguments.of("autorisation provisoire", (Function<GenerateurPdf, byte[]>) g -> Exemples.arreteProvisoire().pdf(g), 1, "Préfet du Var"),
                Arguments.of("lettre de refus", (Function<GenerateurPdf, byte[]>) g -> Exemples.refus().pdf(g), 0, "Préfet du Var"),
                Arguments.of("ordre du jour", (Function<GenerateurPdf, byte[]>) g -> Exemples.ordreDuJour(12).pdf(g), 1, "Préfet du Var"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void chaqueDocument_passePdfUa1(String sorte, Function<GenerateurPdf, byte[]> generation, int tableauxDeDonnees,
                                    String emetteur) throws Exception {
        List<String> echecs = echecsPdfUa1(generation.apply(generateur));
        assertThat(echecs).as("règles PDF/UA-1 non respectées par le document « %s »", sorte).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void tableauxDeMiseEnPage_nonBalisesCommeDonnees(String sorte, Function<GenerateurPdf, byte[]> generation,
                                                     int tableauxDeDonnees, String emetteur) throws IOException {
        try (PDDocument document = Loader.loadPDF(generation.apply(generateur))) {
            List<String> balises = new ArrayList<>();
            parcourir(document.getDocumentCatalog().getStructureTreeRoot().getKids(), balises);
            assertThat(balises).as("balises Table du document « %s »", sorte)
                    .filteredOn("Table"::equals).hasSize(tableauxDeDonnees);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void enTete_blocDeLEtatEtAutoriteEmettrice(String sorte, Function<GenerateurPdf, byte[]> generation,
                                               int tableauxDeDonnees, String emetteur) {
        String debut = PdfLu.lire(generation.apply(generateur)).texte();
        debut = debut.substring(0, Math.min(debut.length(), 200));
        assertThat(debut).as("haut de la première page du document « %s »", sorte)
                .contains("RÉPUBLIQUE", "FRANÇAISE", "Liberté", "Égalité", "Fraternité", emetteur);
    }

    private static void parcourir(List<Object> enfants, List<String> balises) {
        for (Object enfant : enfants) {
            if (enfant instanceof PDStructureElement element) {
                balises.add(element.getStructureType());
                parcourir(element.getKids(), balises);
            }
        }
    }

    /** veraPDF's validators, once per JVM (idempotent). */
    public static void initialiserVeraPdf() {
        VeraGreenfieldFoundryProvider.initialise();
    }

    /** The failed PDF/UA-1 rules, as "clause-test : message (contexte)"; empty when the document complies. */
    public static List<String> echecsPdfUa1(byte[] pdf) throws IOException, ModelParsingException, EncryptedPdfException, ValidationException {
        try (PDFAParser analyseur = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFUA_1);
             PDFAValidator validateur = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFUA_1, false)) {
            ValidationResult resultat = validateur.validate(analyseur);
            List<String> echecs = resultat.getTestAssertions().stream()
                    .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                    .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + " : " + a.getMessage()
                            + " (" + a.getLocation().getContext() + ")")
                    .distinct()
                    .toList();
            assertThat(resultat.isCompliant()).as("conformité annoncée par veraPDF").isEqualTo(echecs.isEmpty());
            return echecs;
        }
    }
}
