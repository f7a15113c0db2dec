package fr.gouv.guichet.compte;

import fr.gouv.fauxidp.Persona;
import fr.gouv.fauxidp.Persona.Defaut;
import fr.gouv.fauxidp.Personas;
import fr.gouv.guichet.compte.internal.UsagerPrincipal;
import fr.gouv.guichet.support.ComptesDeTest;
import fr.gouv.guichet.support.ConnexionsHttp;
import fr.gouv.guichet.support.NavigationOidc;
import fr.gouv.guichet.support.TestGuichet;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Issue 18, ADR 0030: the usager's profile (id, address, département) is taken from their session, not read again at
 * each request. Every change that must sign the usager out, or that changes that profile, must still apply at the next
 * request, on every instance. The changes are made here by plain SQL on the shared database, outside this instance's
 * code and memory, as another instance (or an operator) would make them. These tests fail without the triggers of
 * migration V20261207_0201.
 */
@TestGuichet
class RevocationSessionsUsagerIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encodeur;

    private int mesDossiers(Cookie session) throws Exception {
        return mvc.perform(get("/usager/dossiers").cookie(session)).andReturn().getResponse().getStatus();
    }

    /** Signs the usager in and checks that their dossiers open. */
    private Cookie connecte(ComptesDeTest.Compte compte) throws Exception {
        Cookie session = ConnexionsHttp.usager(mvc, compte);
        assertThat(mesDossiers(session)).isEqualTo(200);
        return session;
    }

    private long sessionsDe(String nom) {
        return jdbc.sql("select count(*) from spring_session where principal_name = ?").param(nom).query(Long.class).single();
    }

    @Test
    void desactivation_suppression_mot_de_passe_adresse_ou_prefecture_changes_ailleurs_ferment_la_session() throws Exception {
        List<String> changements = List.of(
                "update usager set active = false where id = ?",
                "delete from usager where id = ?",
                "update usager set mot_de_passe = 'empreinte changée par une autre instance' where id = ?",
                "update usager set email = 'change-' || id || '@exemple.fr' where id = ?",
                "update usager set code_departement = '13' where id = ?");
        for (String changement : changements) {
            ComptesDeTest.Compte compte = new ComptesDeTest(jdbc, encodeur).usager("83");
            Cookie session = connecte(compte);
            Cookie autre = connecte(compte);

            jdbc.sql(changement).param(compte.id()).update();
            assertThat(sessionsDe(compte.email())).as("sessions supprimées avec : " + changement).isZero();
            assertThat(mesDossiers(session)).as("session révoquée par : " + changement).isEqualTo(302);
            assertThat(mesDossiers(autre)).as("autre session révoquée par : " + changement).isEqualTo(302);
        }
    }

    @Test
    void une_modification_sans_effet_sur_le_profil_garde_la_session() throws Exception {
        ComptesDeTest.Compte compte = new ComptesDeTest(jdbc, encodeur).usager("83");
        ComptesDeTest.Compte voisin = new ComptesDeTest(jdbc, encodeur).usager("83");
        Cookie session = connecte(compte);
        jdbc.sql("update usager set version = version + 1, active_le = now(), code_departement = code_departement where id = ?")
                .param(compte.id()).update();
        jdbc.sql("update usager set code_departement = '13' where id = ?").param(voisin.id()).update();
        assertThat(mesDossiers(session)).isEqualTo(200);
    }

    @Test
    void le_choix_de_la_prefecture_met_a_jour_cette_session_et_ferme_les_autres() throws Exception {
        ComptesDeTest.Compte compte = new ComptesDeTest(jdbc, encodeur).usager("83");
        Cookie ici = connecte(compte);
        Cookie ailleurs = connecte(compte);

        mvc.perform(post("/usager/prefecture").cookie(ici).with(csrf()).param("departement", "13"));
        assertThat(mvc.perform(get("/usager").cookie(ici)).andReturn().getResponse().getContentAsString())
                .as("la session qui choisit garde la connexion et a la nouvelle préfecture")
                .contains("Bouches-du-Rhône").doesNotContain("Préfecture du Var");
        assertThat(mesDossiers(ailleurs)).as("les autres sessions, qui gardaient l'ancienne préfecture, sont fermées")
                .isEqualTo(302);

        jdbc.sql("update usager set mot_de_passe = 'autre empreinte' where id = ?").param(compte.id()).update();
        assertThat(mesDossiers(ici)).as("la session épargnée ne l'est que dans la transaction qui l'a nommée")
                .isEqualTo(302);
    }

    @Test
    void les_sessions_franceconnect_avec_ou_sans_adresse_sont_fermees_aussi() {
        for (String email : List.of("fc-" + UUID.randomUUID().toString().substring(0, 10) + "@exemple.fr", "")) {
            Persona persona = Personas.fc("revocation-" + UUID.randomUUID(), "Révocation (test)", "Louise", "TESTEUR", "",
                    "1948-11-05", "female", "83137", "99100", email, Defaut.AUCUN);
            Personas.ajouter(persona);
            NavigationOidc navigateur = new NavigationOidc(port);
            navigateur.connexion(FranceConnectIntegrationTest.BOUTON, persona.cle());
            assertThat(navigateur.requete("/usager/dossiers").statusCode()).isEqualTo(200);
            long id = jdbc.sql("select usager_id from usager_franceconnect where sub = ?").param(persona.sub())
                    .query(Long.class).single();
            String nom = UsagerPrincipal.nom(id, email.isEmpty() ? null : email);
            assertThat(sessionsDe(nom)).as("nom de titulaire de la session FranceConnect").isEqualTo(1);

            jdbc.sql("update usager set code_departement = '06' where id = ?").param(id).update();
            assertThat(sessionsDe(nom)).isZero();
            assertThat(navigateur.requete("/usager/dossiers").statusCode()).as("session FranceConnect révoquée")
                    .isEqualTo(302);
        }
    }
}
