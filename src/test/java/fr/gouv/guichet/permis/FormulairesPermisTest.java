package fr.gouv.guichet.permis;

import fr.gouv.guichet.formulaire.CatalogueFormulaires;
import fr.gouv.guichet.formulaire.Champ;
import fr.gouv.guichet.formulaire.DefinitionFormulaire;
import fr.gouv.guichet.formulaire.DefinitionFormulaireInvalideException;
import fr.gouv.guichet.formulaire.ContexteValidation;
import fr.gouv.guichet.formulaire.MoteurValidation;
import fr.gouv.guichet.formulaire.Reponses;
import fr.gouv.guichet.formulaire.TypeChamp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each licence form definition is loaded and checked by the form engine's checker, and fits its procedure. */
class FormulairesPermisTest {

    private static final FormulairesPermis FORMULAIRES = new FormulairesPermis();
    private static final BaremeTimbres BAREME = BaremeTimbres.charger();

    @Test
    void chaqueFichierEstCharge_etVerifieParLeVerificateurDuMoteur() throws IOException {
        var fichiers = new PathMatchingResourcePatternResolver().getResources(FormulairesPermis.EMPLACEMENT);
        assertThat(fichiers).hasSize(DemarchePermis.values().length);
        for (var fichier : fichiers) {
            CatalogueFormulaires seul = new CatalogueFormulaires(List.of(fichier));
            assertThat(seul.identifiants()).as(fichier.getFilename()).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(DemarchePermis.class)
    void chaqueDemarcheASaDefinitionVersionnee(DemarchePermis demarche) {
        DefinitionFormulaire definition = FORMULAIRES.derniereVersion(demarche);
        assertThat(definition.id()).isEqualTo(demarche.formulaire());
        assertThat(FORMULAIRES.versions(demarche)).containsExactly("1");
        assertThat(FORMULAIRES.trouver(demarche.formulaire(), "1")).contains(definition);
        assertThat(definition.champ("nom")).isPresent();
        assertThat(definition.champ("date_naissance")).isPresent();
        assertThat(definition.champ("courriel").map(Champ::type)).contains(TypeChamp.EMAIL);
        assertThat(definition.champ("code_ephoto")).as("photo et signature numériques").isPresent();
    }

    @ParameterizedTest
    @EnumSource(DemarchePermis.class)
    void leTimbreEstDemandeExactementQuandLeBaremeEnExigeUn(DemarchePermis demarche) {
        boolean exige = BAREME.timbreExige(demarche, LocalDate.of(2026, 12, 1));
        assertThat(FORMULAIRES.derniereVersion(demarche).champ("numero_timbre").isPresent()).isEqualTo(exige);
    }

    @Test
    void lesMotifsDuFormulaireAcceptentLesSaisiesQueLesValeursAcceptent() {
        DefinitionFormulaire perte = FORMULAIRES.derniereVersion(DemarchePermis.PERTE);
        Pattern timbre = Pattern.compile(perte.champ("numero_timbre").orElseThrow().contraintes().motif());
        assertThat(timbre.matcher("1234 5678 9012 3456").matches()).isTrue();
        assertThat(NumeroTimbre.depuisSaisie("1234 5678 9012 3456")).isPresent();
        assertThat(timbre.matcher("1234 5678 9012 345").matches()).isFalse();
        Pattern ephoto = Pattern.compile(perte.champ("code_ephoto").orElseThrow().contraintes().motif());
        assertThat(ephoto.matcher("AB12 CD34-EF56GH78IJ90KL").matches()).isTrue();
        assertThat(FormatEphoto.PAR_DEFAUT.lire("AB12 CD34-EF56GH78IJ90KL")).isPresent();
    }

    @Test
    void laDeclarationDePerteEstEnLigneEtLeVolDemandeLaDeclarationAuxForcesDeLOrdre() {
        assertThat(FORMULAIRES.derniereVersion(DemarchePermis.PERTE).champ("declaration_perte").map(Champ::obligatoire)).contains(true);
        assertThat(FORMULAIRES.derniereVersion(DemarchePermis.VOL).champ("service_declaration")).isPresent();
        assertThat(FORMULAIRES.derniereVersion(DemarchePermis.VOL).champ("declaration_perte")).isEmpty();
    }

    @Test
    void leMoteurDeFormulairesValideLaPageDuTimbre_messagesAcoteDesChamps() {
        DefinitionFormulaire perte = FORMULAIRES.derniereVersion(DemarchePermis.PERTE);
        ContexteValidation contexte = new ContexteValidation(null, LocalDate.of(2026, 12, 1));
        MoteurValidation moteur = new MoteurValidation();
        var erreurs = MoteurValidation.parChamp(moteur.validerPage(perte, "photo-paiement",
                new Reponses(Map.of("code_ephoto", "AB12%", "numero_timbre", "1234")), contexte));
        assertThat(erreurs).containsEntry("code_ephoto", "Le code ePhoto ne contient que des lettres et des chiffres.")
                .containsEntry("numero_timbre", "Le numéro du timbre fiscal compte 16 chiffres.");
        assertThat(moteur.validerPage(perte, "photo-paiement", new Reponses(Map.of("code_ephoto",
                "DEMOEPHOTOVALIDE000001", "numero_timbre", "2500 0000 0000 0001")), contexte)).isEmpty();
    }

    @Test
    void leNephEstFacultatifEnLigne() {
        DefinitionFormulaire inscription = FORMULAIRES.derniereVersion(DemarchePermis.INSCRIPTION);
        assertThat(inscription.champ("neph").map(Champ::obligatoire)).as("NEPH facultatif en ligne [V]").contains(false);
        assertThat(FORMULAIRES.derniereVersion(DemarchePermis.TITRE_APRES_EXAMEN).champ("neph").map(Champ::obligatoire)).contains(false);
    }

    @Test
    void lesDefinitionsDuPermisEntrentDansLeCatalogueDuMoteur() {
        // The agent's dossier page (and every generic page) reads a dossier's definition from the one catalogue.
        assertThat(CatalogueFormulaires.chargerDepuisClasspath().identifiants())
                .containsAll(java.util.Arrays.stream(DemarchePermis.values()).map(DemarchePermis::formulaire).toList());
    }

    @Test
    void uneDefinitionSansDemarcheOuUneDemarcheSansDefinitionEstRefusee() {
        assertThatThrownBy(() -> new FormulairesPermis(new CatalogueFormulaires(List.of())))
                .isInstanceOf(DefinitionFormulaireInvalideException.class).hasMessageContaining("Aucune définition");
    }
}
