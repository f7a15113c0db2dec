package fr.gouv.guichet.mediation;

import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.mediation.internal.Mediateurs;
import fr.gouv.guichet.support.ComptesDeTest;
import fr.gouv.guichet.support.DossiersDeTest;
import fr.gouv.guichet.support.NavigationOidc;
import fr.gouv.guichet.support.NavigationOidc.Page;
import fr.gouv.guichet.support.TestGuichet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the shared browser can keep during an assisted session (issue 16, point 3): no field of any form — the
 * procedure's form rendered from its definition included — may be remembered by the browser, documents open through
 * one-time links only (a second use, or the document's own address, opens nothing), and no page may be cached. The
 * same usager outside a session keeps the ordinary autocomplete and links: the rewriting belongs to the session.
 */
@TestGuichet
class SessionAccompagneeSansTraceIntegrationTest {

    static final String MOT_DE_PASSE = SessionAccompagneeIntegrationTest.MOT_DE_PASSE;
    static final Pattern CHAMP = Pattern.compile("<(input|select|textarea|form)\\b[^>]*>");
    static final Pattern LIEN_UNIQUE = Pattern.compile("href=\"(/accompagnement/document/[0-9a-f]{32})\"[^>]*>Télécharger l’accusé");

    @LocalServerPort
    int port;
    @Autowired
    Mediateurs mediateurs;
    @Autowired
    Dossiers dossiers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encodeur;

    /** The tags that the browser could fill in from memory: every text-like input, select, textarea, and the forms. */
    static List<String> champsSaisis(String html) {
        List<String> champs = new ArrayList<>();
        Matcher m = CHAMP.matcher(html);
        while (m.find()) {
            String tag = m.group();
            if (!tag.matches("(?s).*type=\"(hidden|checkbox|radio|file|submit|button|image|reset)\".*")) {
                champs.add(tag);
            }
        }
        return champs;
    }

    Page sessionConsentie(NavigationOidc navigateur, ComptesDeTest.Compte compte) {
        String email = "mediateur-" + UUID.randomUUID().toString().substring(0, 8) + "@exemple.fr";
        mediateurs.creerAvecMotDePasse(email, "Médiateur de test", "guichet-pn-83-toulon", "83", MOT_DE_PASSE);
        Page connexionMediateur = navigateur.ouvrir("/mediateur/connexion");
        Page espace = navigateur.soumettre("/mediateur/connexion", connexionMediateur, Map.of("email", email, "motDePasse", MOT_DE_PASSE));
        navigateur.soumettre("/mediateur/sessions", espace, Map.of());
        Page connexion = navigateur.ouvrir("/connexion");
        assertThat(champsSaisis(connexion.contenu())).isNotEmpty().allSatisfy(t -> assertThat(t).contains("autocomplete=\"off\""));
        Page consentement = navigateur.soumettre("/connexion", connexion, Map.of("email", compte.email(), "motDePasse", ComptesDeTest.MOT_DE_PASSE));
        return navigateur.soumettre("/accompagnement/consentement", consentement, Map.of("decision", "accepter"));
    }

    long deposer(NavigationOidc navigateur, long usager) {
        long brouillon = dossiers.creerBrouillon(usager, "83", "VP_AUTORISATION", "cerfa-13806", "04",
                DossiersDeTest.reponsesValides(), null, null);
        SessionAccompagneeIntegrationTest.valider(navigateur, brouillon);
        return brouillon;
    }

    @Test
    void pendantLaSessionRienNEstRetenuParLeNavigateur_etLesDocumentsSOuvrentUneSeuleFois() {
        ComptesDeTest.Compte compte = new ComptesDeTest(jdbc, encodeur).usager("83");
        NavigationOidc navigateur = new NavigationOidc(port);
        Page espace = sessionConsentie(navigateur, compte);
        assertThat(espace.adresse().getPath()).isEqualTo("/usager");

        // The procedure's form, rendered from its definition (which asks for family-name, postal-code…).
        long brouillon = dossiers.creerBrouillon(compte.id(), "83", "VP_AUTORISATION", "cerfa-13806", "04",
                DossiersDeTest.reponsesValides(), null, null);
        Page formulaire = navigateur.ouvrir("/usager/dossiers/" + brouillon + "/pages/1");
        assertThat(formulaire.statut()).isEqualTo(200);
        assertThat(champsSaisis(formulaire.contenu())).hasSizeGreaterThan(3)
                .allSatisfy(t -> assertThat(t).contains("autocomplete=\"off\""));
        assertThat(formulaire.contenu()).doesNotContainPattern("autocomplete=\"(?!off\")");
        assertThat(navigateur.requete("/usager/dossiers/" + brouillon + "/pages/1").headers().firstValue("Cache-Control"))
                .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        Page notifications = navigateur.ouvrir("/usager/notifications");
        assertThat(champsSaisis(notifications.contenu())).allSatisfy(t -> assertThat(t).contains("autocomplete=\"off\""));

        long dossier = deposer(navigateur, compte.id());
        Page page = navigateur.ouvrir("/usager/dossiers/" + dossier);
        assertThat(page.contenu()).doesNotContain("recepisse.pdf");
        Matcher lien = LIEN_UNIQUE.matcher(page.contenu());
        assertThat(lien.find()).isTrue();

        HttpResponse<String> premier = navigateur.requete(lien.group(1));
        assertThat(premier.statusCode()).isEqualTo(200);
        assertThat(premier.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(premier.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        assertThat(premier.body()).startsWith("%PDF");

        HttpResponse<String> second = navigateur.requete(lien.group(1));
        assertThat(second.statusCode()).isEqualTo(302);
        assertThat(second.headers().firstValue("Location")).hasValueSatisfying(v -> assertThat(v).endsWith("/accompagnement/lien-unique"));
        assertThat(navigateur.ouvrir(lien.group(1)).contenu()).contains("id=\"explication-lien-unique\"").doesNotContain("%PDF");

        // The document's own address (history, download list) opens nothing during the session either.
        HttpResponse<String> direct = navigateur.requete("/usager/dossiers/" + dossier + "/recepisse.pdf");
        assertThat(direct.statusCode()).isEqualTo(302);
        assertThat(direct.headers().firstValue("Location")).hasValueSatisfying(v -> assertThat(v).endsWith("/accompagnement/lien-unique"));
        assertThat(direct.body()).doesNotContain("%PDF");
        // A made-up link neither.
        assertThat(navigateur.requete("/accompagnement/document/" + "0".repeat(32)).headers().firstValue("Location"))
                .hasValueSatisfying(v -> assertThat(v).endsWith("/accompagnement/lien-unique"));

        // A fresh display of the page gives a new link, which works once.
        Matcher nouveau = LIEN_UNIQUE.matcher(navigateur.ouvrir("/usager/dossiers/" + dossier).contenu());
        assertThat(nouveau.find()).isTrue();
        assertThat(nouveau.group(1)).isNotEqualTo(lien.group(1));
        // A link taken to another browser (even the same usager's, outside the session) opens nothing.
        Matcher emporte = LIEN_UNIQUE.matcher(navigateur.ouvrir("/usager/dossiers/" + dossier).contenu());
        assertThat(emporte.find()).isTrue();
        NavigationOidc ailleurs = new NavigationOidc(port);
        Page connexionAilleurs = ailleurs.ouvrir("/connexion");
        ailleurs.soumettre("/connexion", connexionAilleurs, Map.of("email", compte.email(), "motDePasse", ComptesDeTest.MOT_DE_PASSE));
        HttpResponse<String> vole = ailleurs.requete(emporte.group(1));
        assertThat(vole.statusCode()).isEqualTo(404);
        assertThat(vole.body()).doesNotContain("%PDF");
        assertThat(navigateur.requete(nouveau.group(1)).statusCode()).isEqualTo(200);

        // After the session, the links are dead: a new person at the browser gets the sign-in page.
        navigateur.soumettre("/accompagnement/fin", page, Map.of());
        Matcher encore = LIEN_UNIQUE.matcher(page.contenu());
        assertThat(encore.find()).isTrue();
        HttpResponse<String> apres = navigateur.requete(encore.group(1));
        assertThat(apres.body()).doesNotContain("%PDF");
    }

    @Test
    void horsSessionLeMemeUsagerGardeSaisieAssisteeEtLiensOrdinaires() {
        ComptesDeTest.Compte compte = new ComptesDeTest(jdbc, encodeur).usager("83");
        NavigationOidc navigateur = new NavigationOidc(port);
        Page connexion = navigateur.ouvrir("/connexion");
        assertThat(connexion.contenu()).contains("autocomplete=\"username\"");
        navigateur.soumettre("/connexion", connexion, Map.of("email", compte.email(), "motDePasse", ComptesDeTest.MOT_DE_PASSE));
        long brouillon = dossiers.creerBrouillon(compte.id(), "83", "VP_AUTORISATION", "cerfa-13806", "04",
                DossiersDeTest.reponsesValides(), null, null);
        assertThat(navigateur.ouvrir("/usager/dossiers/" + brouillon + "/pages/1").contenu()).containsPattern("autocomplete=\"(?!off\")");
        long dossier = deposer(navigateur, compte.id());
        assertThat(navigateur.ouvrir("/usager/dossiers/" + dossier).contenu())
                .contains("/usager/dossiers/" + dossier + "/recepisse.pdf").doesNotContain("/accompagnement/document/");
        assertThat(navigateur.requete("/usager/dossiers/" + dossier + "/recepisse.pdf").statusCode()).isEqualTo(200);
    }
}
