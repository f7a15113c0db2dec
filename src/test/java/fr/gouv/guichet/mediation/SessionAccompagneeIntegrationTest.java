package fr.gouv.guichet.mediation;

import fr.gouv.fauxidp.Persona;
import fr.gouv.fauxidp.Persona.Defaut;
import fr.gouv.fauxidp.Personas;
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
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Assisted sessions over real HTTP (issue 16, point 3): the médiateur opens one and leaves the browser, the usager
 * signs in (FranceConnect without e-mail address, or a password) and consents, the dossier filed records the place
 * only, and the end — on demand, by inactivity, on refusal — leaves no usable session.
 */
@TestGuichet
class SessionAccompagneeIntegrationTest {

    static final String LIEU = "guichet-pn-83-toulon";
    static final String MOT_DE_PASSE = "Mot de passe du médiateur 2026";
    static final Pattern CLE = Pattern.compile("name=\"cle\" value=\"([0-9a-f-]{36})\"");

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

    record Mediateur(long id, String email) {
    }

    Mediateur mediateur(String lieu) {
        String email = "mediateur-" + UUID.randomUUID().toString().substring(0, 8) + "@exemple.fr";
        return new Mediateur(mediateurs.creerAvecMotDePasse(email, "Médiateur de test", lieu, "83", MOT_DE_PASSE), email);
    }

    /** The médiateur signs in and starts a session: returns the page the usager sees. */
    Page demarrer(NavigationOidc navigateur, Mediateur m) {
        Page connexion = navigateur.ouvrir("/mediateur/connexion");
        Page espace = navigateur.soumettre("/mediateur/connexion", connexion, Map.of("email", m.email(), "motDePasse", MOT_DE_PASSE));
        assertThat(espace.adresse().getPath()).isEqualTo("/mediateur");
        Page accompagnement = navigateur.soumettre("/mediateur/sessions", espace, Map.of());
        assertThat(accompagnement.adresse().getPath()).isEqualTo("/accompagnement");
        assertThat(accompagnement.contenu()).contains("id=\"bandeau-accompagnement\"").contains("Point numérique de la préfecture du Var")
                .contains("http-equiv=\"refresh\"");
        return accompagnement;
    }

    /** A usager with a password signs in at the shared browser: the consent is asked first. */
    Page connexionParMotDePasse(NavigationOidc navigateur) {
        ComptesDeTest.Compte compte = new ComptesDeTest(jdbc, encodeur).usager("83");
        Page connexion = navigateur.ouvrir("/connexion");
        Page consentement = navigateur.soumettre("/connexion", connexion,
                Map.of("email", compte.email(), "motDePasse", ComptesDeTest.MOT_DE_PASSE));
        assertThat(consentement.adresse().getPath()).isEqualTo("/accompagnement/consentement");
        return consentement;
    }

    /** The usager files the draft from its validation page (certified): returns the page shown after filing. */
    static Page valider(NavigationOidc navigateur, long brouillon) {
        Page validation = navigateur.ouvrir("/usager/dossiers/" + brouillon + "/validation");
        Matcher cle = CLE.matcher(validation.contenu());
        assertThat(cle.find()).isTrue();
        Page depose = navigateur.soumettre("/usager/dossiers/" + brouillon + "/valider", validation,
                Map.of("cle", cle.group(1), "certification", "oui"));
        assertThat(depose.statut()).isEqualTo(200);
        return depose;
    }

    UUID derniereSession(Mediateur m) {
        return jdbc.sql("select id from session_accompagnee where mediateur_id = ? order by debut desc limit 1").param(m.id())
                .query(UUID.class).single();
    }

