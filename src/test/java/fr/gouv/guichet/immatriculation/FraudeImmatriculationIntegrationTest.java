package fr.gouv.guichet.immatriculation;

import fr.gouv.guichet.signalement.Signaux;
import fr.gouv.guichet.support.ComptesDeTest;
import fr.gouv.guichet.support.ConnexionsHttp;
import fr.gouv.guichet.support.TestGuichet;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import java.time.LocalDate;

import static fr.gouv.guichet.immatriculation.VehiculesDeTest.attendre;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 13, point 8, the fraud patterns other than many changes by one account (PaiementImmatriculationIntegrationTest):
 * many changes of holder to one address from different accounts; a vehicle whose sale is declared long after the
 * sale, declared again within days, and whose code was tried wrong several times. Each raises its signal and sends
 * the dossier to the CERT's queue. Addresses and accounts of their own: the rules count over the whole database.
 */
@TestGuichet
class FraudeImmatriculationIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encodeur;
    @Autowired
    Signaux signaux;

    String etat(long id) {
        return jdbc.sql("select etat from dossier where id = ?").param(id).query(String.class).single();
    }

    @Test
    void troisChangementsDeTitulaireVersLaMemeAdresse_parTroisComptes_signalEtFileDuCert() throws Exception {
        ComptesDeTest comptes = new ComptesDeTest(jdbc, encodeur);
        // One journey object: one address of its own for the three purchases.
        ParcoursImmatriculation parcours = new ParcoursImmatriculation(mvc, jdbc);
        long[] dossiers = new long[3];
        for (int i = 0; i < 3; i++) {
            ComptesDeTest.Compte vendeur = comptes.usager("83");
            VehiculesDeTest.VehiculeDeTest v = new VehiculesDeTest(jdbc).vehicule(vendeur.id(), false);
            String code = parcours.vendre(ConnexionsHttp.usager(mvc, vendeur), v)[0];
            Cookie sa = ConnexionsHttp.usager(mvc, comptes.usager("83"));
            dossiers[i] = parcours.acheter(sa, v.immatriculation(), code, "Acheteur");
            parcours.choisir(parcours.payerLien(sa, dossiers[i]), "payer");
        }
        attendre("premier changement traité automatiquement", () -> !etat(dossiers[0]).equals("DEPOSE"));
        assertThat(etat(dossiers[0])).isNotEqualTo("A_EXAMINER");
        attendre("troisième changement orienté vers un agent", () -> etat(dossiers[2]).equals("A_EXAMINER"));
        assertThat(signaux.duDossier(dossiers[2])).extracting(s -> s.regle())
                .contains("immat-changements-meme-adresse").doesNotContain("immat-changements-meme-compte");
        assertThat(jdbc.sql("select motifs_examen from demande_immatriculation where dossier_id = ?").param(dossiers[2])
                .query(String.class).single()).contains("changements de titulaire vers la même adresse");
    }

    @Test
    void cessionTardive_redeclareeDansLesJours_codesEssayes_signauxEtFileDuCert() throws Exception {
        ComptesDeTest comptes = new ComptesDeTest(jdbc, encodeur);
        ComptesDeTest.Compte vendeur = comptes.usager("83");
        Cookie sv = ConnexionsHttp.usager(mvc, vendeur);
        VehiculesDeTest.VehiculeDeTest v = new VehiculesDeTest(jdbc).vehicule(vendeur.id(), false);
        String code = null;
        for (int i = 0; i < 2; i++) {
            code = (String) mvc.perform(post("/usager/vehicules/" + v.id() + "/cession").cookie(sv).with(csrf())
                            .param("dateVente", LocalDate.now().minusDays(12).toString()).param("kilometrage", "120000")
                            .param("acquereurNom", "Acheteur").param("acquereurPrenoms", "Dominique"))
                    .andExpect(status().is3xxRedirection()).andReturn().getFlashMap().get("code");
        }
        Cookie sa = ConnexionsHttp.usager(mvc, comptes.usager("83"));
        for (String faux : new String[] {"AAAAA", "BBBBB", "CCCCC"}) {
            mvc.perform(post("/usager/vehicules/achat").cookie(sa).with(csrf()).param("immatriculation", v.immatriculation())
                    .param("code", faux)).andExpect(status().isOk());
        }
        ParcoursImmatriculation parcours = new ParcoursImmatriculation(mvc, jdbc);
        long id = parcours.acheter(sa, v.immatriculation(), code, "Acheteur");
        parcours.choisir(parcours.payerLien(sa, id), "payer");
        attendre("orienté vers un agent", () -> etat(id).equals("A_EXAMINER"));
        assertThat(signaux.duDossier(id)).extracting(s -> s.regle())
                .contains("immat-cession-tardive", "immat-ventes-rapprochees", "immat-codes-essayes");
    }

    @Test
    void duplicataDemandeParLeVendeurApresSaDeclarationDeCession_signalEtFileDuCert() throws Exception {
        ComptesDeTest.Compte vendeur = new ComptesDeTest(jdbc, encodeur).usager("83");
        Cookie sv = ConnexionsHttp.usager(mvc, vendeur);
        VehiculesDeTest.VehiculeDeTest v = new VehiculesDeTest(jdbc).vehicule(vendeur.id(), false);
        ParcoursImmatriculation parcours = new ParcoursImmatriculation(mvc, jdbc);
        parcours.vendre(sv, v);
        // The barred card is with the buyer; the seller asks for a new one.
        String demande = mvc.perform(post("/usager/vehicules/" + v.id() + "/duplicata").cookie(sv).with(csrf()).param("motif", "deterioration"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(demande.substring(demande.lastIndexOf('/') + 1));
        parcours.choisir(parcours.payerLien(sv, id, "Vendeur"), "payer");
        attendre("orienté vers un agent", () -> etat(id).equals("A_EXAMINER"));
        assertThat(signaux.duDossier(id)).extracting(s -> s.regle()).contains("immat-operation-apres-cession");
        assertThat(jdbc.sql("select motifs_examen from demande_immatriculation where dossier_id = ?").param(id).query(String.class).single())
                .contains("alors que le titulaire a déclaré la cession du véhicule");
    }
}
