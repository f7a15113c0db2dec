package fr.gouv.guichet.immatriculation;

import com.icegreen.greenmail.util.GreenMail;
import fr.gouv.fauxservices.PaiementsDemo;
import fr.gouv.fauxservices.Pannes;
import fr.gouv.fauxservices.Service;
import fr.gouv.guichet.immatriculation.internal.Remboursements;
import fr.gouv.guichet.immatriculation.internal.ServeurDemoEmbarque;
import fr.gouv.guichet.support.BoiteCourriels;
import fr.gouv.guichet.support.ComptesDeTest;
import fr.gouv.guichet.support.ConnexionsHttp;
import fr.gouv.guichet.support.TestGuichet;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static fr.gouv.guichet.immatriculation.VehiculesDeTest.attendre;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 13, point 7, paid exactly once: a usager who pays one dossier twice (two tabs, two real transactions with the
 * provider) has the dossier paid once and the second payment refunded in full by the provider, recorded, shown on the
 * request's page and the provisional certificate, and is told so (page and e-mail). Whichever tab is paid first,
 * with notifications doubled, late, or both payments notified at once; with the provider down, the refund waits
 * (shown as in progress) and is made once it is back.
 */
@TestGuichet
class PaiementEnDoubleIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encodeur;
    @Autowired
    ServeurDemoEmbarque demo;
    @Autowired
    Remboursements remboursements;
    @Autowired
    GreenMail greenMail;

    ComptesDeTest comptes;
    VehiculesDeTest vehicules;
    ParcoursImmatriculation parcours;

    @BeforeEach
    void init() {
        comptes = new ComptesDeTest(jdbc, encodeur);
        vehicules = new VehiculesDeTest(jdbc);
        parcours = new ParcoursImmatriculation(mvc, jdbc);
    }

    @AfterEach
    void prestataireNormal() {
        demo.serveur().paiements().notifier(PaiementsDemo.Notification.NORMALE, Duration.ZERO);
        demo.serveur().pannes().reparer();
    }

    /** A purchase ready to pay, and the provider's pages of two tabs (the first one's payment replaced by the second). */
    record DeuxOnglets(ComptesDeTest.Compte compte, Cookie acheteur, long id, String onglet1, String onglet2) {
    }

    DeuxOnglets deuxOnglets() throws Exception {
        ComptesDeTest.Compte vendeur = comptes.usager("83");
        VehiculesDeTest.VehiculeDeTest v = vehicules.vehicule(vendeur.id(), false);
        String code = parcours.vendre(ConnexionsHttp.usager(mvc, vendeur), v)[0];
        ComptesDeTest.Compte acheteur = comptes.usager("83");
        Cookie sa = ConnexionsHttp.usager(mvc, acheteur);
        long id = parcours.acheter(sa, v.immatriculation(), code, "Acheteur");
        String onglet1 = parcours.payerLien(sa, id);
        String onglet2 = parcours.payerLien(sa, id);
        assertThat(onglet2).isNotEqualTo(onglet1);
        return new DeuxOnglets(acheteur, sa, id, onglet1, onglet2);
    }

    /** Guichet's status of each payment of the dossier, by the provider's payment page. */
    String statut(String onglet) {
        return jdbc.sql("select statut from paiement where url_paiement = ?").param(onglet).query(String.class).single();
    }

    String identifiant(String onglet) {
        return onglet.substring(onglet.lastIndexOf('/') + 1);
    }

    int depots(long id) {
        return jdbc.sql("select count(*) from dossier_transition where dossier_id = ? and vers = 'DEPOSE'").param(id).query(Integer.class).single();
    }

    /** Paid once, the other refunded once by the provider, recorded with the refund's number. */
    void payeUneFoisRembourseUneFois(DeuxOnglets d, String paye, String rembourse) {
        assertThat(statut(paye)).isEqualTo("PAYE");
        assertThat(statut(rembourse)).isEqualTo("REMBOURSE");
        assertThat(depots(d.id())).as("déposé une fois").isOne();
        assertThat(demo.serveur().paiements().statut(identifiant(rembourse))).as("remboursé chez le prestataire").isEqualTo("REMBOURSE");
        assertThat(demo.serveur().paiements().statut(identifiant(paye))).isEqualTo("PAYE");
        assertThat(demo.serveur().paiements().remboursementsDemandes(identifiant(rembourse))).as("un seul remboursement demandé").isOne();
        assertThat(jdbc.sql("select identifiant_remboursement from paiement where url_paiement = ?").param(rembourse).query(String.class).single())
                .startsWith("RMB-");
    }

    @Test
    void deuxOnglets_leSecondPaiementEstRembourse_enregistre_affiche_etAnnonceParCourriel() throws Exception {
        DeuxOnglets d = deuxOnglets();
        String retour2 = parcours.choisir(d.onglet2(), "payer");
        mvc.perform(get(retour2).cookie(d.acheteur())).andExpect(flash().attribute("messageSucces", containsString("reçu")));
        String retour1 = parcours.choisir(d.onglet1(), "payer");
        mvc.perform(get(retour1).cookie(d.acheteur()))
                .andExpect(flash().attribute("messageInfo", containsString("déjà payée")))
                .andExpect(flash().attribute("messageInfo", containsString("vous a été remboursé en entier")));

        payeUneFoisRembourseUneFois(d, d.onglet2(), d.onglet1());
        String reference = jdbc.sql("select reference from paiement where url_paiement = ?").param(d.onglet1()).query(String.class).single();
        mvc.perform(get("/usager/vehicules/demandes/" + d.id()).cookie(d.acheteur())).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"remboursement-" + reference + "\"")))
                .andExpect(content().string(containsString("vous a été remboursé en entier")))
                .andExpect(content().string(containsString("Payé en double : remboursé")));
        byte[] cpi = mvc.perform(get("/usager/vehicules/demandes/" + d.id() + "/certificat-provisoire.pdf").cookie(d.acheteur()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(texte(cpi)).contains("Second paiement", reference, "remboursé le");
        fr.gouv.guichet.document.PdfUaTest.initialiserVeraPdf();
        assertThat(fr.gouv.guichet.document.PdfUaTest.echecsPdfUa1(cpi)).as("certificat provisoire PDF/UA").isEmpty();
        BoiteCourriels.Recu courriel = new BoiteCourriels(greenMail).attendre(d.compte().email(), "second paiement remboursé");
        assertThat(courriel.texte()).contains(reference, "remboursé en entier", "RMB-");
    }

    @Test
    void lePremierOngletPayeDAbord_notificationsEnDouble_leSecondEstRembourseUneSeuleFois() throws Exception {
        demo.serveur().paiements().notifier(PaiementsDemo.Notification.DOUBLE, Duration.ZERO);
        DeuxOnglets d = deuxOnglets();
        // The first tab's payment was replaced in Guichet by the second, but the provider still takes it: it pays the dossier.
        parcours.choisir(d.onglet1(), "payer");
        parcours.choisir(d.onglet2(), "payer");
        payeUneFoisRembourseUneFois(d, d.onglet1(), d.onglet2());
    }

    @Test
    void notificationsEnRetard_leNavigateurRevientAvant_puisLesNotificationsNeChangentRien() throws Exception {
        demo.serveur().paiements().notifier(PaiementsDemo.Notification.RETARDEE, Duration.ofMillis(1500));
        DeuxOnglets d = deuxOnglets();
        String retour2 = parcours.choisir(d.onglet2(), "payer");
        mvc.perform(get(retour2).cookie(d.acheteur())).andExpect(flash().attribute("messageSucces", containsString("reçu")));
        String retour1 = parcours.choisir(d.onglet1(), "payer");
        // Back before the notification: Guichet asks the provider, records the payment to refund, and refunds it.
        mvc.perform(get(retour1).cookie(d.acheteur())).andExpect(flash().attribute("messageInfo", containsString("remboursé")));
        payeUneFoisRembourseUneFois(d, d.onglet2(), d.onglet1());
        Thread.sleep(2500);
        payeUneFoisRembourseUneFois(d, d.onglet2(), d.onglet1());
    }

    @Test
    void lesDeuxPaiementsNotifiesEnMemeTemps_unSeulPaye_lAutreRembourse() throws Exception {
        for (int essai = 0; essai < 3; essai++) {
            DeuxOnglets d = deuxOnglets();
            CountDownLatch depart = new CountDownLatch(1);
            CompletableFuture<String> un = CompletableFuture.supplyAsync(() -> choisirAuSignal(depart, d.onglet1()));
            CompletableFuture<String> deux = CompletableFuture.supplyAsync(() -> choisirAuSignal(depart, d.onglet2()));
            depart.countDown();
            un.join();
            deux.join();
            assertThat(java.util.List.of(statut(d.onglet1()), statut(d.onglet2()))).containsExactlyInAnyOrder("PAYE", "REMBOURSE");
            payeUneFoisRembourseUneFois(d, statut(d.onglet1()).equals("PAYE") ? d.onglet1() : d.onglet2(),
                    statut(d.onglet1()).equals("PAYE") ? d.onglet2() : d.onglet1());
        }
    }

    @Test
    void prestataireEnPanneAuRemboursement_remboursementEnCoursAffiche_puisFaitASonRetour() throws Exception {
        DeuxOnglets d = deuxOnglets();
        parcours.choisir(d.onglet2(), "payer");
        // The provider's API goes down (its payment page stays up): the refund cannot be asked for.
        demo.serveur().pannes().programmer(Service.PAIEMENT, Pannes.Mode.INDISPONIBLE, 100_000);
        String retour1 = parcours.choisir(d.onglet1(), "payer");
        assertThat(statut(d.onglet1())).isEqualTo("A_REMBOURSER");
        mvc.perform(get(retour1).cookie(d.acheteur())).andExpect(flash().attribute("messageInfo", containsString("vous sera remboursé")));
        remboursements.passage();
        assertThat(statut(d.onglet1())).as("toujours à rembourser, rien de perdu").isEqualTo("A_REMBOURSER");
        assertThat(demo.serveur().paiements().statut(identifiant(d.onglet1()))).isEqualTo("PAYE");
        mvc.perform(get("/usager/vehicules/demandes/" + d.id()).cookie(d.acheteur())).andExpect(status().isOk())
                .andExpect(content().string(containsString("vous sera remboursé en entier")))
                .andExpect(content().string(containsString("Demandé au prestataire")));

        demo.serveur().pannes().reparer();
        attendre("remboursé par la tâche", () -> statut(d.onglet1()).equals("REMBOURSE"));
        assertThat(demo.serveur().paiements().statut(identifiant(d.onglet1()))).isEqualTo("REMBOURSE");
        assertThat(jdbc.sql("select count(*) from paiement where dossier_id = ? and statut = 'PAYE'").param(d.id()).query(Integer.class).single())
                .isOne();
    }

    private String choisirAuSignal(CountDownLatch depart, String onglet) {
        try {
            depart.await();
            return parcours.choisir(onglet, "payer");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String texte(byte[] pdf) throws java.io.IOException {
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(document);
        }
    }
}
