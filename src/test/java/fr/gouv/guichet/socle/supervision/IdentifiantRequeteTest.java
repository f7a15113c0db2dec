package fr.gouv.guichet.socle.supervision;

import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class IdentifiantRequeteTest {

    @Test
    void chaque_requete_a_un_identifiant_dans_les_journaux_et_la_reponse() throws Exception {
        assertThat(traiter(null)).matches("[0-9a-f-]{36}");
        assertThat(traiter("proxy-1234abcd")).isEqualTo("proxy-1234abcd");
        assertThat(traiter("<script>alert(1)</script>")).matches("[0-9a-f-]{36}");
        assertThat(traiter("x".repeat(65))).matches("[0-9a-f-]{36}");
        assertThat(MDC.get(IdentifiantRequete.CLE_MDC)).as("nettoyé après la requête").isNull();
    }

    private static String traiter(String entete) throws Exception {
        MockHttpServletRequest requete = new MockHttpServletRequest("GET", "/");
        if (entete != null) {
            requete.addHeader(IdentifiantRequete.ENTETE, entete);
        }
        MockHttpServletResponse reponse = new MockHttpServletResponse();
        AtomicReference<String> pendant = new AtomicReference<>();
        new IdentifiantRequete().doFilter(requete, reponse, new MockFilterChain() {
            @Override
            public void doFilter(jakarta.servlet.ServletRequest r, jakarta.servlet.ServletResponse s) {
                pendant.set(MDC.get(IdentifiantRequete.CLE_MDC));
            }
        });
        assertThat(reponse.getHeader(IdentifiantRequete.ENTETE)).isEqualTo(pendant.get());
        return pendant.get();
    }
}
