package fr.gouv.guichet.mediation;

import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.support.ComptesDeTest;
import fr.gouv.guichet.support.ConnexionsHttp;
import fr.gouv.guichet.support.DossiersPermisDeTest;
import fr.gouv.guichet.support.TestGuichet;
import fr.gouv.guichet.timbre.ServiceTimbres;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * « J'ai besoin d'aide » on the pages of the newer procedures (issue 16, point 2): the page is described, the dossier
 * named by the procedure's own address is recognised, its real instructing service (a CERT for a permis) is shown
 * with a way to reach it, and the way out of the state the page is about comes first.
 */
@TestGuichet
class AideNouvellesDemarchesIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encodeur;
    @Autowired
    Dossiers dossiers;
    @Autowired
    ServiceTimbres timbres;

    String aide(String depuis, @org.jspecify.annotations.Nullable Cookie session) throws Exception {
        var requete = get("/besoin-d-aide").param("depuis", depuis);
        return mvc.perform(session == null ? requete : requete.cookie(session)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void unDossierDePermis_leCertQuiLInstruitEtCommentLeJoindre_depuisLesPagesDuPermis() throws Exception {
        ComptesDeTest.Compte compte = new ComptesDeTest(jdbc, encodeur).usager("83");
        long id = new DossiersPermisDeTest(dossiers, timbres).deposer(compte.id(), "83", DossiersPermisDeTest.reponses());
        Map<String, Object> service = jdbc.sql("""
                        select s.type, s.nom, s.telephone, s.courriel from dossier d join service_instructeur s on s.code = d.service
                        where d.id = ?""").param(id).query().singleRow();
        assertThat(service.get("type")).isEqualTo("CERT");
        assertThat((String) service.get("telephone")).isNotBlank();
        assertThat((String) service.get("courriel")).isNotBlank();

        Cookie session = ConnexionsHttp.usager(mvc, compte);
        String photo = aide("/usager/permis/dossiers/" + id + "/photo", session);
        assertThat(photo).contains("Vous étiez sur la page « Photo et signature du permis »")
                .contains("id=\"coordonnees-service\"").contains((String) service.get("nom"))
                .contains((String) service.get("courriel")).contains((String) service.get("telephone"))
                .doesNotContain("Préfecture du Var — Bureau");
        assertThat(photo.indexOf("id=\"timbre-refuse\"")).isLessThan(photo.indexOf("id=\"compte-verrouille\""));

        // Someone else learns nothing of the dossier from its address.
        String autre = aide("/usager/permis/dossiers/" + id + "/photo",
                ConnexionsHttp.usager(mvc, new ComptesDeTest(jdbc, encodeur).usager("83")));
        assertThat(autre).doesNotContain("id=\"coordonnees-service\"").doesNotContain((String) service.get("courriel"));
    }

    @Test
    void lesBlocagesDesNouvellesDemarches_codeDeCessionPaiementEtSansAdresse_viennentDAbordAvecUneVraieIssue() throws Exception {
        String achat = aide("/usager/vehicules/achat", null);
        assertThat(achat).contains("Vous étiez sur la page « Achat d’un véhicule d’occasion »")
                .contains("déclarez à nouveau la cession").contains("href=\"/usager/vehicules\"");
        assertThat(achat.indexOf("id=\"code-cession-perdu\"")).isLessThan(achat.indexOf("id=\"compte-verrouille\""));

        String paiement = aide("/usager/vehicules/paiements/REF-1", null);
        assertThat(paiement).contains("« Paiement »");
        assertThat(paiement.indexOf("id=\"paiement-bloque\"")).isLessThan(paiement.indexOf("id=\"compte-verrouille\""));

        String identite = aide("/usager/identite", null);
        assertThat(identite).contains("« Carte d’identité et passeport »");
        assertThat(identite.indexOf("id=\"timbre-refuse\"")).isLessThan(identite.indexOf("id=\"compte-verrouille\""));

        // No e-mail address: the way out is FranceConnect and a chosen recipient, not "an address is required".
        String inscription = aide("/inscription", null);
        assertThat(inscription).contains("href=\"/usager/notifications\"").contains("FranceConnect")
                .doesNotContain("une adresse électronique est donc nécessaire");
        assertThat(inscription.indexOf("id=\"sans-adresse-electronique\"")).isLessThan(inscription.indexOf("id=\"timbre-refuse\""));
    }
}
