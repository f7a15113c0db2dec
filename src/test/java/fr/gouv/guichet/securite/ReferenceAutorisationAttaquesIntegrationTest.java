package fr.gouv.guichet.securite;

import fr.gouv.guichet.demarche.NumeroDossier;
import com.icegreen.greenmail.util.GreenMail;
import fr.gouv.guichet.support.AutorisationsAccordees;
import fr.gouv.guichet.support.BoiteCourriels;
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
    @Autowired
    GreenMail greenMail;

    ComptesDeTest comptes;
    String marqueur;

    @BeforeEach
    void init() {
        comptes = new ComptesDeTest(jdbc, encodeur);
        marqueur = "Titulaire-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private String autorisation(ComptesDeTest.Compte titulaire, LocalDate date) {
        return AutorisationsAccordees.autorisee(jdbc, titulaire.id(), "83", date,
                "{\"nature_demande\":\"nouveau\",\"qualite\":\"commercant\",\"declarant_email\":\"" + marqueur.toLowerCase()
                        + "@exemple.fr\",\"denomination\":\"" + marqueur
                        + "\",\"telephone\":\"0611223344\",\"risque_terrorisme\":\"oui\",\"engagement\":[\"certifie\"]}");
    }

    private MvcResult verifier(Cookie session, String numero, String date) throws Exception {
        return mvc.perform(post("/usager/videoprotection/reference").cookie(session).with(csrf())
                .param("demarche", "MODIFICATION").param("numero", numero).param("dateArrete", date)).andReturn();
    }

    private String reponsesDuBrouillon(MvcResult r) {
        String url = r.getResponse().getRedirectedUrl();
        assertThat(url).as("brouillon créé").matches("/usager/(dossiers/\\d+/pages/1|videoprotection/brouillons/\\d+/titulaire)");
        long id = Long.parseLong(url.replaceAll("\\D+", " ").strip().split(" ")[0]);
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
        String page = mvc.perform(get(r.getResponse().getRedirectedUrl()).cookie(session))
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
        String enInstruction = jdbc.sql("select numero from dossier where numero like 'VP-%' and etat <> 'AUTORISE' limit 1")
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

    private MvcResult demanderCode(Cookie session, String urlTitulaire) throws Exception {
        return mvc.perform(post(urlTitulaire + "/code").cookie(session).with(csrf())).andReturn();
    }

    private MvcResult prouver(Cookie session, String urlTitulaire, String code) throws Exception {
        return mvc.perform(post(urlTitulaire + "/preuve").cookie(session).with(csrf()).param("code", code)).andReturn();
    }

    private String codeRecu(String adresse) {
        String texte = new BoiteCourriels(greenMail).attendre(adresse, "Code pour reprendre").texte();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b(\\d{8})\\b").matcher(texte);
        assertThat(m.find()).as("code dans le courriel").isTrue();
        return m.group(1);
    }

    @Test
    void titulaireQuiNEstPasLeCompteDeposant_prouveParUnCodeEnvoyeALAdresseDuTitulaire() throws Exception {
        ComptesDeTest.Compte deposant = comptes.usager("83");
        String numero = autorisation(deposant, LocalDate.of(2022, 3, 15));
        ComptesDeTest.Compte titulaire = comptes.usager("83");
        Cookie session = ConnexionsHttp.usager(mvc, titulaire);

        String url = verifier(session, numero, "15/03/2022").getResponse().getRedirectedUrl();
        assertThat(url).matches("/usager/videoprotection/brouillons/\\d+/titulaire");
        String page = demanderCode(session, url).getResponse().getContentAsString();
        assertThat(page).contains("un code à usage unique vient d’être envoyé").doesNotContain(marqueur);
        String code = codeRecu(marqueur.toLowerCase() + "@exemple.fr");
        // Only its hash is stored.
        assertThat(jdbc.sql("select string_agg(empreinte, ' ') from code_titulaire").query(String.class).single()).doesNotContain(code);

        String faux = code.equals("00000000") ? "11111111" : "00000000";
        assertThat(prouver(session, url, faux).getResponse().getContentAsString()).contains("Ce code n’est pas valable");
        MvcResult juste = prouver(session, url, code);
        assertThat(reponsesDuBrouillon(juste)).contains(marqueur).contains("0611223344");
        // Single use.
        assertThat(prouver(session, url, code).getResponse().getContentAsString()).contains("Ce code n’est pas valable");
    }

    @Test
    void unIntrus_neRecoitPasLeCode_etLesEssaisSontBornes() throws Exception {
        ComptesDeTest.Compte deposant = comptes.usager("83");
        String numero = autorisation(deposant, LocalDate.of(2022, 3, 15));
        Cookie intrus = ConnexionsHttp.usager(mvc, comptes.usager("83"));
        String inconnu = NumeroDossier.de("VP", "83", 2020, 425_000 + (int) (Math.random() * 999)).valeur();

        String url = verifier(intrus, numero, "15/03/2022").getResponse().getRedirectedUrl();
        String urlInconnu = verifier(intrus, inconnu, "15/03/2022").getResponse().getRedirectedUrl();
        String envoi = demanderCode(intrus, url).getResponse().getContentAsString();
        String envoiInconnu = demanderCode(intrus, urlInconnu).getResponse().getContentAsString();
        assertThat(uniforme(envoi, numero)).isEqualTo(uniforme(envoiInconnu, inconnu));
        String code = codeRecu(marqueur.toLowerCase() + "@exemple.fr");
        for (int i = 0; i < 5; i++) {
            prouver(intrus, url, "%08d".formatted(i == 0 && code.equals("00000000") ? 1 : i));
        }
        // Five wrong guesses spend the code: even the right one no longer works.
        assertThat(prouver(intrus, url, code).getResponse().getContentAsString()).contains("Ce code n’est pas valable");
        assertThat(jdbc.sql("select reponses::text from dossier where id = ?")
                .param(Long.parseLong(url.replaceAll("\\D+", " ").strip())).query(String.class).single()).doesNotContain(marqueur);
    }

    /** A page with its reference, identifiers and per-request CSRF token blanked out. */
    private static String uniforme(String page, String reference) {
        return page.replace(reference, "REF").replaceAll("(?s)<input type=\"hidden\" name=\"_csrf\"[^>]*>", "")
                .replaceAll("\\d+", "N");
    }
}
