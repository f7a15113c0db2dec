package fr.gouv.guichet.immatriculation;

import fr.gouv.guichet.agent.Agents;
import fr.gouv.guichet.agent.RoleAgent;
import fr.gouv.guichet.demarche.InstructionDossiers;
import fr.gouv.guichet.demarche.TypeActeur;
import fr.gouv.guichet.support.AgentsDeTest;
import fr.gouv.guichet.support.ComptesDeTest;
import fr.gouv.guichet.support.ConnexionsHttp;
import fr.gouv.guichet.support.TestGuichet;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import java.time.LocalDate;

import static fr.gouv.guichet.immatriculation.VehiculesDeTest.attendre;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 13, "terminé quand": a car sold from one account, bought from another with the code, paid with the
 * demonstration provider, its provisional certificate printed, the card followed to shipping; a flagged case decided
 * by the CERT de Nîmes; and every page of the seller and the buyer refused to the other and to a third account.
 */
@TestGuichet
class ImmatriculationIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encodeur;
    @Autowired
    InstructionDossiers dossiers;
    @Autowired
    Agents agents;
    @Autowired
    RegistreVehicules registre;

    ComptesDeTest comptes;
    VehiculesDeTest vehicules;
    ParcoursImmatriculation parcours;

    @BeforeEach
    void init() {
        comptes = new ComptesDeTest(jdbc, encodeur);
        vehicules = new VehiculesDeTest(jdbc);
        parcours = new ParcoursImmatriculation(mvc, jdbc);
    }

    String etat(long id) {
        return jdbc.sql("select etat from dossier where id = ?").param(id).query(String.class).single();
    }

    @Test
    void venteAchatAvecLeCode_paiement_certificatProvisoire_carteExpediee_etRegistreAJour() throws Exception {
        ComptesDeTest.Compte vendeur = comptes.usager("83");
        ComptesDeTest.Compte acheteur = comptes.usager("83");
        Cookie sv = ConnexionsHttp.usager(mvc, vendeur);
        Cookie sa = ConnexionsHttp.usager(mvc, acheteur);
        VehiculesDeTest.VehiculeDeTest v = vehicules.vehicule(vendeur.id(), false);

        mvc.perform(get("/usager/vehicules").cookie(sv)).andExpect(status().isOk()).andExpect(content().string(
                org.hamcrest.Matchers.containsString(v.immatriculation())));
        String[] vente = parcours.vendre(sv, v);
        String code = vente[0];
        assertThat(code).hasSize(CodeCession.LONGUEUR);
        mvc.perform(get(vente[1]).cookie(sv).flashAttr("code", code)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(code)));
        mvc.perform(get(vente[1]).cookie(sv)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(code))));
        byte[] situation = mvc.perform(get(vente[1] + "/situation.pdf").cookie(sv)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        assertThat(new String(situation, 0, 5)).isEqualTo("%PDF-");
        assertThat(registre.historique(v.id())).extracting(OperationVehicule::type).contains("CESSION");

        long id = parcours.acheter(sa, v.immatriculation(), code, "Acheteur");
        assertThat(jdbc.sql("select montant_centimes from demande_immatriculation where dossier_id = ?").param(id).query(Integer.class).single())
                .as("Y1 (5 CV au tarif de la région) + Y4 + Y5").isGreaterThan(1376);
        String page = parcours.payerLien(sa, id);
        String retour = parcours.choisir(page, "payer");
        // The notification arrived before the browser comes back: the dossier is already paid and deposited.
        assertThat(jdbc.sql("select count(*) from paiement where dossier_id = ? and statut = 'PAYE'").param(id).query(Integer.class).single()).isOne();
        mvc.perform(get(retour).cookie(sa)).andExpect(status().is3xxRedirection());
        String numero = jdbc.sql("select numero from dossier where id = ?").param(id).query(String.class).single();
        assertThat(numero).startsWith("IM-083-");
        assertThat(dossiers.service(id)).contains("cert-immatriculation-nimes");

        attendre("carte commandée", () -> etat(id).equals("EN_PRODUCTION"));
        byte[] cpi = mvc.perform(get("/usager/vehicules/demandes/" + id + "/certificat-provisoire.pdf").cookie(sa)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(cpi, 0, 5)).isEqualTo("%PDF-");
        Vehicule apres = registre.parId(v.id()).orElseThrow();
        assertThat(apres.usagerId()).isEqualTo(acheteur.id());
        assertThat(apres.titulaire().nom()).isEqualTo("Acheteur");
        assertThat(apres.immatriculation()).as("un numéro de la série suit le véhicule").isEqualTo(v.immatriculation());
        assertThat(registre.historique(v.id())).extracting(OperationVehicule::type).containsSubsequence("CESSION", "CHANGEMENT_TITULAIRE");

        attendre("carte expédiée", () -> {
            try {
                mvc.perform(get("/usager/vehicules/demandes/" + id).cookie(sa)).andExpect(status().isOk());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            return etat(id).equals("EXPEDIE");
        });
        mvc.perform(get("/usager/vehicules/demandes/" + id).cookie(sa)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("numéro de suivi")));
        assertThat(dossiers.transitions(id)).extracting(t -> t.vers().code())
                .containsExactly("BROUILLON", "DEPOSE", "VALIDE", "EN_PRODUCTION", "EXPEDIE");
        mvc.perform(get("/usager/vehicules").cookie(sa)).andExpect(content().string(org.hamcrest.Matchers.containsString(v.immatriculation())))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/usager/vehicules/demandes/" + id + "/certificat-provisoire.pdf")));
        // The history in words, and the receipt of the payment on the dossier's page.
        mvc.perform(get("/usager/vehicules/" + v.id()).cookie(sa)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Déclaration de cession")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Changement de titulaire")))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("CHANGEMENT_TITULAIRE"))));
        mvc.perform(get("/usager/dossiers/" + id).cookie(sa)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Taxes payées")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("référence IM" + id + "-")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/usager/vehicules/demandes/" + id + "/certificat-provisoire.pdf")));
        mvc.perform(get("/usager/vehicules").cookie(sv)).andExpect(content().string(org.hamcrest.Matchers.containsString("aucun-vehicule")));

        // Nobody else sees any of it.
        Cookie tiers = ConnexionsHttp.usager(mvc, comptes.usager("83"));
        for (Cookie intrus : new Cookie[] {sv, tiers}) {
            mvc.perform(get("/usager/vehicules/demandes/" + id).cookie(intrus)).andExpect(status().isNotFound());
            mvc.perform(get("/usager/vehicules/demandes/" + id + "/certificat-provisoire.pdf").cookie(intrus)).andExpect(status().isNotFound());
            mvc.perform(post("/usager/vehicules/demandes/" + id).cookie(intrus).with(csrf()).param("action", "payer")).andExpect(status().isNotFound());
            mvc.perform(get("/usager/vehicules/" + v.id()).cookie(intrus)).andExpect(status().isNotFound());
            mvc.perform(post("/usager/vehicules/" + v.id() + "/cession").cookie(intrus).with(csrf())).andExpect(status().isNotFound());
            mvc.perform(post("/usager/vehicules/" + v.id() + "/adresse").cookie(intrus).with(csrf())).andExpect(status().isNotFound());
            mvc.perform(post("/usager/vehicules/" + v.id() + "/duplicata").cookie(intrus).with(csrf()).param("motif", "perte"))
                    .andExpect(status().isNotFound());
            mvc.perform(get(retour).cookie(intrus)).andExpect(status().isNotFound());
        }
        for (Cookie intrus : new Cookie[] {sa, tiers}) {
            mvc.perform(get(vente[1]).cookie(intrus)).andExpect(status().isNotFound());
            mvc.perform(get(vente[1] + "/situation.pdf").cookie(intrus)).andExpect(status().isNotFound());
        }
        mvc.perform(get("/usager/vehicules")).andExpect(status().is3xxRedirection());
    }

    @Test
    void codeFauxExpireDejaUtilise_messagesClairs_etForceBruteFreineeEtTracee() throws Exception {
        ComptesDeTest.Compte vendeur = comptes.usager("83");
        Cookie sv = ConnexionsHttp.usager(mvc, vendeur);
        ComptesDeTest.Compte acheteur = comptes.usager("83");
        Cookie sa = ConnexionsHttp.usager(mvc, acheteur);
        VehiculesDeTest.VehiculeDeTest v = vehicules.vehicule(vendeur.id(), false);
        mvc.perform(post("/usager/vehicules/" + v.id() + "/cession").cookie(sv).with(csrf()).param("dateVente", LocalDate.now().minusDays(16)
                        .toString()).param("kilometrage", "12").param("acquereurNom", "").param("acquereurPrenoms", "Dominique"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"acquereurNom-erreur\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("dans les 15 jours")));
        String code = parcours.vendre(sv, v)[0];

        mvc.perform(post("/usager/vehicules/achat").cookie(sa).with(csrf()).param("immatriculation", v.immatriculation()).param("code", "ZZZZZ"))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("ne correspond pas")));
        mvc.perform(post("/usager/vehicules/achat").cookie(sv).with(csrf()).param("immatriculation", v.immatriculation()).param("code", code))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("Vous êtes le vendeur")));
        long id = parcours.acheter(sa, v.immatriculation(), code, "Acheteur");
        assertThat(parcours.acheter(sa, v.immatriculation(), code, "Acheteur")).as("le même acheteur retrouve sa demande").isEqualTo(id);
        Cookie autre = ConnexionsHttp.usager(mvc, comptes.usager("83"));
        mvc.perform(post("/usager/vehicules/achat").cookie(autre).with(csrf()).param("immatriculation", v.immatriculation()).param("code", code))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("déjà été utilisé")));

        VehiculesDeTest.VehiculeDeTest w = vehicules.vehicule(vendeur.id(), false);
        String ancien = parcours.vendre(sv, w)[0];
        String nouveau = parcours.vendre(sv, w)[0];
        mvc.perform(post("/usager/vehicules/achat").cookie(sa).with(csrf()).param("immatriculation", w.immatriculation()).param("code", ancien))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("remplacé par une nouvelle déclaration")));
        jdbc.sql("update cession set expire_le = now() - interval '1 second' where vehicule_id = ? and remplacee_le is null").param(w.id()).update();
        mvc.perform(post("/usager/vehicules/achat").cookie(sa).with(csrf()).param("immatriculation", w.immatriculation()).param("code", nouveau))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("a expiré")));

        // Brute force: after 5 failures in an hour, even the right code is refused, and every attempt is recorded.
        VehiculesDeTest.VehiculeDeTest x = vehicules.vehicule(vendeur.id(), false);
        String bon = parcours.vendre(sv, x)[0];
        Cookie devin = ConnexionsHttp.usager(mvc, comptes.usager("83"));
        for (String essai : new String[] {"22222", "33333", "44444", "55555", "66666"}) {
            mvc.perform(post("/usager/vehicules/achat").cookie(devin).with(csrf()).param("immatriculation", x.immatriculation()).param("code", essai))
                    .andExpect(status().isOk());
        }
        mvc.perform(post("/usager/vehicules/achat").cookie(devin).with(csrf()).param("immatriculation", x.immatriculation()).param("code", bon))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("Trop de codes erronés")));
        assertThat(jdbc.sql("select count(*) from cession_tentative where immatriculation = ?").param(x.immatriculation()).query(Integer.class)
                .single()).isEqualTo(6);
    }

    @Test
    void vehiculeGage_vaALaFileDuCertDeNimes_lAgentDecide_puisLaCarteEstProduite() throws Exception {
        ComptesDeTest.Compte vendeur = comptes.usager("83");
        ComptesDeTest.Compte acheteur = comptes.usager("83");
        Cookie sv = ConnexionsHttp.usager(mvc, vendeur);
        Cookie sa = ConnexionsHttp.usager(mvc, acheteur);
        VehiculesDeTest.VehiculeDeTest v = vehicules.vehicule(vendeur.id(), true);
        String code = parcours.vendre(sv, v)[0];
        long id = parcours.acheter(sa, v.immatriculation(), code, "Autrenom");
        parcours.choisir(parcours.payerLien(sa, id, "Autrenom"), "payer");
        attendre("orienté vers un agent", () -> etat(id).equals("A_EXAMINER"));
        String motifs = jdbc.sql("select motifs_examen from demande_immatriculation where dossier_id = ?").param(id).query(String.class).single();
        assertThat(motifs).contains("gage inscrit", "identité discordante");
        assertThat(jdbc.sql("select onglet from dossier where id = ?").param(id).query(String.class).single()).isEqualTo("EN_INSTRUCTION");

        AgentsDeTest.Agent agent = new AgentsDeTest(agents).agent("cert-immatriculation-nimes", RoleAgent.INSTRUCTEUR);
        Cookie sag = ConnexionsHttp.agent(mvc, agent);
        mvc.perform(get("/agent/services/cert-immatriculation-nimes/file").cookie(sag)).andExpect(status().isOk());
        mvc.perform(get("/agent/dossiers/" + id).cookie(sag)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("gage inscrit")))
                // What the agent decides on: the register's situation, the sale the buyer used, the payment received.
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"vehicule-cert\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Vendu le " + LocalDate.now().minusDays(2)
                        .format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")) + " à Dominique Acheteur")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Cession déclarée 2 jour(s) après la vente")))
                .andExpect(content().string(org.hamcrest.Matchers.matchesRegex("(?s).*IM" + id + "-[0-9a-f]{12} : [^<]*Payé\\..*")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Déclaration de cession")));
        mvc.perform(post("/agent/dossiers/" + id + "/actions/ACCEPTER").cookie(sag).with(csrf()).param("motif", "Mainlevée du gage produite"))
                .andExpect(status().is3xxRedirection());
        attendre("carte commandée après la décision", () -> etat(id).equals("EN_PRODUCTION"));
        assertThat(dossiers.transitions(id)).extracting(t -> t.acteur()).contains(TypeActeur.SYSTEME, TypeActeur.AGENT);
        AgentsDeTest.Agent autreCert = new AgentsDeTest(agents).agent("cert-immatriculation-lyon", RoleAgent.INSTRUCTEUR);
        mvc.perform(get("/agent/dossiers/" + id).cookie(ConnexionsHttp.agent(mvc, autreCert))).andExpect(status().is4xxClientError());
    }
}
