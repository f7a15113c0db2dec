package fr.gouv.guichet.immatriculation;

import jakarta.servlet.http.Cookie;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The steps of a sale and a purchase over HTTP (MockMvc for Guichet, a plain client for the provider's page). */
final class ParcoursImmatriculation {

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final HttpClient navigateur = HttpClient.newHttpClient();
    /**
     * The buyer's address, of its own: three changes of holder to one address within the window send the dossier to
     * the CERT (fraud rule counted over the whole shared database).
     */
    final String adresse = adresseUnique("avenue Foch");

    static String adresseUnique(String voie) {
        return VehiculesDeTest.adresseUnique(voie);
    }

    ParcoursImmatriculation(MockMvc mvc, JdbcClient jdbc) {
        this.mvc = mvc;
        this.jdbc = jdbc;
    }

    /** Declares the sale as the seller and returns the code shown once, with the declaration's address. */
    String[] vendre(Cookie vendeur, VehiculesDeTest.VehiculeDeTest v) throws Exception {
        MvcResult r = mvc.perform(post("/usager/vehicules/" + v.id() + "/cession").cookie(vendeur).with(csrf())
                        .param("dateVente", LocalDate.now().minusDays(2).toString()).param("kilometrage", "84 000")
                        .param("acquereurNom", "Acheteur").param("acquereurPrenoms", "Dominique"))
                .andExpect(status().is3xxRedirection()).andReturn();
        return new String[] {(String) r.getFlashMap().get("code"), r.getResponse().getRedirectedUrl()};
    }

    /** Uses the code as the buyer, fills the holder, and opens the payment: the provider's page. */
    long acheter(Cookie acheteur, String immatriculation, String code, String nom) throws Exception {
        String demande = mvc.perform(post("/usager/vehicules/achat").cookie(acheteur).with(csrf())
                        .param("immatriculation", immatriculation.toLowerCase().replace("-", " ")).param("code", code.toLowerCase()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(demande.substring(demande.lastIndexOf('/') + 1));
        int version = jdbc.sql("select version from dossier where id = ?").param(id).query(Integer.class).single();
        mvc.perform(post(demande).cookie(acheteur).with(csrf()).param("version", String.valueOf(version)).param("action", "enregistrer")
                        .param("nom", nom).param("prenoms", "Dominique").param("date_naissance", "1980-04-12")
                        .param("adresse", adresse).param("code_postal", "83400").param("commune", "Hyères"))
                .andExpect(status().is3xxRedirection());
        return id;
    }

    String payerLien(Cookie acheteur, long id) throws Exception {
        return payerLien(acheteur, id, "Acheteur");
    }

    String payerLien(Cookie acheteur, long id, String nom) throws Exception {
        int version = jdbc.sql("select version from dossier where id = ?").param(id).query(Integer.class).single();
        String url = mvc.perform(post("/usager/vehicules/demandes/" + id).cookie(acheteur).with(csrf()).param("version", String.valueOf(version))
                        .param("action", "payer").param("nom", nom).param("prenoms", "Dominique").param("date_naissance", "1980-04-12")
                        .param("date_demenagement", LocalDate.now().minusDays(3).toString()).param("adresse", adresse)
                        .param("code_postal", "83400").param("commune", "Hyères"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(url).cookie(acheteur))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        java.util.regex.Matcher lien = java.util.regex.Pattern.compile("id=\"aller-payer\" href=\"([^\"]+)\"").matcher(page);
        assertThat(lien.find()).as("lien vers le prestataire").isTrue();
        assertThat(lien.group(1)).contains("/paiement/payer/PAY-");
        return lien.group(1);
    }

    /** What the person does on the provider's page; returns where the browser is sent back. */
    String choisir(String pagePaiement, String action) throws Exception {
        assertThat(navigateur.send(HttpRequest.newBuilder(URI.create(pagePaiement)).GET().build(), HttpResponse.BodyHandlers.ofString()).body())
                .contains("Payer", "Abandonner");
        HttpResponse<String> r = navigateur.send(HttpRequest.newBuilder(URI.create(pagePaiement))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("action=" + action)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(303);
        String retour = r.headers().firstValue("Location").orElseThrow();
        return retour.substring(retour.indexOf("/usager/"));
    }

}
