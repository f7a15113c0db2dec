package fr.gouv.fauxidp;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The demonstration provider on its own: discovery per issuer, and the real providers' parameter checks. */
class FauxFournisseurIdentiteTest {

    private static final String RETOUR_FC = "http://localhost:8123/connexion/oidc/franceconnect";
    private static final String RETOUR_PC = "http://localhost:8123/agent/connexion/oidc/proconnect";
    private static final String LONG = "a".repeat(32);

    private static FauxFournisseurIdentite fournisseur;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void demarrer() {
        fournisseur = FauxFournisseurIdentite.demarrer(0, "client-fc", "secret-fc", "client-pc", "secret-pc",
                "http://localhost:8080");
    }

    @AfterAll
    static void arreter() {
        fournisseur.close();
    }

    @Test
    void chaqueIssuerPublieSaDecouverteEnES256AvecLesCheminsDesVraisFournisseurs() throws Exception {
        String fc = get(fournisseur.issuerFc() + "/.well-known/openid-configuration").body();
        assertThat(fc).contains("\"issuer\":\"" + fournisseur.issuerFc() + "\"")
                .contains(fournisseur.issuerFc() + "/authorize").contains(fournisseur.issuerFc() + "/userinfo")
                .contains(fournisseur.issuerFc() + "/session/end").contains("ES256");
        String pc = get(fournisseur.issuerProConnect() + "/.well-known/openid-configuration").body();
        assertThat(pc).contains("\"issuer\":\"" + fournisseur.issuerProConnect() + "\"");
        assertThat(get(fournisseur.issuerFc() + "/jwks").body()).contains("\"crv\":\"P-256\"");
    }

    @Test
    void franceConnectRefuseUnStateOuUnNonceTropCourtEtUnAcrValuesManquant() throws Exception {
        assertThat(erreur(fournisseur.issuerFc(), "client-fc", RETOUR_FC, "state=" + "s".repeat(31) + "&nonce=" + LONG + "&acr_values=eidas1"))
                .contains("error=invalid_request").contains("state");
        assertThat(erreur(fournisseur.issuerFc(), "client-fc", RETOUR_FC, "state=" + LONG + "&nonce=court&acr_values=eidas1"))
                .contains("error=invalid_request").contains("nonce");
        assertThat(erreur(fournisseur.issuerFc(), "client-fc", RETOUR_FC, "state=" + LONG + "&nonce=" + LONG))
                .contains("error=invalid_request").contains("acr_values");
        assertThat(erreur(fournisseur.issuerFc(), "client-fc", RETOUR_FC, "state=" + LONG + "&nonce=" + LONG + "&acr_values=eidas1"))
                .startsWith("http://localhost:" + fournisseur.port() + "/connexion");
    }

    @Test
    void proConnectRefuseToutParametreHorsDeSaListe() throws Exception {
        assertThat(erreur(fournisseur.issuerProConnect(), "client-pc", RETOUR_PC, "state=" + LONG + "&nonce=" + LONG + "&login_hint=x"))
                .contains("error=invalid_request").contains("login_hint");
        assertThat(erreur(fournisseur.issuerProConnect(), "client-pc", RETOUR_PC, "state=" + LONG + "&nonce=" + LONG))
                .startsWith("http://localhost:" + fournisseur.port() + "/connexion");
    }

    @Test
    void uneAdresseDeRetourInconnueOuUnClientDeLAutreIssuerNeSontPasRedirigés() throws Exception {
        HttpResponse<String> r = get(fournisseur.issuerFc() + "/authorize?response_type=code&scope=openid&client_id=client-fc"
                + "&redirect_uri=" + enc("https://attaquant.example/connexion/oidc/franceconnect") + "&state=x");
        assertThat(r.statusCode()).isEqualTo(400);
        r = get(fournisseur.issuerFc() + "/authorize?response_type=code&scope=openid&client_id=client-pc"
                + "&redirect_uri=" + enc(RETOUR_PC) + "&state=x");
        assertThat(r.statusCode()).isEqualTo(400);
    }

    private static String erreur(String issuer, String client, String retour, String parametres) throws Exception {
        HttpResponse<String> r = get(issuer + "/authorize?response_type=code&scope=openid&client_id=" + client
                + "&redirect_uri=" + enc(retour) + "&" + parametres);
        assertThat(r.statusCode()).isEqualTo(302);
        return r.headers().firstValue("Location").orElseThrow();
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String valeur) {
        return URLEncoder.encode(valeur, StandardCharsets.UTF_8);
    }
}
