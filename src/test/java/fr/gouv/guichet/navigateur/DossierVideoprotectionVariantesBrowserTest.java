package fr.gouv.guichet.navigateur;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import fr.gouv.guichet.demarche.NumeroDossier;
import fr.gouv.guichet.formulaire.CatalogueFormulaires;
import fr.gouv.guichet.formulaire.Champ;
import fr.gouv.guichet.support.ComptesDeTest;
import fr.gouv.guichet.support.Navigateur;
import fr.gouv.guichet.support.TestGuichet;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static fr.gouv.guichet.navigateur.ParcoursVideoprotectionBrowserTest.bouton;
import static fr.gouv.guichet.navigateur.ParcoursVideoprotectionBrowserTest.cocher;
import static fr.gouv.guichet.navigateur.ParcoursVideoprotectionBrowserTest.remplirPage1;
import static fr.gouv.guichet.navigateur.ParcoursVideoprotectionBrowserTest.remplirPage2;
import static fr.gouv.guichet.navigateur.ParcoursVideoprotectionBrowserTest.remplirPage3;
import static fr.gouv.guichet.support.Navigateur.verifierAccessibilite;
import static org.assertj.core.api.Assertions.assertThat;

/** Videoprotection journeys without JavaScript, the banks' variant, modification references, autosave. */
@TestGuichet
class DossierVideoprotectionVariantesBrowserTest extends ParcoursDossierNavigateur {

    @Test
    void nouvelleDemande_parcoursCompletSansJavaScript() {
        ComptesDeTest.Compte compte = new ComptesDeTest(jdbc, encodeur).usager("83");
        Path affiche = pdf("affiche.pdf", "Affiche d'information du public");
        try (BrowserContext sansJs = navigateur.contexteSansJavaScript()) {
            Page page = connecte(sansJs, compte);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Vidéoprotection")).click();
            assertThat(page.locator("h1")).hasText("Vidéoprotection : choisir la démarche");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Demande d’autorisation d’un nouveau système")).click();
            bouton(page, "Commencer le formulaire");
            assertThat(page.locator("#lieu-erreur")).hasText("Indiquez où le système est installé.");
            cocher(page, "#lieu-un");
            bouton(page, "Commencer le formulaire");

            assertThat(page.locator(".fr-stepper__state")).hasText("Étape 1 sur 3");
            assertThat(page.locator("input[name=nature_demande][value=nouveau]")).isChecked();
            assertThat(page.locator("#etat-sauvegarde")).isEmpty();
            bouton(page, "Page suivante");
            assertThat(page.locator("#champ-nom_naissance-erreur")).isVisible();
            remplirPage1(page);
            bouton(page, "Page suivante");
            assertThat(page.locator(".fr-stepper__state")).hasText("Étape 2 sur 3");
            remplirPage2(page);
            bouton(page, "Page suivante");
            assertThat(page.locator(".fr-stepper__state")).hasText("Étape 3 sur 3");
            remplirPage3(page);
            bouton(page, "Valider");

            assertThat(page.locator("h1")).hasText("Vérifier et valider votre demande");
            assertThat(page.locator("main")).containsText("Boulangerie du Port");
            bouton(page, "Valider définitivement ma demande");
            assertThat(page.locator("#certification-erreur")).isVisible();
            cocher(page, "#certification");
            bouton(page, "Valider définitivement ma demande");

            assertThat(page.locator("#numero-dossier")).hasText(NUMERO_VP);
            assertThat(page.locator("#statut-dossier")).hasText("Transmis à la préfecture");
            String numero = page.locator("#numero-dossier").textContent();
            assertThat(jdbc.sql("select etat from dossier where numero = ?").param(numero).query(String.class).single()).isEqualTo("DEPOSE");

            page.locator("#code-piece").selectOption(new com.microsoft.playwright.options.SelectOption()
                    .setLabel("Modèle d'affiche d'information du public"));
            page.locator("#fichier").setInputFiles(affiche);
            bouton(page, "Joindre ce document");
            assertThat(page.locator(".fr-alert--success")).containsText("« affiche.pdf » est joint à votre dossier");
            assertThat(lienDuTableau(page, "affiche.pdf")).isVisible();

            ecrireALaPrefecture(page, "Les plans suivront par courrier.");
            long pieces = jdbc.sql("select count(*) from piece_jointe p join dossier d on d.id = p.dossier_id where d.numero = ?")
                    .param(numero).query(Long.class).single();
            assertThat(pieces).isEqualTo(1);
        }
    }

