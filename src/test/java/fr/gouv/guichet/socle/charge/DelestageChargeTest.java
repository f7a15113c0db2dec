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
        occuper(filtre, "/usager/dossiers", session);
    }

    private void occuper(DelestageCharge filtre, String chemin, boolean session) throws Exception {
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
            filtre.doFilter(requete(chemin, session), new MockHttpServletResponse(), bloquee);
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

    /** Issue 10, point 3: places counted per client network, sessions checked for existence, slow bodies cut. */
    private void occuperDepuis(DelestageCharge filtre, String adresse) throws Exception {
        CountDownLatch entree = new CountDownLatch(1);
        fils.submit(() -> {
            MockHttpServletRequest r = requete("/usager/dossiers", true);
            r.setRemoteAddr(adresse);
            filtre.doFilter(r, new MockHttpServletResponse(), (req, rep) -> {
                entree.countDown();
                try {
                    liberer.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            return null;
        });
        assertThat(entree.await(5, TimeUnit.SECONDS)).isTrue();
    }

    private static DelestageCharge filtreComplet(int places, int parClient, java.util.function.Predicate<String> sessions) {
        return new DelestageCharge(places, places, Duration.ofMillis(100), Duration.ofSeconds(5), "GUICHET_SESSION", parClient, sessions,
                new DelestageCharge.LectureCorps(1000, Duration.ofMillis(300), Duration.ofSeconds(5), 1000, 2000));
    }

    @Test
    void un_meme_reseau_client_ne_prend_que_sa_part_des_places() throws Exception {
        DelestageCharge filtre = filtreComplet(8, 2, id -> true);
        occuperDepuis(filtre, "2001:db8:1:2::10");
        occuperDepuis(filtre, "2001:db8:1:2::11");
        MockHttpServletRequest memeReseau = requete("/", true);
        memeReseau.setRemoteAddr("2001:db8:1:2:ffff::1");
        MockHttpServletResponse refusee = new MockHttpServletResponse();
        filtre.doFilter(memeReseau, refusee, (req, rep) -> ((jakarta.servlet.http.HttpServletResponse) rep).setStatus(200));
        assertThat(refusee.getStatus()).as("même /64").isEqualTo(503);
        MockHttpServletRequest autre = requete("/", true);
        autre.setRemoteAddr("203.0.113.5");
        MockHttpServletResponse servie = new MockHttpServletResponse();
        filtre.doFilter(autre, servie, (req, rep) -> ((jakarta.servlet.http.HttpServletResponse) rep).setStatus(200));
        assertThat(servie.getStatus()).isEqualTo(200);
    }

    /** Issue 18, point 3: agents have their own share of places, that usagers never take (and the other way round). */
    @Test
    void les_agents_ont_leur_part_des_places_que_les_usagers_ne_prennent_pas() throws Exception {
        DelestageCharge filtre = new DelestageCharge(2, 2, Duration.ofMillis(100), Duration.ofSeconds(5), "GUICHET_SESSION",
                100, id -> true, new DelestageCharge.LectureCorps(1, Duration.ofMinutes(1), Duration.ofMinutes(1), 1000, 2000));
        occuper(filtre, true);
        occuper(filtre, true);
        assertThat(servir(filtre, "/usager/dossiers", true).getStatus()).as("places des usagers pleines").isEqualTo(503);
        assertThat(servir(filtre, "/agent/file", true).getStatus()).as("l'agent ne fait pas la queue derrière les usagers")
                .isEqualTo(200);
        assertThat(servir(filtre, "/agent/connexion", false).getStatus()).as("arrivée d'un agent").isEqualTo(200);
        occuper(filtre, "/agent/file", true);
        occuper(filtre, "/agent/dossiers/1", true);
        assertThat(servir(filtre, "/agent/file", true).getStatus()).as("part des agents pleine").isEqualTo(503);
        assertThat(servir(filtre, "/agentsecret", true).getStatus()).as("hors back-office : part des usagers")
                .isEqualTo(503);
    }

    @Test
    void les_usagers_gardent_leurs_places_quand_les_agents_ont_pris_les_leurs() throws Exception {
        DelestageCharge filtre = new DelestageCharge(2, 2, Duration.ofMillis(100), Duration.ofSeconds(5), "GUICHET_SESSION",
                100, id -> true, new DelestageCharge.LectureCorps(1, Duration.ofMinutes(1), Duration.ofMinutes(1), 1000, 2000));
        occuper(filtre, "/agent/file", true);
        occuper(filtre, "/agent/file", true);
        assertThat(servir(filtre, "/agent/file", true).getStatus()).isEqualTo(503);
        assertThat(servir(filtre, "/usager/dossiers", true).getStatus()).isEqualTo(200);
        assertThat(servir(filtre, "/connexion", false).getStatus()).isEqualTo(200);
    }

    @Test
    void un_cookie_de_session_invente_compte_comme_une_arrivee() throws Exception {
        DelestageCharge filtre = filtreComplet(4, 100, id -> id.equals("vraie"));
        occuper(filtre, false);
        occuper(filtre, false);
        MockHttpServletRequest inventee = requete("/", false);
        inventee.setCookies(new Cookie("GUICHET_SESSION", "x"));
        MockHttpServletResponse reponse = new MockHttpServletResponse();
        filtre.doFilter(inventee, reponse, (req, rep) -> ((jakarta.servlet.http.HttpServletResponse) rep).setStatus(200));
        assertThat(reponse.getStatus()).isEqualTo(503);
        MockHttpServletRequest vraie = requete("/", false);
        vraie.setCookies(new Cookie("GUICHET_SESSION", "vraie"));
        MockHttpServletResponse servie = new MockHttpServletResponse();
        filtre.doFilter(vraie, servie, (req, rep) -> ((jakarta.servlet.http.HttpServletResponse) rep).setStatus(200));
        assertThat(servie.getStatus()).isEqualTo(200);
    }

    @Test
    void un_corps_envoye_trop_lentement_est_coupe_avant_de_prendre_une_place() throws Exception {
        DelestageCharge filtre = filtreComplet(4, 100, id -> true);
        MockHttpServletRequest lente = new MockHttpServletRequest("POST", "/connexion") {
            @Override
            public jakarta.servlet.ServletInputStream getInputStream() {
                return new jakarta.servlet.ServletInputStream() {
                    @Override
                    public int read() {
                        try {
                            Thread.sleep(100);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return 'a';
                    }

                    @Override
                    public int read(byte[] b, int off, int len) {
                        // Like a socket: returns what has arrived (one byte), never waits to fill the buffer.
                        b[off] = (byte) read();
                        return 1;
                    }

                    @Override
                    public boolean isFinished() {
                        return false;
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setReadListener(jakarta.servlet.ReadListener l) {
                    }
                };
            }
        };
        lente.setContentType("application/x-www-form-urlencoded");
        lente.addHeader("Content-Length", "500");
        lente.setContent(new byte[500]);
        boolean[] servie = {false};
        MockHttpServletResponse reponse = new MockHttpServletResponse();
        filtre.doFilter(lente, reponse, (req, rep) -> servie[0] = true);
        assertThat(reponse.getStatus()).isEqualTo(408);
        assertThat(servie[0]).isFalse();

        MockHttpServletRequest normale = new MockHttpServletRequest("POST", "/connexion");
        normale.setContentType("application/x-www-form-urlencoded");
        normale.setContent("email=a%40b.fr&motDePasse=%C3%A9t%C3%A9".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        String[] lu = new String[2];
        filtre.doFilter(normale, new MockHttpServletResponse(), (req, rep) -> {
            lu[0] = req.getParameter("email");
            lu[1] = req.getParameter("motDePasse");
        });
        assertThat(lu).containsExactly("a@b.fr", "été");
    }
}