    @Test
    void unUsagerSansAdresseConsentDeposeAvecLaMentionDuLieuEtLaFinNeLaisseRien() {
        Mediateur m = mediateur(LIEU);
        NavigationOidc navigateur = new NavigationOidc(port);
        demarrer(navigateur, m);
        // The médiateur is signed out of the shared browser.
        assertThat(navigateur.ouvrir("/mediateur").adresse().getPath()).isEqualTo("/mediateur/connexion");

        Persona persona = Personas.fc("test-" + UUID.randomUUID(), "Sans adresse", "Louis", "SANSADRESSE", "", "1950-03-04",
                "male", "83137", "99100", "", Defaut.AUCUN);
        Personas.ajouter(persona);
        Page consentement = navigateur.connexion("/oauth2/authorization/franceconnect", persona.cle());
        assertThat(consentement.adresse().getPath()).isEqualTo("/accompagnement/consentement");
        long usager = jdbc.sql("select usager_id from usager_franceconnect where sub = ?").param(persona.sub()).query(Long.class).single();
        assertThat(jdbc.sql("select email from usager where id = ?").param(usager).query(String.class).optional()).isEmpty();
        // Nothing else before the consent.
        assertThat(navigateur.ouvrir("/usager/dossiers").adresse().getPath()).isEqualTo("/accompagnement/consentement");

        Page apres = navigateur.soumettre("/accompagnement/consentement", consentement, Map.of("decision", "accepter"));
        assertThat(apres.adresse().getPath()).isEqualTo("/usager/prefecture");
        UUID session = derniereSession(m);
        assertThat(jdbc.sql("select usager_id from session_accompagnee where id = ? and consenti_le is not null").param(session)
                .query(Long.class).single()).isEqualTo(usager);
        Page espace = navigateur.soumettre("/usager/prefecture", apres, Map.of("departement", "83"));
        assertThat(espace.contenu()).contains("id=\"alerte-sans-adresse\"");

        long brouillon = dossiers.creerBrouillon(usager, "83", "VP_AUTORISATION", "cerfa-13806", "04",
                DossiersDeTest.reponsesValides(), null, null);
        Page depose = valider(navigateur, brouillon);
        assertThat(jdbc.sql("select lieu_nom from dossier_aide where dossier_id = ? and session_id = ?").params(brouillon, session)
                .query(String.class).single()).isEqualTo("Point numérique de la préfecture du Var");

        Page fin = navigateur.soumettre("/accompagnement/fin", depose, Map.of());
        assertThat(fin.adresse().getPath()).isEqualTo("/accompagnement/terminee");
        assertThat(fin.contenu()).contains("à votre demande");
        assertThat(navigateur.etapes()).anyMatch(u -> u.getPath().endsWith("/session/end"));
        assertThat(jdbc.sql("select motif_fin from session_accompagnee where id = ?").param(session).query(String.class).single())
                .isEqualTo("USAGER");
        // Nothing usable left: no Guichet session, and FranceConnect asks again who signs in.
        assertThat(navigateur.ouvrir("/usager/dossiers").adresse().getPath()).isEqualTo("/connexion");
        assertThat(navigateur.ouvrir("/usager/dossiers/" + brouillon).adresse().getPath()).isEqualTo("/connexion");
        HttpResponse<String> franceConnect = navigateur.requete("/oauth2/authorization/franceconnect");
        Page choix = navigateur.ouvrir(franceConnect.headers().firstValue("Location").orElseThrow());
        assertThat(choix.contenu()).contains("name=\"persona\"");

        // The médiateur's activity: procedure and outcome, no personal data.
        NavigationOidc poste = new NavigationOidc(port);
        Page connexion = poste.ouvrir("/mediateur/connexion");
        Page activite = poste.soumettre("/mediateur/connexion", connexion, Map.of("email", m.email(), "motDePasse", MOT_DE_PASSE));
        // (The letters to hand over, listed above the sessions, name their recipients: other tests leave some here.)
        assertThat(activite.contenu()).contains("id=\"sessions\"");
        String sessions = activite.contenu().substring(activite.contenu().indexOf("id=\"sessions\""));
        assertThat(sessions).contains("VP_AUTORISATION").contains("dossier déposé").doesNotContain("SANSADRESSE")
                .doesNotContain("Louis");
    }

    @Test
    void apresLeDelaiSansActiviteLaSessionEstTermineeEtLaPageSuivanteNeMontreRien() {
        Mediateur m = mediateur(LIEU);
        NavigationOidc navigateur = new NavigationOidc(port);
        Page accompagnement = demarrer(navigateur, m);
        Page consentement = connexionParMotDePasse(navigateur);
        Page espace = navigateur.soumettre("/accompagnement/consentement", consentement, Map.of("decision", "accepter"));
        assertThat(espace.adresse().getPath()).isEqualTo("/usager");
        assertThat(espace.contenu()).contains("Terminer la session accompagnée");
        UUID session = derniereSession(m);

        jdbc.sql("update session_accompagnee set derniere_activite = now() - interval '11 minutes' where id = ?").param(session).update();
        Page apres = navigateur.ouvrir("/usager/dossiers");
        assertThat(apres.adresse().getPath()).isEqualTo("/accompagnement/terminee");
        assertThat(apres.contenu()).contains("sans activité").doesNotContain("@exemple.fr");
        assertThat(jdbc.sql("select motif_fin from session_accompagnee where id = ?").param(session).query(String.class).single())
                .isEqualTo("INACTIVITE");
        assertThat(navigateur.ouvrir("/usager").adresse().getPath()).isEqualTo("/connexion");

        HttpResponse<String> terminee = navigateur.requete("/accompagnement/terminee?motif=INACTIVITE");
        assertThat(terminee.headers().firstValue("Clear-Site-Data")).contains("\"cache\", \"cookies\", \"storage\"");
        assertThat(terminee.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        assertThat(accompagnement.contenu()).containsPattern("http-equiv=\"refresh\"[^>]*content=\"600; url=/accompagnement/fin\"");
    }

    @Test
    void unRefusTermineLaSessionSansLierLUsager() {
        Mediateur m = mediateur(LIEU);
        NavigationOidc navigateur = new NavigationOidc(port);
        demarrer(navigateur, m);
        Page consentement = connexionParMotDePasse(navigateur);
        Page fin = navigateur.soumettre("/accompagnement/consentement", consentement, Map.of("decision", "refuser"));
        assertThat(fin.adresse().getPath()).isEqualTo("/accompagnement/terminee");
        assertThat(fin.contenu()).contains("refusé");
        UUID session = derniereSession(m);
        assertThat(jdbc.sql("select motif_fin || ':' || coalesce(usager_id::text, 'aucun') from session_accompagnee where id = ?")
                .param(session).query(String.class).single()).isEqualTo("REFUS:aucun");
        assertThat(navigateur.ouvrir("/usager").adresse().getPath()).isEqualTo("/connexion");
    }

    @Test
    void laDeconnexionDeLUsagerTermineLaSession() {
        Mediateur m = mediateur(LIEU);
        NavigationOidc navigateur = new NavigationOidc(port);
        demarrer(navigateur, m);
        Page consentement = connexionParMotDePasse(navigateur);
        Page espace = navigateur.soumettre("/accompagnement/consentement", consentement, Map.of("decision", "accepter"));
        Page fin = navigateur.soumettre("/deconnexion", espace, Map.of());
        assertThat(fin.adresse().getPath()).isEqualTo("/accompagnement/terminee");
        assertThat(jdbc.sql("select motif_fin from session_accompagnee where id = ?").param(derniereSession(m))
                .query(String.class).single()).isEqualTo("DECONNEXION");
    }
}
