package fr.gouv.guichet.socle.charge;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmpreinteArgon2Test {

    private static final String MOT_DE_PASSE = "Été à Saint-Étienne — 2026 !";

    @Test
    void la_bibliotheque_native_est_chargee_sur_cette_machine() {
        assertThat(new EmpreinteArgon2(2, Duration.ofSeconds(5), true).natif()).isTrue();
    }

    @Test
    void empreinte_argon2id_aux_parametres_owasp_et_verification() {
        EmpreinteArgon2 encodeur = new EmpreinteArgon2(2, Duration.ofSeconds(5), true);
        String empreinte = encodeur.encode(MOT_DE_PASSE);
        assertThat(empreinte).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(encodeur.matches(MOT_DE_PASSE, empreinte)).isTrue();
        assertThat(encodeur.matches(MOT_DE_PASSE + " ", empreinte)).isFalse();
        assertThat(encodeur.matches(MOT_DE_PASSE, "pas une empreinte")).isFalse();
        assertThat(encodeur.encode(MOT_DE_PASSE)).as("sel aléatoire").isNotEqualTo(empreinte);
    }

    @Test
    void natif_et_java_se_comprennent_dans_les_deux_sens_y_compris_les_anciennes_empreintes() {
        EmpreinteArgon2 natif = new EmpreinteArgon2(2, Duration.ofSeconds(5), true);
        EmpreinteArgon2 java = new EmpreinteArgon2(2, Duration.ofSeconds(5), false);
        assertThat(java.natif()).isFalse();
        assertThat(java.matches(MOT_DE_PASSE, natif.encode(MOT_DE_PASSE))).isTrue();
        assertThat(natif.matches(MOT_DE_PASSE, java.encode(MOT_DE_PASSE))).isTrue();
        String ancienne = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode(MOT_DE_PASSE);
        assertThat(natif.matches(MOT_DE_PASSE, ancienne)).as("empreintes 16 Mio d'avant").isTrue();
        assertThat(natif.matches("autre", ancienne)).isFalse();
    }

    @Test
    void un_calcul_qui_ne_peut_commencer_a_temps_renonce_par_service_surcharge() throws Exception {
        EmpreinteArgon2 encodeur = new EmpreinteArgon2(1, Duration.ofMillis(1), true);
        ExecutorService fils = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch depart = new CountDownLatch(1);
            java.util.List<Future<String>> r = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                r.add(fils.submit(() -> {
                    depart.await();
                    try {
                        encodeur.encode(MOT_DE_PASSE);
                        return "ok";
                    } catch (ServiceSurcharge e) {
                        return "surcharge";
                    }
                }));
            }
            depart.countDown();
            java.util.List<String> issues = new java.util.ArrayList<>();
            for (Future<String> f : r) {
                issues.add(f.get());
            }
            assertThat(issues).contains("ok", "surcharge");
        } finally {
            fils.shutdownNow();
        }
        assertThatThrownBy(() -> { throw new ServiceSurcharge("x"); }).isInstanceOf(RuntimeException.class);
    }
}
