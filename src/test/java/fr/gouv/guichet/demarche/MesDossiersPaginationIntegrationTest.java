package fr.gouv.guichet.demarche;

import fr.gouv.guichet.support.ComptesDeTest;
import fr.gouv.guichet.support.ConnexionsHttp;
import fr.gouv.guichet.support.TestGuichet;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** "Mes dossiers" with many dossiers: 20 deposited per page, newest first, drafts apart, nobody else's lines. */
@TestGuichet
class MesDossiersPaginationIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encodeur;

    private void deposer(long usager, int nombre, String prefixe) {
        jdbc.sql("""
                        insert into dossier (numero, usager_id, code_departement, demarche, formulaire_id, formulaire_version,
                                             etat, modifie_le, depose_le)
                        select ? || lpad(n::text, 3, '0'), ?, '83', 'VP_AUTORISATION', 'cerfa-13806', '04', 'DEPOSE',
                               now() - make_interval(mins => n), now() - make_interval(mins => n)
                        from generate_series(1, ?) n""")
                .params(prefixe, usager, nombre).update();
    }

    private String page(Cookie session, String parametres) throws Exception {
        return mvc.perform(get("/usager/dossiers" + parametres).cookie(session)).andReturn().getResponse().getContentAsString();
    }

    private static int lignes(String html, String prefixe) {
        Matcher m = Pattern.compile(">" + prefixe + "\\d{3}<").matcher(html);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void vingt_dossiers_par_page_les_plus_recents_d_abord() throws Exception {
        ComptesDeTest comptes = new ComptesDeTest(jdbc, encodeur);
        ComptesDeTest.Compte moi = comptes.usager("83");
        ComptesDeTest.Compte autre = comptes.usager("83");
        String mien = "PAG-" + moi.id() + "-";
        String sien = "PAG-" + autre.id() + "-";
        deposer(moi.id(), 45, mien);
        deposer(autre.id(), 30, sien);
        Cookie session = ConnexionsHttp.usager(mvc, moi);

        String premiere = page(session, "");
        assertThat(lignes(premiere, mien)).isEqualTo(20);
        assertThat(premiere).contains(mien + "001", "(45)", "Page 1 sur 3", "Page suivante", "page=2")
                .doesNotContain(mien + "021", sien);
        assertThat(premiere.indexOf(mien + "001")).as("le plus récent d'abord").isLessThan(premiere.indexOf(mien + "002"));

        String derniere = page(session, "?page=3");
        assertThat(lignes(derniere, mien)).isEqualTo(5);
        assertThat(derniere).contains(mien + "041", mien + "045", "Page 3 sur 3").doesNotContain(sien);

        assertThat(page(session, "?page=99")).as("au-delà : dernière page").contains("Page 3 sur 3", mien + "045");
        assertThat(page(session, "?page=-4")).contains("Page 1 sur 3", mien + "001");
        assertThat(mvc.perform(get("/usager/dossiers?page=abc").cookie(session)).andReturn().getResponse().getStatus())
                .as("numéro de page illisible : pas de 500").isLessThan(500);
    }
}
