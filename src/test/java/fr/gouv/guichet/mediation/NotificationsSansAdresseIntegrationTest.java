package fr.gouv.guichet.mediation;

import com.icegreen.greenmail.util.GreenMail;
import fr.gouv.guichet.compte.Destinataires;
import fr.gouv.guichet.compte.EnvoisUsager;
import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.notification.Courriel;
import fr.gouv.guichet.notification.Courriers;
import fr.gouv.guichet.support.BoiteCourriels;
import fr.gouv.guichet.support.ComptesDeTest;
import fr.gouv.guichet.support.ConnexionsHttp;
import fr.gouv.guichet.support.DossiersDeTest;
import fr.gouv.guichet.support.TestGuichet;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Usagers without e-mail address (issue 16, point 4): nothing assumes an account has one; the notifications go
 * where the usager chose with consent — a trusted person's address or a help place's letters — until revoked.
 */
@TestGuichet
class NotificationsSansAdresseIntegrationTest {

    static final String TOULON = "guichet-pn-83-toulon";

    @Autowired
    EnvoisUsager envois;
    @Autowired
    Destinataires destinataires;
    @Autowired
    Courriers courriers;
    @Autowired
    Dossiers dossiers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encodeur;
    @Autowired
    MockMvc mvc;
    @Autowired
    GreenMail greenMail;

    long sansAdresse() {
        return jdbc.sql("insert into usager (email, active, active_le, code_departement) values (null, true, now(), '83') returning id")
                .query(Long.class).single();
    }

    static Courriel message(String adresse) {
        return new Courriel(adresse, "Nouvelles de votre dossier", List.of("Votre dossier avance."), null, null);
    }

    long courriersSous(String cle) {
        return jdbc.sql("select count(*) from courrier_a_remettre where cle = ?").param(cle).query(Long.class).single();
    }

    @Test
    void sansAdresseNiChoixRienNEstEnvoyeEtRienNEchoue() {
        long usager = sansAdresse();
        assertThat(envois.destination(usager)).isInstanceOf(EnvoisUsager.Destination.Aucune.class);
        String cle = "test-sans-adresse:" + UUID.randomUUID();
        envois.envoyerUneFois(usager, cle, NotificationsSansAdresseIntegrationTest::message);
        assertThat(courriersSous(cle)).isZero();
    }

    @Test
    void leLieuChoisiRecoitUnCourrierUneSeuleFoisJusquaLaRevocation() {
        long usager = sansAdresse();
        destinataires.designerLieu(usager, TOULON, "Point numérique de la préfecture du Var");
        String cle = "test-lieu:" + UUID.randomUUID();
        envois.envoyerUneFois(usager, cle, NotificationsSansAdresseIntegrationTest::message);
        envois.envoyerUneFois(usager, cle, NotificationsSansAdresseIntegrationTest::message);
        assertThat(courriersSous(cle)).isEqualTo(1);
        assertThat(courriers.aRemettre(TOULON)).filteredOn(c -> c.cle().equals(cle)).singleElement()
                .satisfies(c -> assertThat(c.paragraphes()).containsExactly("Votre dossier avance."));

        assertThat(destinataires.revoquer(usager)).isTrue();
        assertThat(envois.destination(usager)).isInstanceOf(EnvoisUsager.Destination.Aucune.class);
        String apres = "test-lieu-revoque:" + UUID.randomUUID();
        envois.envoyerUneFois(usager, apres, NotificationsSansAdresseIntegrationTest::message);
        assertThat(courriersSous(apres)).isZero();
        assertThat(destinataires.historique(usager)).singleElement().satisfies(d -> assertThat(d.revoqueLe()).isNotNull());
    }

    @Test
    void laPersonneDeConfianceRecoitLeMessageAvecCeQuiLuiEstDemande() {
        long usager = sansAdresse();
        String confiance = "confiance-" + UUID.randomUUID().toString().substring(0, 8) + "@exemple.fr";
        destinataires.designerPersonneConfiance(usager, "Paul Martin", confiance);
        envois.envoyerUneFois(usager, "test-confiance:" + UUID.randomUUID(), NotificationsSansAdresseIntegrationTest::message);
        BoiteCourriels.Recu recu = new BoiteCourriels(greenMail).attendre(confiance, "Nouvelles de votre dossier");
        assertThat(recu.texte()).contains("Paul Martin").contains("personne de confiance").contains("Votre dossier avance.");
    }

    @Test
    void lAccuseDeReceptionDUnDepotSansAdresseVaAuLieuChoisi() throws InterruptedException {
        long usager = sansAdresse();
        destinataires.designerLieu(usager, TOULON, "Point numérique de la préfecture du Var");
        long dossier = dossiers.creerBrouillon(usager, "83", "VP_AUTORISATION", "cerfa-13806", "04",
                DossiersDeTest.reponsesValides(), null, null);
        dossiers.deposer(dossier, usager, UUID.randomUUID(), "VP");
        String cle = "recepisse-courriel:" + dossier;
        for (int i = 0; i < 100 && courriersSous(cle) == 0; i++) {
            Thread.sleep(200);
        }
        assertThat(courriersSous(cle)).isEqualTo(1);
        assertThat(jdbc.sql("select sujet from courrier_a_remettre where cle = ?").param(cle).query(String.class).single())
                .startsWith("Accusé de réception de votre demande VP-083-");
    }

    @Test
    void laPageDeChoixExigeLeConsentementEtLEnregistre() throws Exception {
        ComptesDeTest.Compte compte = new ComptesDeTest(jdbc, encodeur).usager("83");
        Cookie session = ConnexionsHttp.usager(mvc, compte);
        String refus = mvc.perform(post("/usager/notifications").cookie(session).with(csrf()).param("choix", "lieu")
                .param("lieu", TOULON)).andReturn().getResponse().getContentAsString();
        assertThat(refus).contains("Cochez la case pour donner votre accord").contains("id=\"consentement-erreur\"");
        assertThat(envois.destination(compte.id())).isInstanceOf(EnvoisUsager.Destination.Adresse.class);

        String erreurAdresse = mvc.perform(post("/usager/notifications").cookie(session).with(csrf()).param("choix", "personne")
                .param("nom", "Paul").param("email", "pas une adresse").param("consentement", "true"))
                .andReturn().getResponse().getContentAsString();
        assertThat(erreurAdresse).contains("id=\"email-erreur\"");

        assertThat(mvc.perform(post("/usager/notifications").cookie(session).with(csrf()).param("choix", "lieu")
                .param("lieu", TOULON).param("consentement", "true")).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo("/usager/notifications");
        assertThat(envois.destination(compte.id())).isEqualTo(
                new EnvoisUsager.Destination.LieuAide(TOULON, "Point numérique de la préfecture du Var"));
        mvc.perform(post("/usager/notifications/revocation").cookie(session).with(csrf()));
        assertThat(envois.destination(compte.id())).isInstanceOf(EnvoisUsager.Destination.Adresse.class);
    }
}
