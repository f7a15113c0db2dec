package fr.gouv.guichet.compte;

import fr.gouv.fauxidp.Persona;
import fr.gouv.fauxidp.Persona.Defaut;
import fr.gouv.fauxidp.Personas;
import fr.gouv.guichet.support.ComptesDeTest;
import fr.gouv.guichet.support.NavigationOidc;
import fr.gouv.guichet.support.NavigationOidc.Page;
import fr.gouv.guichet.support.TestGuichet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * FranceConnect sign-in against the demonstration provider (a real OIDC server, over HTTP): what Guichet asks,
 * accounts keyed on the sub, the explicit link to an existing account, the checks of ID token and userinfo, errors,
 * logout through the provider.
 */
@TestGuichet
class FranceConnectIntegrationTest {

    static final String BOUTON = "/oauth2/authorization/franceconnect";

    @LocalServerPort
    int port;
    @Value("${spring.security.oauth2.client.provider.franceconnect.issuer-uri}")
    String issuer;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encodeur;

    static Persona persona(String email, Defaut defaut) {
        String cle = "test-" + UUID.randomUUID();
        Persona persona = Personas.fc(cle, "Persona de test", "Alix Marie", "TESTEUR", "", "1980-02-29", "female",
                "75056", "99100", email, defaut);
        Personas.ajouter(persona);
        return persona;
    }

    static String emailUnique() {
        return "fc-" + UUID.randomUUID().toString().substring(0, 10) + "@exemple.fr";
    }

    @Test
    void leBoutonEnvoieAFranceConnectUneDemandeConformeAuxExigencesDeFranceConnect() {
        var reponse = new NavigationOidc(port).requete(BOUTON);
        assertThat(reponse.statusCode()).isEqualTo(302);
        URI demande = URI.create(reponse.headers().firstValue("Location").orElseThrow());
        assertThat(demande.toString()).startsWith(issuer + "/authorize?");
        Map<String, String> p = NavigationOidc.parametres(demande);
        assertThat(p.get("response_type")).isEqualTo("code");
        assertThat(p.get("acr_values")).isEqualTo("eidas1");
        assertThat(p.get("state")).hasSizeGreaterThanOrEqualTo(32);
        assertThat(p.get("nonce")).hasSizeGreaterThanOrEqualTo(32);
        assertThat(Set.of(p.get("scope").split(" "))).containsExactlyInAnyOrder("openid", "given_name", "family_name",
                "birthdate", "birthplace", "birthcountry", "gender", "preferred_username", "email");
        assertThat(p.get("redirect_uri")).isEqualTo("http://localhost:" + port + "/connexion/oidc/franceconnect");
        assertThat(p).doesNotContainKeys("code_challenge", "claims");
    }

