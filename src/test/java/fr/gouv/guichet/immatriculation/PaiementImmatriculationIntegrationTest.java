package fr.gouv.guichet.immatriculation;

import fr.gouv.fauxservices.PaiementsDemo;
import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.immatriculation.internal.ServeurDemoEmbarque;
import fr.gouv.guichet.signalement.Signaux;
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

import static fr.gouv.guichet.immatriculation.VehiculesDeTest.attendre;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 13, point 7: a dossier is paid exactly once whether the provider's notification arrives twice, late (after
 * the browser came back) or before it; a refused or abandoned payment is tried again; a forged notification is refused.
 * Point 8: the fraud patterns raise signals for the CERT.
 */
@TestGuichet
class PaiementImmatriculationIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encodeur;
    @Autowired
    Dossiers dossiers;
    @Autowired
    ServeurDemoEmbarque demo;
    @Autowired
    Signaux signaux;

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
    void notificationsNormales() {
        demo.serveur().paiements().notifier(PaiementsDemo.Notification.NORMALE, Duration.ZERO);
    }

    record Achat(Cookie acheteur, long dossierId) {
    }

    Achat achatPret(ComptesDeTest.Compte acheteur) throws Exception {
        ComptesDeTest.Compte vendeur = comptes.usager("83");
        VehiculesDeTest.VehiculeDeTest v = vehicules.vehicule(vendeur.id(), false);
        String code = parcours.vendre(ConnexionsHttp.usager(mvc, vendeur), v)[0];
        Cookie sa = ConnexionsHttp.usager(mvc, acheteur);
        return new Achat(sa, parcours.acheter(sa, v.immatriculation(), code, "Acheteur"));
    }

    int payes(long id) {
        return jdbc.sql("select count(*) from paiement where dossier_id = ? and statut = 'PAYE'").param(id).query(Integer.class).single();
    }

    int depots(long id) {
        return jdbc.sql("select count(*) from dossier_transition where dossier_id = ? and vers = 'DEPOSE'").param(id).query(Integer.class).single();
    }

    @Test
    void paiementRefusePuisAbandonne_puisReessayeEtPaye_uneSeuleFois() throws Exception {
        Achat a = achatPret(comptes.usager("83"));
        String retour = parcours.choisir(parcours.payerLien(a.acheteur(), a.dossierId()), "refuser");
        mvc.perform(get(retour).cookie(a.acheteur())).andExpect(flash().attribute("messageInfo", containsString("refusé")));
        assertThat(dossiers.deLUsager(a.dossierId(), jdbc.sql("select usager_id from dossier where id = ?").param(a.dossierId())
                .query(Long.class).single()).orElseThrow().estBrouillon()).as("rien de perdu, rien de transmis").isTrue();

        retour = parcours.choisir(parcours.payerLien(a.acheteur(), a.dossierId()), "abandonner");
        mvc.perform(get(retour).cookie(a.acheteur())).andExpect(flash().attribute("messageInfo", containsString("abandonné")));
        assertThat(payes(a.dossierId())).isZero();

        retour = parcours.choisir(parcours.payerLien(a.acheteur(), a.dossierId()), "payer");
        mvc.perform(get(retour).cookie(a.acheteur())).andExpect(flash().attribute("messageSucces", containsString("reçu")));
        assertThat(payes(a.dossierId())).isOne();
        assertThat(depots(a.dossierId())).isOne();
        assertThat(jdbc.sql("select statut from paiement where dossier_id = ? order by id").param(a.dossierId()).query(String.class).list())
                .containsExactly("REFUSE", "ABANDONNE", "PAYE");
        mvc.perform(get("/usager/vehicules/demandes/" + a.dossierId()).cookie(a.acheteur())).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(containsString("IM" + a.dossierId() + "-")));
    }

    @Test
    void notificationEnDouble_etNotificationEnRetardApresLeNavigateur_payentUneSeuleFois() throws Exception {
        demo.serveur().paiements().notifier(PaiementsDemo.Notification.DOUBLE, Duration.ZERO);
        Achat a = achatPret(comptes.usager("83"));
        String retour = parcours.choisir(parcours.payerLien(a.acheteur(), a.dossierId()), "payer");
        mvc.perform(get(retour).cookie(a.acheteur())).andExpect(status().is3xxRedirection());
        assertThat(payes(a.dossierId())).isOne();
        assertThat(depots(a.dossierId())).isOne();

        demo.serveur().paiements().notifier(PaiementsDemo.Notification.RETARDEE, Duration.ofMillis(1500));
        Achat b = achatPret(comptes.usager("83"));
        retour = parcours.choisir(parcours.payerLien(b.acheteur(), b.dossierId()), "payer");
        // The browser is back before the notification: Guichet asks the provider, and records the payment.
        mvc.perform(get(retour).cookie(b.acheteur())).andExpect(flash().attribute("messageSucces", containsString("reçu")));
        assertThat(payes(b.dossierId())).isOne();
        long transitions = jdbc.sql("select count(*) from dossier_transition where dossier_id = ?").param(b.dossierId()).query(Long.class).single();
        Thread.sleep(2500);
        assertThat(payes(b.dossierId())).isOne();
        assertThat(depots(b.dossierId())).as("la notification arrivée après n’a rien refait").isOne();
        assertThat(jdbc.sql("select count(*) from dossier_transition where dossier_id = ? and vers in ('DEPOSE')").param(b.dossierId())
                .query(Long.class).single()).isOne();
        assertThat(transitions).isPositive();
    }

    @Test
    void uneNotificationNonSigneeOuMalSigneeEstRefusee_etNeChangeRien() throws Exception {
        Achat a = achatPret(comptes.usager("83"));
        parcours.payerLien(a.acheteur(), a.dossierId());
        String reference = jdbc.sql("select reference from paiement where dossier_id = ?").param(a.dossierId()).query(String.class).single();
        String identifiant = jdbc.sql("select identifiant_prestataire from paiement where dossier_id = ?").param(a.dossierId()).query(String.class).single();
        String faux = "{\"identifiant\":\"" + identifiant + "\",\"reference\":\"" + reference + "\",\"statut\":\"PAYE\",\"montant\":1}";
        mvc.perform(post("/immatriculation/paiements/notification").contentType("application/json").content(faux))
                .andExpect(status().isForbidden());
        mvc.perform(post("/immatriculation/paiements/notification").contentType("application/json").header("X-Signature", "00ab")
                .content(faux)).andExpect(status().isForbidden());
        assertThat(payes(a.dossierId())).isZero();
        assertThat(jdbc.sql("select statut from paiement where dossier_id = ?").param(a.dossierId()).query(String.class).single())
                .isEqualTo("EN_ATTENTE");
    }

    @Test
    void troisChangementsDeTitulaireParLeMemeCompte_leveUnSignalEtVontALaFileDuCert() throws Exception {
        ComptesDeTest.Compte acheteur = comptes.usager("83");
        long dernier = 0;
        for (int i = 0; i < 3; i++) {
            Achat a = achatPret(acheteur);
            parcours.choisir(parcours.payerLien(a.acheteur(), a.dossierId()), "payer");
            dernier = a.dossierId();
        }
        long id = dernier;
        attendre("troisième changement orienté vers un agent", () -> jdbc.sql("select etat from dossier where id = ?").param(id)
                .query(String.class).single().equals("A_EXAMINER"));
        assertThat(signaux.duDossier(id)).extracting(s -> s.regle()).contains("immat-changements-meme-compte");
    }
}
