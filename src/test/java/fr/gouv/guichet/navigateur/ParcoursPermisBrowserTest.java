package fr.gouv.guichet.navigateur;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.gouv.fauxservices.JeuDeDemonstration;
import fr.gouv.guichet.demarche.Dossier;
import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.permis.DemarchePermis;
import fr.gouv.guichet.permis.ReponsesPermisDeTest;
import fr.gouv.guichet.support.ComptesDeTest;
import fr.gouv.guichet.support.TestGuichet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static fr.gouv.guichet.navigateur.ParcoursVideoprotectionBrowserTest.bouton;
import static fr.gouv.guichet.navigateur.ParcoursVideoprotectionBrowserTest.cocher;
import static fr.gouv.guichet.support.Navigateur.verifierAccessibilite;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The licence usager journeys in Chromium (issue 12 B), each page checked with axe-core and the Nu HTML Checker: an
 * inscription (NEPH), a loss paid with a timbre, a theft with a timbre already used (refused, nothing lost), and a
 * loss without JavaScript. The identity pages of the form are filled through the application (they are the generic
 * pages the videoprotection journeys already drive); the ePhoto code and the timbre are typed in the browser.
 */
@TestGuichet
class ParcoursPermisBrowserTest extends ParcoursDossierNavigateur {

    static final Pattern NUMERO_PC = Pattern.compile("PC-083-\\d{4}-\\d{6}-[A-Z]");

    @Autowired
    Dossiers dossiers;