    @Test
    void etablissementBancaire_deuxAgences_sansJavaScript_puisRecapitulatif() {
        ComptesDeTest.Compte compte = new ComptesDeTest(jdbc, encodeur).usager("83");
        long id;
        try (BrowserContext sansJs = navigateur.contexteSansJavaScript()) {
            Page page = connecte(sansJs, compte);
            page.navigate(url("/usager/videoprotection"));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Demande d’un établissement bancaire")).click();
            assertThat(page.locator("h1")).containsText("bancaire");
            cocher(page, "#lieu-un");
            bouton(page, "Commencer le formulaire");
            assertThat(page.locator("main")).containsText("CERFA n° 14095*03");
            assertThat(page.locator(".fr-stepper__state")).hasText("Étape 1 sur 3");
            assertThat(page.locator("input[name=qualite]")).hasCount(0);

            page.locator("#champ-nom_naissance").fill("Durand");
            page.locator("#champ-prenom").fill("Paul");
            page.locator("#champ-denomination").fill("Banque Populaire Méditerranée");
            page.locator("#champ-activite").fill("Agences bancaires");
            page.locator("#champ-declarant_voie").fill("457 promenade des Anglais");
            page.locator("#champ-declarant_code_postal").fill("06200");
            page.locator("#champ-declarant_commune").fill("Nice");
            page.locator("#champ-declarant_telephone").fill("04 93 00 00 00");
            page.locator("#champ-contact_images_nom").fill("Direction de la sécurité");
            page.locator("#champ-contact_images_telephone").fill("04 93 00 00 01");
            bouton(page, "Page suivante");

            assertThat(page.locator(".fr-stepper__state")).hasText("Étape 2 sur 3");
            cocher(page, "input[name=finalites][value=securite_personnes]");
            cocher(page, "input[name=finalites][value=prevention_atteintes_biens]");
            page.locator("#champ-horaires_ouverture").fill("Du lundi au vendredi, de 8 h 30 à 17 h 30");
            cocher(page, "input[name=etablissement_recevant_public][value=oui]");
            page.locator("#champ-systeme_voie").fill("1 boulevard de Strasbourg");
            page.locator("#champ-systeme_code_postal").fill("83000");
            page.locator("#champ-systeme_commune").fill("Toulon");
            cocher(page, "input[name=perimetre_videoprotege][value=non]");
            assertThat(page.locator("#champ-agences-legende")).containsText("Agences");
            assertThat(page.locator("#champ-agences-0-legende")).hasText("Agence 1");
            assertThat(page.locator("#champ-agences-1")).hasCount(0);
            page.locator("#champ-agences-0-nom").fill("Agence Toulon Port");
            page.locator("#champ-agences-0-voie").fill("3 quai Cronstadt");
            page.locator("#champ-agences-0-code_postal").fill("83000");
            page.locator("#champ-agences-0-commune").fill("Toulon");
            page.locator("#champ-agences-0-cameras_interieures").fill("4");
            page.locator("#champ-agences-0-cameras_exterieures").fill("1");
            bouton(page, "Enregistrer et ajouter une autre agence");

            assertThat(page.locator("#champ-agences-0-nom")).hasValue("Agence Toulon Port");
            assertThat(page.locator("#champ-agences-1-legende")).hasText("Agence 2");
            assertThat(page.locator("#champ-agences-1-nom")).isEmpty();
            assertThat(page.locator("#champ-finalites-1")).isChecked();
            page.locator("#champ-agences-1-nom").fill("Agence Hyères Centre");
            page.locator("#champ-agences-1-voie").fill("8 avenue Gambetta");
            page.locator("#champ-agences-1-code_postal").fill("83400");
            page.locator("#champ-agences-1-commune").fill("Hyères");
            page.locator("#champ-agences-1-cameras_interieures").fill("3");
            page.locator("#champ-agences-1-cameras_exterieures").fill("0");
            bouton(page, "Page suivante");
            assertThat(page.locator(".fr-stepper__state")).hasText("Étape 3 sur 3");
            id = jdbc.sql("select id from dossier where usager_id = ?").param(compte.id()).query(Long.class).single();
        }

        // On another device, with JavaScript: both agencies are in the draft, and the group passes axe.
        try (BrowserContext contexte = navigateur.contexte()) {
            Page page = connecte(contexte, compte);
            page.navigate(url("/usager/dossiers/" + id + "/pages/2"));
            assertThat(page.locator("#champ-agences-0-nom")).hasValue("Agence Toulon Port");
            assertThat(page.locator("#champ-agences-1-nom")).hasValue("Agence Hyères Centre");
            assertThat(page.locator("#champ-agences-2-legende")).hasText("Agence 3");
            assertThat(page.locator("#champ-agences-2-nom")).isEmpty();
            verifierAccessibilite(page);
        }

        try (BrowserContext sansJs = navigateur.contexteSansJavaScript()) {
            Page page = connecte(sansJs, compte);
            page.navigate(url("/usager/dossiers/" + id + "/pages/3"));
            remplirPage3(page);
            bouton(page, "Valider");
            assertThat(page.locator("h1")).hasText("Vérifier et valider votre demande");
            Locator agences = page.locator("dt", new Page.LocatorOptions().setHasText(Pattern.compile("^Agences$")))
                    .locator("xpath=following-sibling::dd[1]");
            assertThat(agences).containsText("1. Nom de l'agence : Agence Toulon Port");
            assertThat(agences).containsText("2. Nom de l'agence : Agence Hyères Centre");
            cocher(page, "#certification");
            bouton(page, "Valider définitivement ma demande");
            assertThat(page.locator("#numero-dossier")).hasText(NUMERO_VP);
            assertThat(page.locator("main")).containsText("Demande d’autorisation pour un établissement bancaire");
        }

        try (BrowserContext contexte = navigateur.contexte()) {
            Page page = connecte(contexte, compte);
            page.navigate(url("/usager/dossiers/" + id));
            assertThat(page.locator("#statut-dossier")).hasText("Transmis à la préfecture");
            Locator agences = page.locator("dt", new Page.LocatorOptions().setHasText(Pattern.compile("^Agences$")))
                    .locator("xpath=following-sibling::dd[1]");
            assertThat(agences).containsText("Agence Toulon Port");
            assertThat(agences).containsText("Code postal : 83000");
            assertThat(agences).containsText("Agence Hyères Centre");
            assertThat(agences).containsText("Commune : Hyères");
            verifierAccessibilite(page);
        }
        String formulaire = jdbc.sql("select formulaire_id || '*' || formulaire_version from dossier where id = ?").param(id)
                .query(String.class).single();
        assertThat(formulaire).isEqualTo("cerfa-14095*03");
        long nombreAgences = jdbc.sql("select jsonb_array_length(reponses->'agences') from dossier where id = ?").param(id)
                .query(Long.class).single();
        assertThat(nombreAgences).isEqualTo(2);
    }