    @Test
    void premiereConnexionCreeUnCompteSansMotDePasseEtLesSuivantesRetrouventLeMemeCompteParLeSub() {
        Persona persona = persona(emailUnique(), Defaut.AUCUN);
        NavigationOidc navigateur = new NavigationOidc(port);
        navigateur.ouvrir("/connexion");
        String sessionAvant = navigateur.cookie("GUICHET_SESSION");
        Page espace = navigateur.connexion(BOUTON, persona.cle());
        assertThat(espace.adresse().getPath()).startsWith("/usager");
        assertThat(navigateur.cookie("GUICHET_SESSION")).isNotEqualTo(sessionAvant);
        long id = jdbc.sql("select usager_id from usager_franceconnect where sub = ?").param(persona.sub()).query(Long.class).single();
        assertThat(jdbc.sql("select mot_de_passe is null and active from usager where id = ?").param(id).query(Boolean.class).single()).isTrue();
        Page compte = navigateur.ouvrir("/compte");
        assertThat(compte.contenu()).contains("Identité FranceConnect", "Alix Marie", "TESTEUR", "29/02/1980",
                "Paris", "Choisir un mot de passe");

        NavigationOidc autreJour = new NavigationOidc(port);
        assertThat(autreJour.connexion(BOUTON, persona.cle()).adresse().getPath()).startsWith("/usager");
        assertThat(autreJour.ouvrir("/compte").contenu()).contains(persona.email());
        assertThat(jdbc.sql("select count(*) from usager where lower(email) = lower(?)").param(persona.email())
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void unePersonneNeeALEtrangerEtUneDatePresumeeSontConservees() {
        String cle = "test-" + UUID.randomUUID();
        Persona persona = Personas.fc(cle, "Né à l’étranger", "Karim", "BENALI", "", "1970-01-01", "male", "", "99350",
                emailUnique(), Defaut.AUCUN);
        Personas.ajouter(persona);
        NavigationOidc navigateur = new NavigationOidc(port);
        assertThat(navigateur.connexion(BOUTON, cle).adresse().getPath()).startsWith("/usager");
        assertThat(navigateur.ouvrir("/compte").contenu()).contains("01/01/1970", "date éventuellement présumée",
                "À l’étranger : Maroc");
        assertThat(jdbc.sql("select lieu_naissance is null from usager_franceconnect where sub = ?").param(persona.sub())
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void unUserinfoNonSigneFalsifieOuUnNiveauEidasInsuffisantSontRefuses() {
        for (Defaut defaut : new Defaut[]{Defaut.USERINFO_NON_SIGNE, Defaut.USERINFO_FALSIFIE, Defaut.ACR_INSUFFISANT}) {
            Persona persona = persona(emailUnique(), defaut);
            NavigationOidc navigateur = new NavigationOidc(port);
            Page page = navigateur.connexion(BOUTON, persona.cle());
            assertThat(page.adresse().getPath()).as(defaut.name()).isEqualTo("/connexion/franceconnect/erreur");
            assertThat(page.contenu()).as(defaut.name())
                    .contains("La réponse de FranceConnect n’a pas pu être vérifiée").doesNotContain("Exception");
            assertThat(navigateur.ouvrir("/usager").adresse().getPath()).isEqualTo("/connexion");
            assertThat(jdbc.sql("select count(*) from usager where email = ?").param(persona.email()).query(Integer.class)
                    .single()).as(defaut.name()).isZero();
        }
    }

    @Test
    void uneErreurRenvoyeeParFranceConnectDonneUnePageEnFrancaisSansReprendreLeTexteBrut() {
        NavigationOidc navigateur = new NavigationOidc(port);
        URI demande = URI.create(navigateur.requete(BOUTON).headers().firstValue("Location").orElseThrow());
        String state = NavigationOidc.parametres(demande).get("state");
        Page page = navigateur.ouvrir("/connexion/oidc/franceconnect?error=invalid_request&error_description="
                + "%3Cscript%3Ealert(1)%3C%2Fscript%3E&state=" + state);
        assertThat(page.adresse().getPath()).isEqualTo("/connexion/franceconnect/erreur");
        assertThat(page.statut()).isEqualTo(200);
        assertThat(page.contenu()).contains("FranceConnect a refusé la demande de connexion de Guichet", "Revenir à la page de connexion")
                .doesNotContain("<script>alert(1)").contains("&lt;script&gt;");
    }

    @Test
    void annulerChezLeFournisseurEstDitSimplementSurLaPageDeConnexion() {
        NavigationOidc navigateur = new NavigationOidc(port);
        Page choix = navigateur.ouvrir(BOUTON);
        Page page = navigateur.soumettre(choix.adresse().resolve("/connexion/annuler").toString(), choix, Map.of());
        assertThat(page.adresse().getPath()).isEqualTo("/connexion");
        assertThat(page.contenu()).contains("Vous avez annulé la connexion avec FranceConnect : vous n’êtes pas connecté")
                .doesNotContain("access_denied").doesNotContain("fr-alert--error");
    }

    @Test
    void unRetourRejoueOuPerimeEstDitSimplementSansCodeBrut() {
        NavigationOidc navigateur = new NavigationOidc(port);
        Page page = navigateur.ouvrir("/connexion/oidc/franceconnect?code=rejoue&state=inconnu");
        assertThat(page.adresse().getPath()).isEqualTo("/connexion");
        assertThat(page.contenu()).contains("n’est plus valable").doesNotContain("authorization_request_not_found");
    }

    @Test
    void unCompteCreeParFranceConnectNeSeSupprimePasEnUnClic() {
        Persona persona = persona(emailUnique(), Defaut.AUCUN);
        NavigationOidc navigateur = new NavigationOidc(port);
        navigateur.connexion(BOUTON, persona.cle());
        Page compte = navigateur.ouvrir("/compte");
        assertThat(compte.contenu()).contains("name=\"confirmeSuppression\"");
        Page refus = navigateur.soumettre("/compte/suppression", compte, Map.of());
        assertThat(refus.contenu()).contains("Cochez la case pour confirmer", "<title>Erreur : ");
        assertThat(jdbc.sql("select count(*) from usager_franceconnect where sub = ?").param(persona.sub()).query(Integer.class).single()).isOne();
        Page supprime = navigateur.soumettre("/compte/suppression", refus, Map.of("confirmeSuppression", "true"));
        assertThat(supprime.contenu()).contains("Votre compte a été supprimé");
        assertThat(jdbc.sql("select count(*) from usager_franceconnect where sub = ?").param(persona.sub()).query(Integer.class).single()).isZero();
    }

    @Test
    void lAdresseDUnCompteExistantNeSuffitPasPourYEntrerSonMotDePasseEstDemandeUneFois() {
        ComptesDeTest.Compte local = new ComptesDeTest(jdbc, encodeur).usager("83");
        Persona persona = persona(local.email().toUpperCase(), Defaut.AUCUN);
        NavigationOidc navigateur = new NavigationOidc(port);
        Page rattachement = navigateur.connexion(BOUTON, persona.cle());
        assertThat(rattachement.adresse().getPath()).isEqualTo("/connexion/franceconnect/rattachement");
        assertThat(rattachement.contenu()).contains("Un compte Guichet existe déjà", "Alix Marie TESTEUR");
        assertThat(navigateur.ouvrir("/compte").adresse().getPath()).isEqualTo("/connexion");
        assertThat(navigateur.ouvrir("/usager").adresse().getPath()).isEqualTo("/connexion");

        rattachement = navigateur.ouvrir("/connexion/franceconnect/rattachement");
        Page refus = navigateur.soumettre("/connexion/franceconnect/rattachement", rattachement, Map.of("motDePasse", "mauvais mot de passe"));
        assertThat(refus.contenu()).contains("Le mot de passe est incorrect");
        assertThat(navigateur.ouvrir("/usager").adresse().getPath()).isEqualTo("/connexion");
        assertThat(jdbc.sql("select count(*) from usager_franceconnect where sub = ?").param(persona.sub()).query(Integer.class).single()).isZero();

        Page relie = navigateur.soumettre("/connexion/franceconnect/rattachement", refus, Map.of("motDePasse", ComptesDeTest.MOT_DE_PASSE));
        assertThat(relie.adresse().getPath()).startsWith("/usager");
        assertThat(relie.contenu()).contains("Votre identité FranceConnect est maintenant reliée");
        assertThat(jdbc.sql("select usager_id from usager_franceconnect where sub = ?").param(persona.sub()).query(Long.class).single())
                .isEqualTo(local.id());

        NavigationOidc plusTard = new NavigationOidc(port);
        assertThat(plusTard.connexion(BOUTON, persona.cle()).adresse().getPath()).startsWith("/usager");
        Page compte = plusTard.ouvrir("/compte");
        assertThat(compte.contenu()).contains(local.email(), "Supprimer le lien avec FranceConnect");
        Page sansLien = plusTard.soumettre("/compte/franceconnect/suppression", compte, Map.of());
        assertThat(sansLien.contenu()).contains("Le lien avec FranceConnect est supprimé");
        assertThat(jdbc.sql("select count(*) from usager_franceconnect where usager_id = ?").param(local.id()).query(Integer.class).single()).isZero();
    }

    @Test
    void unCompteSansMotDePasseNePeutPasPerdreSonLienAvantDEnChoisirUn() {
        Persona persona = persona(emailUnique(), Defaut.AUCUN);
        NavigationOidc navigateur = new NavigationOidc(port);
        navigateur.connexion(BOUTON, persona.cle());
        Page compte = navigateur.ouvrir("/compte");
        assertThat(compte.contenu()).doesNotContain("Supprimer le lien avec FranceConnect").contains("choisissez d’abord un mot de passe")
                .as("sans mot de passe, ni changement d’adresse ni suppression ne le demandent")
                .doesNotContain("name=\"motDePasseEmail\"").doesNotContain("name=\"motDePasseSuppression\"").doesNotContain("name=\"actuel\"");
        Page refus = navigateur.soumettre("/compte/franceconnect/suppression", compte, Map.of());
        assertThat(refus.contenu()).contains("Le lien avec FranceConnect n’a pas été supprimé");
        Page motDePasse = navigateur.soumettre("/compte/mot-de-passe", refus, Map.of("actuel", "", "nouveau", "Une phrase assez longue 2026",
                "confirmation", "Une phrase assez longue 2026"));
        assertThat(motDePasse.contenu()).contains("Votre mot de passe a été modifié");
        Page supprime = navigateur.soumettre("/compte/franceconnect/suppression", motDePasse, Map.of());
        assertThat(supprime.contenu()).contains("Le lien avec FranceConnect est supprimé");
    }

    @Test
    void laDeconnexionPasseParSessionEndAvecUnStateHorsSessionVerifieAuRetour() {
        Persona persona = persona(emailUnique(), Defaut.AUCUN);
        NavigationOidc navigateur = new NavigationOidc(port);
        Page espace = navigateur.connexion(BOUTON, persona.cle());
        navigateur.oublierEtapes();
        Page accueil = navigateur.soumettre("/deconnexion", espace, Map.of());
        URI finDeSession = navigateur.etapes().stream().filter(u -> u.getPath().endsWith("/session/end")).findFirst().orElseThrow();
        assertThat(finDeSession.toString()).startsWith(issuer + "/session/end?");
        Map<String, String> p = NavigationOidc.parametres(finDeSession);
        assertThat(p.get("id_token_hint")).isNotBlank();
        assertThat(p.get("state")).hasSizeGreaterThanOrEqualTo(32);
        assertThat(p.get("post_logout_redirect_uri")).isEqualTo("http://localhost:" + port + "/deconnexion/fin");
        URI retour = navigateur.etapes().stream().filter(u -> u.getPath().equals("/deconnexion/fin")).findFirst().orElseThrow();
        assertThat(NavigationOidc.parametres(retour).get("state")).isEqualTo(p.get("state"));
        assertThat(accueil.adresse().getPath()).isEqualTo("/");
        assertThat(accueil.contenu()).contains("Vous êtes déconnecté de Guichet et de FranceConnect");
        assertThat(navigateur.ouvrir("/usager").adresse().getPath()).isEqualTo("/connexion");

        Page forge = new NavigationOidc(port).ouvrir("/deconnexion/fin?state=" + "x".repeat(43));
        assertThat(forge.contenu()).contains("n’a pas pu être vérifié").doesNotContain("déconnecté de Guichet et de FranceConnect");
    }

    @Test
    void unUsagerConnecteParMotDePasseSeDeconnecteCommeAvant() {
        ComptesDeTest.Compte local = new ComptesDeTest(jdbc, encodeur).usager("83");
        NavigationOidc navigateur = new NavigationOidc(port);
        Page connexion = navigateur.ouvrir("/connexion");
        Page espace = navigateur.soumettre("/connexion", connexion, Map.of("email", local.email(), "motDePasse", ComptesDeTest.MOT_DE_PASSE));
        assertThat(espace.adresse().getPath()).startsWith("/usager");
        navigateur.oublierEtapes();
        Page accueil = navigateur.soumettre("/deconnexion", espace, Map.of());
        assertThat(navigateur.etapes()).noneMatch(u -> u.getPath().endsWith("/session/end"));
        assertThat(accueil.contenu()).contains("Vous êtes déconnecté");
    }
}
