package fr.gouv.guichet.socle;

import fr.gouv.guichet.socle.embarque.ServicesEmbarquesEnvironmentPostProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A configured PostgreSQL / SMTP server switches the embedded ones off. */
class ServicesEmbarquesTest {

    @Test
    void baseEtCourrielExternes_desactiventLesServicesEmbarques() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://db.interne:5432/guichet")
                .withProperty("spring.mail.host", "smtp.interne")
                .withProperty("spring.security.oauth2.client.registration.franceconnect.client-id", "fc")
                .withProperty("spring.security.oauth2.client.registration.proconnect.client-id", "pc")
                .withProperty("guichet.url-publique", "https://guichet.exemple.gouv.fr");
        new ServicesEmbarquesEnvironmentPostProcessor().postProcessEnvironment(env, new SpringApplication());
        assertThat(env.getPropertySources().contains("guichetServicesEmbarques")).isFalse();
        assertThat(env.getProperty("guichet.embarque.mail")).isNull();
        assertThat(env.getProperty("guichet.embarque.fournisseur-identite")).isNull();
        assertThat(env.getProperty("spring.security.oauth2.client.provider.franceconnect.issuer-uri")).isNull();
        assertThat(env.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://db.interne:5432/guichet");
    }

    @Test
    void horsDefautEmbarque_sansAdressePublique_leDemarrageEstArreteAvecUnMessageClair() {
        for (String adresse : new String[]{null, "http://localhost:8080", "http://127.0.0.1:8080", "pas une adresse"}) {
            MockEnvironment env = new MockEnvironment()
                    .withProperty("spring.datasource.url", "jdbc:postgresql://db.interne:5432/guichet")
                    .withProperty("spring.mail.host", "smtp.interne")
                    .withProperty("spring.security.oauth2.client.registration.franceconnect.client-id", "fc")
                    .withProperty("spring.security.oauth2.client.registration.proconnect.client-id", "pc");
            if (adresse != null) {
                env.setProperty("guichet.url-publique", adresse);
            }
            assertThatThrownBy(() -> new ServicesEmbarquesEnvironmentPostProcessor().postProcessEnvironment(env, new SpringApplication()))
                    .as("adresse publique %s", adresse)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("GUICHET_URL_PUBLIQUE")
                    .hasMessageContaining("https://");
        }
    }

    @Test
    void sansSmtpConfigure_leServeurEmbarqueEstActive() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://db.interne:5432/guichet")
                .withProperty("guichet.embarque.mail.port", "0")
                .withProperty("guichet.embarque.fournisseur-identite.port", "0");
        new ServicesEmbarquesEnvironmentPostProcessor().postProcessEnvironment(env, new SpringApplication());
        assertThat(env.getProperty("guichet.embarque.mail")).isEqualTo("true");
        assertThat(env.getProperty("spring.mail.host")).isEqualTo("127.0.0.1");
        assertThat(env.getProperty("spring.mail.port", Integer.class)).isPositive();
    }

    @Test
    void sansFournisseurDIdentiteConfigure_leFournisseurDeDemonstrationEstDemarreEtVise() throws Exception {
        MockEnvironment env = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://db.interne:5432/guichet")
                .withProperty("spring.mail.host", "smtp.interne")
                .withProperty("spring.security.oauth2.client.registration.proconnect.client-id", "client-proconnect-reel")
                .withProperty("guichet.embarque.fournisseur-identite.port", "0");
        new ServicesEmbarquesEnvironmentPostProcessor().postProcessEnvironment(env, new SpringApplication());
        String issuer = env.getProperty("spring.security.oauth2.client.provider.franceconnect.issuer-uri");
        assertThat(issuer).matches("http://localhost:\\d+/fc/api/v2");
        assertThat(env.getProperty("spring.security.oauth2.client.registration.franceconnect.client-id")).isNotBlank();
        assertThat(env.getProperty("spring.security.oauth2.client.provider.proconnect.issuer-uri")).isNull();
        var reponse = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(issuer + "/.well-known/openid-configuration")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(reponse.body()).contains("\"issuer\":\"" + issuer + "\"");
        // Issue 10, point 11: the demonstration provider (anyone reaching it signs in as anyone) listens on loopback only.
        int port = java.net.URI.create(issuer).getPort();
        for (java.net.InetAddress adresse : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(i -> java.util.Collections.list(i.getInetAddresses()).stream())
                .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress()).toList()) {
            try (java.net.Socket s = new java.net.Socket()) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.connect(new java.net.InetSocketAddress(adresse, port), 2000))
                        .as("connexion à %s:%d", adresse, port).isInstanceOf(java.io.IOException.class);
            }
        }
    }

    @Test
    void defautEmbarque_ecouteSurLInterfaceDeBouclageSaufReglageContraire() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("spring.security.oauth2.client.registration.franceconnect.client-id", "fc")
                .withProperty("spring.security.oauth2.client.registration.proconnect.client-id", "pc")
                .withProperty("spring.datasource.url", "jdbc:postgresql://db.interne:5432/guichet")
                .withProperty("guichet.embarque.mail.port", "0");
        new ServicesEmbarquesEnvironmentPostProcessor().postProcessEnvironment(env, new SpringApplication());
        assertThat(env.getProperty("server.address")).isEqualTo("127.0.0.1");

        MockEnvironment choisi = new MockEnvironment()
                .withProperty("spring.security.oauth2.client.registration.franceconnect.client-id", "fc")
                .withProperty("spring.security.oauth2.client.registration.proconnect.client-id", "pc")
                .withProperty("spring.datasource.url", "jdbc:postgresql://db.interne:5432/guichet")
                .withProperty("guichet.embarque.mail.port", "0")
                .withProperty("server.address", "0.0.0.0");
        new ServicesEmbarquesEnvironmentPostProcessor().postProcessEnvironment(choisi, new SpringApplication());
        assertThat(choisi.getProperty("server.address")).isEqualTo("0.0.0.0");
    }
}
