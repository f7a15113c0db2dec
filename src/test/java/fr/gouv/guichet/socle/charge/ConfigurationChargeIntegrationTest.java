package fr.gouv.guichet.socle.charge;

import fr.gouv.guichet.support.TestGuichet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.web.http.SessionRepositoryFilter;

import static org.assertj.core.api.Assertions.assertThat;

/** In the running application: native Argon2id behind every password check, shedding before any other filter. */
@TestGuichet
class ConfigurationChargeIntegrationTest {

    @Autowired
    PasswordEncoder encodeur;
    @Autowired
    FilterRegistrationBean<DelestageCharge> delestage;

    @Test
    void encodeur_argon2_natif_et_delestage_en_tete_des_filtres() {
        assertThat(encodeur).isInstanceOf(EmpreinteArgon2.class);
        assertThat(((EmpreinteArgon2) encodeur).natif()).isTrue();
        assertThat(encodeur.encode("Une phrase de passe")).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(delestage.getOrder()).isEqualTo(Ordered.HIGHEST_PRECEDENCE)
                .isLessThan(SessionRepositoryFilter.DEFAULT_ORDER);
        assertThat(delestage.getUrlPatterns()).containsExactly("/*");
    }
}
