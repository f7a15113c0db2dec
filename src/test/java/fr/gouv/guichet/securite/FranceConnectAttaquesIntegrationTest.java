package fr.gouv.guichet.securite;

import fr.gouv.fauxidp.Persona;
import fr.gouv.fauxidp.Persona.Defaut;
import fr.gouv.fauxidp.Personas;
import fr.gouv.guichet.support.ComptesDeTest;
import fr.gouv.guichet.support.NavigationOidc;
import fr.gouv.guichet.support.NavigationOidc.Page;
import fr.gouv.guichet.support.TestGuichet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Account takeover through FranceConnect: an identity whose e-mail is someone else's account's never gets in by the
 * e-mail, cannot guess the password without being throttled, and the link page is useless without an identity.
 */
@TestGuichet
class FranceConnectAttaquesIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encodeur;

    @Test
    void uneIdentiteFranceConnectALAdresseDUneVictimeNEntreNiParLAdresseNiEnDevinantLeMotDePasse() {
        ComptesDeTest.Compte victime = new ComptesDeTest(jdbc, encodeur).usager("83");
        String cle = "attaquant-" + UUID.randomUUID();
        Persona attaquant = Personas.fc(cle, "Attaquant", "Eve", "MALVEILLANTE", "", "1990-01-01", "female", "75056",
                "99100", victime.email(), Defaut.AUCUN);
        Personas.ajouter(attaquant);
        NavigationOidc navigateur = new NavigationOidc(port);
        Page page = navigateur.connexion("/oauth2/authorization/franceconnect", cle);
        assertThat(page.adresse().getPath()).isEqualTo("/connexion/franceconnect/rattachement");
        for (int i = 0; i < 6; i++) {
            page = navigateur.soumettre("/connexion/franceconnect/rattachement", page, Map.of("motDePasse", "essai " + i));
        }
        assertThat(page.contenu()).contains("Trop de tentatives");
        page = navigateur.soumettre("/connexion/franceconnect/rattachement", page, Map.of("motDePasse", ComptesDeTest.MOT_DE_PASSE));
        assertThat(page.contenu()).as("freiné : même le bon mot de passe n’est plus essayé").contains("Trop de tentatives");
        assertThat(navigateur.ouvrir("/compte").adresse().getPath()).isEqualTo("/connexion");
        assertThat(jdbc.sql("select count(*) from usager_franceconnect where usager_id = ? or sub = ?")
                .params(victime.id(), attaquant.sub()).query(Integer.class).single()).isZero();
        jdbc.sql("delete from echec_connexion where lower(email) = lower(?)").param(victime.email()).update();
    }

    @Test
    void sansIdentiteEnAttenteLaPageDeRattachementNeRelieRien() {
        ComptesDeTest.Compte victime = new ComptesDeTest(jdbc, encodeur).usager("83");
        NavigationOidc navigateur = new NavigationOidc(port);
        Page connexion = navigateur.ouvrir("/connexion");
        Page page = navigateur.soumettre("/connexion/franceconnect/rattachement", connexion, Map.of("motDePasse", ComptesDeTest.MOT_DE_PASSE,
                "email", victime.email()));
        assertThat(page.adresse().getPath()).isEqualTo("/connexion");
        assertThat(navigateur.ouvrir("/compte").adresse().getPath()).isEqualTo("/connexion");
        assertThat(jdbc.sql("select count(*) from usager_franceconnect where usager_id = ?").param(victime.id())
                .query(Integer.class).single()).isZero();
    }
}