    @Test
    void modification_explications_cleDeControleFausseRefusee_ancienFormatAccepte() {
        ComptesDeTest.Compte compte = new ComptesDeTest(jdbc, encodeur).usager("83");
        try (BrowserContext contexte = navigateur.contexte()) {
            Page page = connecte(contexte, compte);
            page.navigate(url("/usager/videoprotection"));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Déclaration de modification d’un système autorisé")).click();
            assertThat(page.locator("h1")).containsText("modification");
            Locator explications = page.locator(".fr-callout");
            assertThat(explications.locator("h2")).hasText("Demande complète ou simple message ?");
            assertThat(explications).containsText("Une demande de modification complète est nécessaire quand changent : la nature des lieux, "
                    + "les finalités, les conditions d’exploitation, la durée de conservation des images, les caractéristiques "
                    + "techniques du système ou son titulaire.");
            assertThat(explications).containsText("Un simple message à la préfecture suffit pour mettre à jour la liste des personnes "
                    + "habilitées à visionner les images, ou pour déplacer, ajouter ou retirer des caméras à l’intérieur d’un "
                    + "périmètre vidéoprotégé déjà autorisé");
            verifierAccessibilite(page);

            // A wrong check letter is caught (a number that exists or not gets the same answer: issue 10, point 2,
            // ReferenceAutorisationAttaquesIntegrationTest).
            String inconnu = NumeroDossier.de("VP", "83", 2020, 424242).valeur();
            page.locator("#numero").fill(inconnu.substring(0, inconnu.length() - 1) + (inconnu.endsWith("A") ? "B" : "A"));
            page.locator("#dateArrete").fill("15/03/2020");
            bouton(page, "Continuer");
            assertThat(page.locator("#numero-erreur")).containsText("la dernière lettre est une clé de contrôle");
            assertThat(page.locator("#numero")).hasAttribute("aria-invalid", "true");
            assertThat(page.locator("#resume-erreurs a[href='#numero']")).isVisible();
            verifierAccessibilite(page);

            // An older number (before Guichet) with a past date: accepted, the préfecture will check it.
            page.locator("#numero").fill("2019/0042");
            page.locator("#dateArrete").fill("10/06/2019");
            bouton(page, "Continuer");
            assertThat(page.locator(".fr-alert--info"))
                    .hasText("Cette autorisation est antérieure à Guichet : la préfecture vérifiera les références indiquées.");
            assertThat(page.locator(".fr-stepper__state")).hasText("Étape 1 sur 3");
            assertThat(page.locator("input[name=nature_demande][value=modification]")).isChecked();
            assertThat(page.locator("#champ-denomination")).isEmpty();
            verifierAccessibilite(page);
        }
        List<String> reference = jdbc.sql("select demarche || ' ' || coalesce(reference_autorisation, '') from dossier where usager_id = ?")
                .param(compte.id()).query(String.class).list();
        assertThat(reference).hasSize(1);
        assertThat(reference.getFirst()).contains("2019/0042");
    }

    @Test
    void sauvegardeAutomatique_pendantLaSaisie_retrouveeSurUnAutreAppareil() {
        ComptesDeTest.Compte compte = new ComptesDeTest(jdbc, encodeur).usager("83");
        long id;
        try (BrowserContext contexte = navigateur.contexte()) {
            Page page = connecte(contexte, compte);
            nouveauBrouillon(page);
            assertThat(page.locator("#etat-sauvegarde")).isEmpty();
            page.locator("#champ-denomination").pressSequentially("Fromagerie des Lices");
            assertThat(page.locator("#etat-sauvegarde")).containsText("enregistré automatiquement",
                    new LocatorAssertions.ContainsTextOptions().setTimeout(5000));
            verifierAccessibilite(page);
            id = jdbc.sql("select id from dossier where usager_id = ?").param(compte.id()).query(Long.class).single();
        }
        try (BrowserContext autreAppareil = navigateur.contexte()) {
            Page page = connecte(autreAppareil, compte);
            page.navigate(url("/usager/dossiers/" + id + "/pages/1"));
            assertThat(page.locator("#champ-denomination")).hasValue("Fromagerie des Lices");
            verifierAccessibilite(page);
        }
    }
}
