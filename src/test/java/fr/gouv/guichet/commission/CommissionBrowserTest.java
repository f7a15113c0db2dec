package fr.gouv.guichet.commission;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.gouv.guichet.agent.Agents;
import fr.gouv.guichet.agent.RoleAgent;
import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.demarche.InstructionDossiers;
import fr.gouv.guichet.videoprotection.CycleVideoprotection;
import fr.gouv.guichet.demarche.TypeActeur;
import fr.gouv.guichet.support.AgentsDeTest;
import fr.gouv.guichet.support.ComptesDeTest;
import fr.gouv.guichet.support.DossiersDeTest;
import fr.gouv.guichet.support.Navigateur;
import fr.gouv.guichet.support.TestGuichet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static fr.gouv.guichet.support.Navigateur.verifierAccessibilite;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commission's secretariat in Chromium: create a session, put a dossier on its agenda, record the opinion,
 * print the agenda. Every page, with and without errors, is checked with axe-core.
 */
@TestGuichet
class CommissionBrowserTest {

    static Navigateur navigateur;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encodeur;
    @Autowired
    Dossiers dossiers;
    @Autowired
    InstructionDossiers instruction;
    @Autowired
    Agents agents;
    @Autowired
    Commissions commissions;

    @BeforeAll
    static void lancer() {
        navigateur = new Navigateur();
    }

    @AfterAll
    static void fermer() {
        navigateur.close();
    }

    String url(String chemin) {
        return "http://localhost:" + port + chemin;
    }

    static void bouton(Page page, String nom) {
        page.locator("main").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(nom).setExact(true)).click();
    }

    @Test
    void creerUneSeance_inscrireUnDossier_enregistrerLAvis_imprimerLOrdreDuJour() throws IOException {
        AgentsDeTest.Agent agent = new AgentsDeTest(agents).agent("83", RoleAgent.INSTRUCTEUR);
        ComptesDeTest.Compte titulaire = new ComptesDeTest(jdbc, encodeur).usager("83");
        long id = dossiers.creerBrouillon(titulaire.id(), "83", "VP_AUTORISATION", "cerfa-13806", "04", DossiersDeTest.reponsesValides(),
                null, null);
        String numero = dossiers.deposer(id, titulaire.id(), UUID.randomUUID(), "VP").valeur();
        instruction.appliquer(id, CycleVideoprotection.PRENDRE_EN_CHARGE, TypeActeur.AGENT, agent.id(), null);
        LocalDate jour = LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(30);

        try (BrowserContext contexte = navigateur.contexte()) {
            Page page = contexte.newPage();
            page.navigate(url("/agent/connexion"));
            page.getByLabel("Adresse électronique professionnelle").fill(agent.email());
            page.getByLabel("Mot de passe").fill(AgentsDeTest.MOT_DE_PASSE);
            bouton(page, "Se connecter");
            assertThat(page).hasURL(Pattern.compile(".*/agent/services/83/file"));

            page.navigate(url("/agent/prefectures/83/commission"));
            assertThat(page.locator("h1")).hasText("Commission départementale de vidéoprotection");
            verifierAccessibilite(page);

            // Errors are shown next to their fields.
            bouton(page, "Créer la séance");
            assertThat(page.locator("#date-erreur")).hasText("Indiquez la date de la séance.");
            assertThat(page.locator("#heure-erreur")).hasText("Indiquez l’heure de début de la séance.");
            assertThat(page.locator("#lieu-erreur")).hasText("Indiquez le lieu de la séance.");
            assertThat(page.locator("#date")).hasAttribute("aria-invalid", "true");
            verifierAccessibilite(page);

            page.getByLabel("Date de la séance").fill(jour.toString());
            page.getByLabel("Heure de début").fill("14:30");
            page.getByLabel("Lieu de la séance").fill("Salle Jean Moulin\nPréfecture du Var, Toulon");
            bouton(page, "Créer la séance");
            assertThat(page.locator("h1")).containsText("Séance du ");
            assertThat(page.locator("h1")).containsText("à 14 h 30");
            assertThat(page.locator(".fr-alert--success")).containsText("est créée");
            assertThat(page.locator("#ordre-du-jour-vide")).isVisible();
            assertThat(page.locator("#lien-ordre-du-jour")).hasCount(0);
            verifierAccessibilite(page);

            bouton(page, "Inscrire à l’ordre du jour");
            assertThat(page.locator("#dossier-erreur")).containsText("Choisissez un dossier");
            verifierAccessibilite(page);
            page.getByLabel("Dossier à inscrire").selectOption(String.valueOf(id));
            bouton(page, "Inscrire à l’ordre du jour");
            assertThat(page.locator(".fr-alert--success")).containsText("Le dossier " + numero + " est inscrit");
            Locator agenda = page.locator("#table-ordre-du-jour");
            assertThat(agenda.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(numero))).hasAttribute("href", "/agent/dossiers/" + id);
            assertThat(agenda).containsText("Boulangerie du Port");
            assertThat(agenda).containsText("En attente de l’avis de la commission");
            assertThat(page.locator("#avis-a-venir")).containsText("à partir du début de la séance");
            verifierAccessibilite(page);

            // The session starts: opinions can be recorded.
            jdbc.sql("update seance_commission set debut = now() - interval '1 minute' where id = (select seance_id from inscription_seance where dossier_id = ? and courante)")
                    .param(id).update();
            LocalDate jourSeance = jdbc.sql("select (debut at time zone 'Europe/Paris')::date from seance_commission where id = (select seance_id from inscription_seance where dossier_id = ? and courante)")
                    .param(id).query(LocalDate.class).single();
            page.reload();
            Locator bloc = page.locator("#avis-dossier-" + id);
            bloc.locator("label[for='avis-" + id + "-DEFAVORABLE']").click();
            bloc.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Enregistrer l’avis sur le dossier " + numero)).click();
            assertThat(page.locator("#avis-" + id + "-texte-erreur")).hasText("Indiquez les motifs de l’avis défavorable.");
            assertThat(page.locator("#avis-" + id + "-DEFAVORABLE")).isChecked();
            verifierAccessibilite(page);

            bloc = page.locator("#avis-dossier-" + id);
            bloc.locator("label[for='avis-" + id + "-FAVORABLE_AVEC_RESERVES']").click();
            bloc.getByLabel("Réserves ou motifs").fill("Masquer les fenêtres des immeubles voisins.");
            bloc.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Enregistrer l’avis sur le dossier " + numero)).click();
            assertThat(page.locator(".fr-alert--success")).containsText("Avis favorable avec réserves enregistré pour le dossier " + numero);
            assertThat(page.locator("#avis-" + id + "-enregistre")).hasText("Avis enregistré : Favorable avec réserves");
            assertThat(page.locator("#table-ordre-du-jour")).containsText("Favorable avec réserves");
            Locator lien = page.locator("#lien-ordre-du-jour");
            assertThat(lien).hasText("Imprimer l’ordre du jour (PDF)");
            verifierAccessibilite(page);

            Download telechargement = page.waitForDownload(lien::click);
            assertThat(telechargement.suggestedFilename()).isEqualTo("ordre-du-jour-83-" + jourSeance + ".pdf");
            assertThat(telechargement.failure()).isNull();
            assertThat(Files.readString(telechargement.path(), StandardCharsets.ISO_8859_1)).startsWith("%PDF-");
            assertThat(commissions.avis(id)).hasValueSatisfying(a -> {
                assertThat(a.avis()).isEqualTo(Avis.FAVORABLE_AVEC_RESERVES);
                assertThat(a.dateSeance()).isEqualTo(jourSeance);
            });
        }
    }
}
