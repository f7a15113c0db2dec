package fr.gouv.fauxidp;

import fr.gouv.fauxidp.Persona.Fournisseur;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The two registered clients (Guichet for FranceConnect, Guichet for ProConnect). Real providers match redirect
 * URIs exactly; this demonstration provider also accepts the registered paths on any port of {@code localhost} /
 * {@code 127.0.0.1} (and on the configured public origin), because Guichet's port is only known once it has started
 * (tests use random ports). This leniency is demo-only.
 */
final class ClientsTolerants implements RegisteredClientRepository {

    /** A client as configured: id, secret, issuer it belongs to, paths of its redirect and post-logout URIs. */
    record Client(String id, String secret, Fournisseur fournisseur, String cheminRetour, String cheminDeconnexion,
                  Set<String> scopes) {
    }

    private final Map<String, Client> clients;
    private final Set<String> originesAcceptees;

    ClientsTolerants(List<Client> clients, Set<String> originesAcceptees) {
        this.clients = clients.stream().collect(java.util.stream.Collectors.toMap(Client::id, c -> c));
        this.originesAcceptees = originesAcceptees;
    }

    @Override
    public void save(RegisteredClient registeredClient) {
        // Clients fixes : Spring Authorization Server enregistre ici un secret « mis à niveau », sans objet pour une démonstration.
    }

    @Override
    public @Nullable RegisteredClient findById(String id) {
        return findByClientId(id);
    }

    @Override
    public @Nullable RegisteredClient findByClientId(String clientId) {
        Client client = clients.get(clientId);
        if (client == null) {
            return null;
        }
        RegisteredClient.Builder builder = RegisteredClient.withId(client.id())
                .clientId(client.id())
                .clientSecret("{noop}" + client.secret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("http://localhost:8080" + client.cheminRetour())
                .postLogoutRedirectUri("http://localhost:8080" + client.cheminDeconnexion())
                .scopes(s -> s.addAll(client.scopes()))
                .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).requireProofKey(false).build())
                .tokenSettings(TokenSettings.builder()
                        .idTokenSignatureAlgorithm(SignatureAlgorithm.ES256)
                        .accessTokenTimeToLive(Duration.ofSeconds(60))
                        .authorizationCodeTimeToLive(Duration.ofSeconds(60))
                        .build());
        HttpServletRequest requete = requeteCourante();
        if (requete != null) {
            String retour = requete.getParameter("redirect_uri");
            if (retour != null && tolere(retour, client.cheminRetour())) {
                builder.redirectUri(retour);
            }
            String deconnexion = requete.getParameter("post_logout_redirect_uri");
            if (deconnexion != null && tolere(deconnexion, client.cheminDeconnexion())) {
                builder.postLogoutRedirectUri(deconnexion);
            }
        }
        return builder.build();
    }

    @Nullable
    Client client(String clientId) {
        return clients.get(clientId);
    }

    /** Whether {@code uri} is the registered path on a tolerated origin (loopback on any port, or the public origin). */
    boolean tolere(String uri, String chemin) {
        UriComponents u;
        try {
            u = UriComponentsBuilder.fromUriString(uri).build();
        } catch (RuntimeException e) {
            return false;
        }
        if (u.getFragment() != null || u.getQuery() != null || u.getUserInfo() != null || !chemin.equals(u.getPath())) {
            return false;
        }
        String hote = u.getHost();
        boolean boucleLocale = "http".equals(u.getScheme()) && ("localhost".equals(hote) || "127.0.0.1".equals(hote));
        String origine = u.getScheme() + "://" + hote + (u.getPort() > 0 ? ":" + u.getPort() : "");
        return boucleLocale || originesAcceptees.contains(origine);
    }

    private static @Nullable HttpServletRequest requeteCourante() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a ? a.getRequest() : null;
    }
}
