package fr.gouv.guichet.identite;

import com.icegreen.greenmail.util.GreenMail;
import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.identite.internal.Mairies;
import fr.gouv.guichet.identite.internal.PreDemandes;
import fr.gouv.guichet.support.ComptesDeTest;
import fr.gouv.guichet.support.ConnexionsHttp;
import fr.gouv.guichet.support.TestGuichet;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The pré-demande through the platform's pages: number, QR code, what to bring, validity, Mes dossiers. */
@TestGuichet
class PreDemandeIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encodeur;
    @Autowired
    Dossiers dossiers;
    @Autowired
    PreDemandes preDemandes;
    @Autowired
    Mairies mairies;
    @Autowired
    GreenMail greenMail;

    @Test
    void preDemandeDePasseportPourUnMineur_numeroDurableQrCodePiecesEtTimbre() throws Exception {
        ComptesDeTest.Compte compte = new ComptesDeTest(jdbc, encodeur).usager("83");
        Cookie session = ConnexionsHttp.usager(mvc, compte);
        MvcResult debut = mvc.perform(post("/usager/identite/nouvelle").cookie(session).with(csrf())).andReturn();
        String page1 = debut.getResponse().getRedirectedUrl();
        assertThat(page1).matches("/usager/dossiers/\\d+/pages/1");
        long id = Long.parseLong(page1.split("/")[3]);
        mvc.perform(get(page1).cookie(session)).andExpect(status().isOk());
        int version = dossiers.deLUsager(id, compte.id()).orElseThrow().version();
        dossiers.enregistrer(id, compte.id(), version, PreDemandesDeTest.reponsesMineur());
        // A passport is paid by a timbre: the usager says here they will bring it to the town hall.
        mvc.perform(post("/usager/identite/dossiers/" + id + "/timbres").cookie(session).with(csrf()).param("mode", "en-mairie"));

        MvcResult valide = mvc.perform(post("/usager/dossiers/" + id + "/valider").cookie(session).with(csrf())
                .param("cle", UUID.randomUUID().toString()).param("certification", "oui")).andReturn();
        assertThat(valide.getResponse().getRedirectedUrl()).isEqualTo("/usager/identite/dossiers/" + id);

        PreDemande pd = preDemandes.parDossier(id).orElseThrow();
        assertThat(pd.numero().valeur()).matches("^[A-Z0-9]{10}$");
        assertThat(pd.titres()).isEqualTo(TitresDemandes.PASSEPORT);
        assertThat(pd.valideJusquau()).isEqualTo(LocalDate.now(java.time.ZoneId.of("Europe/Paris")).plusYears(1));
        assertThat(jdbc.sql("select etat from dossier where id = ?").param(id).query(String.class).single()).isEqualTo("DEPOSE");

        String html = mvc.perform(get("/usager/identite/dossiers/" + id).cookie(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains(pd.numero().valeur(), "data:image/png;base64,", "représentant légal",
                "Un timbre fiscal de 17,00\u00a0€", "Prendre rendez-vous");
        String accueil = mvc.perform(get("/usager/identite").cookie(session)).andReturn().getResponse().getContentAsString();
        assertThat(accueil).contains(pd.numero().valeur(), "Prendre rendez-vous");
    }

    @Test
    void recapitulatif_refuseAUnAutreUsager() throws Exception {
        ComptesDeTest comptes = new ComptesDeTest(jdbc, encodeur);
        ComptesDeTest.Compte victime = comptes.usager("83");
        ComptesDeTest.Compte intrus = comptes.usager("83");
        PreDemande pd = new PreDemandesDeTest(dossiers, preDemandes, mairies).deposer(victime.id(), PreDemandesDeTest.reponsesMajeur());
        Cookie session = ConnexionsHttp.usager(mvc, intrus);
        mvc.perform(get("/usager/identite/dossiers/" + pd.dossierId()).cookie(session)).andExpect(status().isNotFound());
        String accueil = mvc.perform(get("/usager/identite").cookie(session)).andReturn().getResponse().getContentAsString();
        assertThat(accueil).doesNotContain(pd.numero().valeur());
    }
}