    /** From the home page to the first form page of the procedure, through "what you will need". */
    long commencer(Page page, DemarchePermis demarche, boolean javascript) {
        page.navigate(url("/"));
        page.locator("main").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Permis de conduire")).first().click();
        assertThat(page.locator("h1")).hasText("Permis de conduire : choisir la démarche");
        if (javascript) {
            verifierAccessibilite(page);
        }
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(demarche.libelle()).setExact(true)).click();
        assertThat(page.locator("#ce-qu-il-faudra")).containsText("code ePhoto");
        if (javascript) {
            verifierAccessibilite(page);
        }
        bouton(page, "Commencer la demande");
        assertThat(page.locator(".fr-stepper__state")).hasText("Étape 1 sur 3");
        if (javascript) {
            verifierAccessibilite(page);
        }
        return Long.parseLong(page.url().replaceAll(".*/usager/dossiers/(\\d+)/pages/1.*", "$1"));
    }

    /** Pages 1 and 2 answered (as the generic pages would save them), then page 3 typed in the browser. */
    void remplir(Page page, ComptesDeTest.Compte compte, long id, DemarchePermis demarche, String timbre, boolean javascript) {
        Map<String, Object> reponses = new HashMap<>(ReponsesPermisDeTest.valides(demarche, "x", timbreNeuf(), "Dupont"));
        reponses.remove("code_ephoto");
        reponses.remove("numero_timbre");
        Dossier brouillon = dossiers.deLUsager(id, compte.id()).orElseThrow();
        dossiers.enregistrer(id, compte.id(), brouillon.version(), reponses);
        page.navigate(url("/usager/dossiers/" + id + "/pages/3"));
        page.locator("#champ-code_ephoto").fill(JeuDeDemonstration.EPHOTO_VALIDES.getFirst().substring(0, 4) + " "
                + JeuDeDemonstration.EPHOTO_VALIDES.getFirst().substring(4));
        if (page.locator("#champ-numero_timbre").count() > 0) {
            page.locator("#champ-numero_timbre").fill(timbre);
        }
        bouton(page, "Valider");
        assertThat(page.locator("h1")).hasText("Photo et signature numériques");
        assertThat(page.locator("#photo-ephoto")).isVisible();
        if (javascript) {
            verifierAccessibilite(page);
        }
        bouton(page, "Je confirme ma photo et ma signature");
        assertThat(page.locator("h1")).hasText("Vérifier et valider votre demande");
        if (javascript) {
            verifierAccessibilite(page);
        }
        cocher(page, "#certification");
        bouton(page, "Valider définitivement ma demande");
    }

    static String timbreNeuf() {
        return JeuDeDemonstration.PREFIXE_TIMBRES_25_EUROS_A_VOLONTE + "%012d".formatted(ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
    }

    @Test
    void unePerteAvecTimbre_numeroAccuseEtTimbreSurLeDossier() {
        ComptesDeTest.Compte compte = new ComptesDeTest(jdbc, encodeur).usager("83");
        try (BrowserContext contexte = navigateur.contexte()) {
            Page page = connecte(contexte, compte);
            long id = commencer(page, DemarchePermis.PERTE, true);
            remplir(page, compte, id, DemarchePermis.PERTE, timbreNeuf(), true);
            assertThat(page.locator("#numero-dossier")).hasText(NUMERO_PC);
            assertThat(page.locator("main")).containsText("Timbre fiscal n°");
            assertThat(page.locator("main")).containsText("CERT");
            verifierAccessibilite(page);
        }
    }

    @Test
    void unVolAvecUnTimbreDejaUtilise_refuseAcoteDuFormulaire_rienNEstPerdu() {
        ComptesDeTest.Compte compte = new ComptesDeTest(jdbc, encodeur).usager("83");
        try (BrowserContext contexte = navigateur.contexte()) {
            Page page = connecte(contexte, compte);
            long id = commencer(page, DemarchePermis.VOL, true);
            remplir(page, compte, id, DemarchePermis.VOL, "2500 0000 0000 9002", true);
            assertThat(page.locator(".fr-alert--error")).containsText("déjà été utilisé pour un autre dossier");
            assertThat(page.locator("#champ-numero_timbre")).hasValue("2500 0000 0000 9002");
            verifierAccessibilite(page);
            page.locator("#champ-numero_timbre").fill(timbreNeuf());
            bouton(page, "Valider");
            assertThat(page.locator("h1")).hasText("Vérifier et valider votre demande");
            cocher(page, "#certification");
            bouton(page, "Valider définitivement ma demande");
            assertThat(page.locator("#numero-dossier")).hasText(NUMERO_PC);
        }
    }

    @Test
    void uneInscription_leNephEstAfficheSurLeDossier() {
        ComptesDeTest.Compte compte = new ComptesDeTest(jdbc, encodeur).usager("83");
        try (BrowserContext contexte = navigateur.contexte()) {
            Page page = connecte(contexte, compte);
            long id = commencer(page, DemarchePermis.INSCRIPTION, true);
            remplir(page, compte, id, DemarchePermis.INSCRIPTION, "", true);
            assertThat(page.locator("#numero-dossier")).hasText(NUMERO_PC);
            assertThat(page.locator("main")).containsText(Pattern.compile("NEPH\\) est le \\d{4} 83 01 \\d{4}"));
            verifierAccessibilite(page);
        }
    }

    @Test
    void unePerteSansJavaScript() {
        ComptesDeTest.Compte compte = new ComptesDeTest(jdbc, encodeur).usager("83");
        try (BrowserContext contexte = navigateur.contexteSansJavaScript()) {
            Page page = connecte(contexte, compte);
            long id = commencer(page, DemarchePermis.PERTE, false);
            remplir(page, compte, id, DemarchePermis.PERTE, timbreNeuf(), false);
            assertThat(page.locator("#numero-dossier")).hasText(NUMERO_PC);
            assertThat(jdbc.sql("select etat from dossier where id = ?").param(id).query(String.class).single()).isEqualTo("DEPOSE");
        }
    }

    @Test
    void unEchangeHorsUe_rendezVousPrisALaPrefecture_puisDeplaceSansJavaScript() {
        ComptesDeTest.Compte compte = new ComptesDeTest(jdbc, encodeur).usager("83");
        long id;
        try (BrowserContext contexte = navigateur.contexte()) {
            Page page = connecte(contexte, compte);
            id = commencer(page, DemarchePermis.ECHANGE_HORS_UE, true);
            remplir(page, compte, id, DemarchePermis.ECHANGE_HORS_UE, "", true);
            assertThat(page.locator("#numero-dossier")).hasText(NUMERO_PC);
            page.locator("main").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions()
                    .setName("Prendre rendez-vous à la préfecture")).click();
            assertThat(page.locator("h1")).hasText("Rendez-vous à la préfecture");
            verifierAccessibilite(page);
            bouton(page, "Réserver ce créneau");
            assertThat(page.locator("#erreur-creneau")).containsText("Choisissez un créneau");
            cocher(page, "#creneau-0-0");
            bouton(page, "Réserver ce créneau");
            assertThat(page.locator(".fr-alert--success")).containsText("Votre rendez-vous est réservé");
            assertThat(page.locator("main")).containsText("Votre rendez-vous à la préfecture pour présenter vos originaux");
            verifierAccessibilite(page);
        }
        try (BrowserContext contexte = navigateur.contexteSansJavaScript()) {
            Page page = connecte(contexte, compte);
            page.navigate(url("/usager/permis/dossiers/" + id + "/rendez-vous"));
            assertThat(page.locator("#rendez-vous-actif")).isVisible();
            cocher(page, "#creneau-0-1");
            bouton(page, "Déplacer mon rendez-vous sur ce créneau");
            assertThat(page.locator(".fr-alert--success")).containsText("Votre rendez-vous est déplacé");
        }
    }
}
