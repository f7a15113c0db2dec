package fr.gouv.guichet.socle.charge;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DelestageChargeTest {

    private final ExecutorService fils = Executors.newCachedThreadPool();
    private final CountDownLatch liberer = new CountDownLatch(1);

    @AfterEach
    void arreter() {
        liberer.countDown();
        fils.shutdownNow();
    }

    private static MockHttpServletRequest requete(String chemin, boolean session) {
        MockHttpServletRequest r = new MockHttpServletRequest("GET", chemin);
        if (session) {
            r.setCookies(new Cookie("GUICHET_SESSION", "abc"));
        }
        return r;
    }

    /** Occupies one place until the test ends; returns once the request is inside the chain. */
    private void occuper(DelestageCharge filtre, boolean session) throws Exception {
        CountDownLatch entree = new CountDownLatch(1);
        FilterChain bloquee = (req, rep) -> {
            entree.countDown();
            try {
                liberer.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        fils.submit(() -> {
            filtre.doFilter(requete("/usager/dossiers", session), new MockHttpServletResponse(), bloquee);
            return null;
        });
        assertThat(entree.await(5, TimeUnit.SECONDS)).isTrue();
    }

    private static MockHttpServletResponse servir(DelestageCharge filtre, String chemin, boolean session) throws Exception {
        MockHttpServletResponse reponse = new MockHttpServletResponse();
        filtre.doFilter(requete(chemin, session), reponse, (req, rep) -> ((jakarta.servlet.http.HttpServletResponse) rep).setStatus(200));
        return reponse;
    }

    @Test
    void sous_la_limite_les_requetes_passent() throws Exception {
        DelestageCharge filtre = new DelestageCharge(4, Duration.ofMillis(200), Duration.ofSeconds(5), "GUICHET_SESSION");
        occuper(filtre, true);
        assertThat(servir(filtre, "/usager/dossiers", true).getStatus()).isEqualTo(200);
        assertThat(filtre.delestees()).isZero();
    }

    @Test
    void au_dela_de_la_limite_503_avec_retry_after_en_moins_d_une_seconde() throws Exception {
        DelestageCharge filtre = new DelestageCharge(2, Duration.ofMillis(300), Duration.ofSeconds(5), "GUICHET_SESSION");
        occuper(filtre, true);
        occuper(filtre, true);
        long debut = System.nanoTime();
        MockHttpServletResponse reponse = servir(filtre, "/usager/dossiers", true);
        long ms = (System.nanoTime() - debut) / 1_000_000;
        assertThat(reponse.getStatus()).isEqualTo(503);
        assertThat(reponse.getHeader("Retry-After")).isEqualTo("5");
        assertThat(reponse.getContentAsString()).contains("Service momentanément surchargé", "lang=\"fr\"", "Réessayez dans 5 secondes");
        assertThat(ms).isBetween(250L, 1000L);
        assertThat(filtre.delestees()).isEqualTo(1);
    }

    @Test
    void les_arrivees_sans_session_n_ont_que_la_moitie_des_places() throws Exception {
        DelestageCharge filtre = new DelestageCharge(4, Duration.ofMillis(100), Duration.ofSeconds(3), "GUICHET_SESSION");
        occuper(filtre, false);
        occuper(filtre, false);
        assertThat(servir(filtre, "/", false).getStatus()).as("3e arrivée : délestée").isEqualTo(503);
        assertThat(servir(filtre, "/usager/dossiers", true).getStatus()).as("travail en cours : servi").isEqualTo(200);
    }

    @Test
    void fichiers_statiques_et_sonde_de_sante_jamais_delestes() throws Exception {
        DelestageCharge filtre = new DelestageCharge(1, Duration.ofMillis(50), Duration.ofSeconds(5), "GUICHET_SESSION");
        occuper(filtre, true);
        for (String chemin : List.of("/dsfr/dsfr.min.css", "/js/formulaire.js", "/css/guichet.css", "/actuator/health")) {
            assertThat(servir(filtre, chemin, false).getStatus()).as(chemin).isEqualTo(200);
        }
        assertThat(servir(filtre, "/", false).getStatus()).isEqualTo(503);
    }

    @Test
    void une_surcharge_signalee_plus_loin_devient_un_503() throws Exception {
        DelestageCharge filtre = new DelestageCharge(4, Duration.ofMillis(50), Duration.ofSeconds(7), "GUICHET_SESSION");
        MockHttpServletResponse reponse = new MockHttpServletResponse();
        filtre.doFilter(requete("/connexion", true), reponse, (req, rep) -> {
            throw new jakarta.servlet.ServletException(new ServiceSurcharge("trop de connexions simultanées"));
        });
        assertThat(reponse.getStatus()).isEqualTo(503);
        assertThat(reponse.getHeader("Retry-After")).isEqualTo("7");
        assertThatThrownBy(() -> filtre.doFilter(requete("/", true), new MockHttpServletResponse(), (req, rep) -> {
            throw new IllegalStateException("autre panne");
        })).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void les_places_sont_rendues_apres_chaque_requete_meme_en_erreur() throws Exception {
        DelestageCharge filtre = new DelestageCharge(2, Duration.ofMillis(50), Duration.ofSeconds(5), "GUICHET_SESSION");
        List<Future<Integer>> reponses = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            boolean session = i % 2 == 0;
            reponses.add(fils.submit(() -> {
                try {
                    filtre.doFilter(requete("/", session), new MockHttpServletResponse(), (req, rep) -> {
                        throw new IllegalStateException("panne");
                    });
                } catch (IllegalStateException attendu) {
                    return 1;
                }
                return 0;
            }));
        }
        for (Future<Integer> f : reponses) {
            f.get(10, TimeUnit.SECONDS);
        }
        occuper(filtre, false);
        assertThat(servir(filtre, "/usager/dossiers", true).getStatus()).as("aucune place perdue").isEqualTo(200);
    }
}
