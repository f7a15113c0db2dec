package fr.gouv.guichet.securite;

import fr.gouv.guichet.demarche.NumeroDossier;
import fr.gouv.guichet.support.AutorisationsAccordees;
import fr.gouv.guichet.support.ComptesDeTest;
import fr.gouv.guichet.support.ConnexionsHttp;
import fr.gouv.guichet.support.TestGuichet;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Issue 10, point 2: a modification or renewal started from the references of an authorization (number and date of
 * the arrêté, both public) prefills the answers for the holder only; anyone else gets an empty form with the
 * reference recorded for the préfecture, the same answer whether the number exists or not, and the page is throttled.
 */
@TestGuichet
class ReferenceAutorisationAttaquesIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encodeur;

    ComptesDeTest comptes;
    String marqueur;

    @BeforeEach
    void init() {
        comptes = new ComptesDeTest(jdbc, encodeur);
        marqueur = "Titulaire-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private String autorisation(ComptesDeTest.Compte titulaire, LocalDate date) {
        return AutorisationsAccordees.autorisee(jdbc, titulaire.id(), "83", date,
                "{\"nature_demande\":\"nouveau\",\"qualite\":\"commercant\",\"denomination\":\"" + marqueur
                        + "\",\"telephone\":\"0611223344\",\"risque_terrorisme\":\"oui\",\"engagement\":[\"certifie\"]}");
    }

    private MvcResult verifier(Cookie session, String numero, String date) throws Exception {
        return mvc.perform(post("/usager/videoprotection/reference").cookie(session).with(csrf())
                .param("demarche", "MODIFICATION").param("numero", numero).param("dateArrete", date)).andReturn();
    }

    private String reponsesDuBrouillon(MvcResult r) {
        String url = r.getResponse().getRedirectedUrl();
        assertThat(url).as("brouillon créé").matches("/usager/dossiers/\\d+/pages/1");
        long id = Long.parseLong(url.split("/")[3]);
        return jdbc.sql("select reponses::text || ' ' || coalesce(reference_autorisation, '') from dossier where id = ?")
                .param(id).query(String.class).single();
    }

    @Test
    void unAutreUsager_nobtientQuUnFormulaireVide_avecLaReferenceNoteePourLaPrefecture() throws Exception {
        ComptesDeTest.Compte titulaire = comptes.usager("83");
        ComptesDeTest.Compte intrus = comptes.usager("83");
        String numero = autorisation(titulaire, LocalDate.of(2022, 3, 15));
        Cookie session = ConnexionsHttp.usager(mvc, intrus);

        MvcResult r = verifier(session, numero, "15/03/2022");
        String brouillon = reponsesDuBrouillon(r);
        assertThat(brouillon).doesNotContain(marqueur).doesNotContain("0611223344").doesNotContain("risque_terrorisme")
                .contains(numero);
        String page = mvc.perform(get(r.getResponse().getRedirectedUrl()).cookie(session).flashAttrs(r.getFlashMap()))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain(marqueur).doesNotContain("0611223344");

        // The holder, signed in with the account that filed it, still gets the prefilled form.
        MvcResult parLeTitulaire = verifier(ConnexionsHttp.usager(mvc, titulaire), numero, "15/03/2022");
        assertThat(reponsesDuBrouillon(parLeTitulaire)).contains(marqueur);
    }

    @Test
    void laReponse_neRevelePasSiUnNumeroExisteNiSonEtat() throws Exception {
        ComptesDeTest.Compte titulaire = comptes.usager("83");
        String numero = autorisation(titulaire, LocalDate.of(2022, 3, 15));
        String inconnu = NumeroDossier.de("VP", "83", 2020, 424_000 + (int) (Math.random() * 999)).valeur();
        String enInstruction = jdbc.sql("select numero from dossier where numero is not null and etat <> 'AUTORISE' limit 1")
                .query(String.class).optional().orElse(inconnu);
        Cookie session = ConnexionsHttp.usager(mvc, comptes.usager("83"));

        String bonneDate = message(verifier(session, numero, "15/03/2022"));
        String mauvaiseDate = message(verifier(session, numero, "16/03/2022"));
        String numeroInconnu = message(verifier(session, inconnu, "16/03/2022"));
        String pasAutorise = message(verifier(session, enInstruction, "16/03/2022"));
        assertThat(bonneDate).isEqualTo(mauvaiseDate).isEqualTo(numeroInconnu).isEqualTo(pasAutorise);
        assertThat(bonneDate).doesNotContain(numero).doesNotContain(inconnu);
    }

    private static String message(MvcResult r) throws Exception {
        return r.getResponse().getStatus() + " " + (r.getResponse().getRedirectedUrl() == null ? r.getResponse().getContentAsString()
                .replaceAll("(?s).*<div[^>]*resume-erreurs", "").replaceAll("(?s)</ul>.*", "")
                : r.getResponse().getRedirectedUrl().replaceAll("\\d+", "N") + " " + r.getFlashMap().get("messageInfo"));
    }

    @Test
    void lesVerifications_sontFreineesParCompte() throws Exception {
        ComptesDeTest.Compte intrus = comptes.usager("83");
        Cookie session = ConnexionsHttp.usager(mvc, intrus);
        int brouillons = 0;
        MvcResult r = null;
        for (int i = 0; i < 30; i++) {
            r = verifier(session, NumeroDossier.de("VP", "83", 2021, 500_000 + i).valeur(), "15/03/2022");
            if (r.getResponse().getRedirectedUrl() == null) {
                break;
            }
            brouillons++;
        }
        assertThat(brouillons).isLessThanOrEqualTo(10);
        assertThat(r.getResponse().getContentAsString()).contains("Trop de vérifications");
        assertThat(jdbc.sql("select count(*) from dossier where usager_id = ?").param(intrus.id()).query(Integer.class).single())
                .isEqualTo(brouillons);
    }
}
