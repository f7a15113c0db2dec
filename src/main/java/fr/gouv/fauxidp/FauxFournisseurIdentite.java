package fr.gouv.fauxidp;

import org.slf4j.LoggerFactory;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the demonstration provider in its own Spring context and on its own port (0: a free one). Its
 * configuration file is {@code fauxidp.properties} (never Guichet's {@code application.properties}). It listens on
 * the loopback interface only: anyone reaching it could sign in as any persona.
 */
public final class FauxFournisseurIdentite implements AutoCloseable {

    /** Marks the provider's own environment, so that Guichet's environment post-processors leave it alone. */
    public static final String MARQUEUR = "fauxidp.contexte";

    private final ConfigurableApplicationContext contexte;

    private FauxFournisseurIdentite(ConfigurableApplicationContext contexte) {
        this.contexte = contexte;
    }

    public static FauxFournisseurIdentite demarrer(int port, String clientFc, String secretFc, String clientProConnect,
                                                   String secretProConnect, String originePublique) {
        ConfigurableApplicationContext contexte = new SpringApplicationBuilder(ServeurFauxIdp.class)
                .web(WebApplicationType.SERVLET)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .registerShutdownHook(true)
                .run("--spring.config.name=fauxidp", "--server.port=" + port, "--server.address=127.0.0.1", "--" + MARQUEUR + "=true",
                        "--spring.main.allow-bean-definition-overriding=false",
                        "--fauxidp.fc.client-id=" + clientFc, "--fauxidp.fc.client-secret=" + secretFc,
                        "--fauxidp.proconnect.client-id=" + clientProConnect,
                        "--fauxidp.proconnect.client-secret=" + secretProConnect,
                        "--fauxidp.origine-publique=" + originePublique,
                        "--server.servlet.session.cookie.name=FAUXIDP_SESSION");
        FauxFournisseurIdentite fournisseur = new FauxFournisseurIdentite(contexte);
        LoggerFactory.getLogger(FauxFournisseurIdentite.class).info("Fournisseur d’identité de démonstration : "
                + "FranceConnect {} , ProConnect {}", fournisseur.issuerFc(), fournisseur.issuerProConnect());
        return fournisseur;
    }

    public int port() {
        return ((WebServerApplicationContext) contexte).getWebServer().getPort();
    }

    public String issuerFc() {
        return "http://localhost:" + port() + "/fc/api/v2";
    }

    public String issuerProConnect() {
        return "http://localhost:" + port() + "/proconnect/api/v2";
    }

    @Override
    public void close() {
        contexte.close();
    }
}
