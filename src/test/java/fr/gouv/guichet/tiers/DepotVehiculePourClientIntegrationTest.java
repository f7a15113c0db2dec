package fr.gouv.guichet.tiers;

import com.icegreen.greenmail.util.GreenMail;
import fr.gouv.guichet.agent.Agents;
import fr.gouv.guichet.demarche.Dossier;
import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.demarche.InstructionDossiers;
import fr.gouv.guichet.demarche.TypeActeur;
import fr.gouv.guichet.formulaire.CatalogueFormulaires;
import fr.gouv.guichet.formulaire.MoteurValidation;
import fr.gouv.guichet.immatriculation.VehiculesDeTest;
import fr.gouv.guichet.signalement.Signaux;
import fr.gouv.guichet.support.BoiteCourriels;
import fr.gouv.guichet.support.ComptesDeTest;
import fr.gouv.guichet.support.ConnexionsHttp;
import fr.gouv.guichet.support.TestGuichet;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Issue 15, point 3, vehicle registration: a habilitated garage files a change of holder for its client (code de
 * cession, client, mandate), pays the taxes, and the paid dossier goes to the client, who is e-mailed and objects.
 * The access, decided by {@code AccesTiers}, is tried by another company, the client, a company without the activity,
 * a suspended company and a removed collaborator; the generic filing page cannot deposit it unpaid.
 */
@TestGuichet
class DepotVehiculePourClientIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Dossiers dossiers;
    @Autowired
    InstructionDossiers instruction;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encodeur;
    @Autowired
    Agents agents;
    @Autowired
    CatalogueFormulaires catalogue;
    @Autowired
    MoteurValidation moteur;
    @Autowired
    Signaux signaux;
    @Autowired
    GreenMail greenMail;

    EntreprisesDeTest entreprises;
    ComptesDeTest comptes;
    final HttpClient navigateur = HttpClient.newHttpClient();

    @BeforeEach
    void preparer() {
        entreprises = new EntreprisesDeTest(dossiers, instruction, jdbc, encodeur, agents, catalogue, moteur);
        comptes = new ComptesDeTest(jdbc, encodeur);
    }

    /** A vehicle sold by its holder: the number and the code de cession the seller hands to the garage. */
    String[] vehiculeVendu() throws Exception {
        ComptesDeTest.Compte vendeur = comptes.usager("83");
        VehiculesDeTest.VehiculeDeTest v = new VehiculesDeTest(jdbc).vehicule(vendeur.id(), false);
        MvcResult r = mvc.perform(post("/usager/vehicules/" + v.id() + "/cession").cookie(ConnexionsHttp.usager(mvc, vendeur)).with(csrf())
                .param("dateVente", LocalDate.now().minusDays(1).toString()).param("kilometrage", "52 000")
                .param("acquereurNom", "Client").param("acquereurPrenoms", "Alix")).andReturn();
        return new String[] {v.immatriculation(), (String) r.getFlashMap().get("code")};
    }

    MvcResult deposer(Cookie session, String immatriculation, String code, String email, String adresse, int mandat) throws Exception {
        MockMultipartHttpServletRequestBuilder r = multipart("/usager/pro/depots/vehicule");
        r.file(new MockMultipartFile("mandat_fichier", "mandat.png", "image/png", DepotsTiersDeTest.mandat(mandat)));
        r.param("mandat_mode", "fichier").param("mandat_signataire", "Alix Client").param("immatriculation", immatriculation)
                .param("code_cession", code).param("nom", "Client").param("prenoms", "Alix").param("date_naissance", "12/05/1980")
                .param("courriel", email)
                .param("adresse", adresse).param("code_postal", "83000").param("commune", "Toulon");
        return mvc.perform(r.cookie(session).with(csrf())).andReturn();
    }

    static String erreurs(MvcResult r) {
        try {
            String page = r.getResponse().getContentAsString();
            int i = page.indexOf("resume-erreurs");
            return r.getResponse().getStatus() + " " + (i < 0 ? "" : page.substring(i, Math.min(page.length(), i + 600)));
        } catch (java.io.UnsupportedEncodingException e) {
            return e.getMessage();
        }
    }

    /** Pays on the demonstration provider's page; returns where the browser comes back. */
    String payer(Cookie session, long depot) throws Exception {
        return payerChezLePrestataire(pagePrestataire(session, depot));
    }

    /** Opens a payment of the deposit (as a tab would): the provider's page. */
    String pagePrestataire(Cookie session, long depot) throws Exception {
        String page = mvc.perform(post("/usager/pro/depots/" + depot + "/paiement").cookie(session).with(csrf())).andReturn()
                .getResponse().getRedirectedUrl();
        assertThat(page).startsWith("/usager/vehicules/paiements/");
        Matcher lien = Pattern.compile("id=\"aller-payer\" href=\"([^\"]+)\"")
                .matcher(mvc.perform(get(page).cookie(session)).andReturn().getResponse().getContentAsString());
        assertThat(lien.find()).isTrue();
        return lien.group(1).replace("&amp;", "&");
    }

    String payerChezLePrestataire(String pagePrestataire) throws Exception {
        HttpResponse<String> r = navigateur.send(HttpRequest.newBuilder(URI.create(pagePrestataire))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("action=payer")).build(),
                HttpResponse.BodyHandlers.ofString());
        String retour = r.headers().firstValue("Location").orElseThrow();
        return retour.substring(retour.indexOf("/usager/"));
    }

    @Test
    void unGarageQuiPaieDeuxFoisLeMemeDossier_estRembourseDuSecondPaiement_etLeLitAuRetour() throws Exception {
        var garage = entreprises.habilitee("professionnel_automobile", EntreprisesDeTest.SIRET_GARAGE, "Garage des Deux Onglets", 3, 200);
        Cookie vendeurPro = ConnexionsHttp.usager(mvc, garage.gerant());
        ComptesDeTest.Compte client = comptes.usager("83");
        String[] v = vehiculeVendu();
        MvcResult r = deposer(vendeurPro, v[0], v[1], client.email(), "9 rue des Deux Onglets", 4102);
        assertThat(r.getResponse().getRedirectedUrl()).as(() -> erreurs(r)).startsWith("/usager/pro/depots/");
        long depot = Long.parseLong(r.getResponse().getRedirectedUrl().substring("/usager/pro/depots/".length()));
        String onglet1 = pagePrestataire(vendeurPro, depot);
        String onglet2 = pagePrestataire(vendeurPro, depot);
        assertThat(onglet2).isNotEqualTo(onglet1);

        String retour1 = payerChezLePrestataire(onglet1);
        assertThat(mvc.perform(get(retour1).cookie(vendeurPro)).andReturn().getFlashMap().get("messageSucces")).asString()
                .contains("transmis");
        String retour2 = payerChezLePrestataire(onglet2);
        var flash = mvc.perform(get(retour2).cookie(vendeurPro)).andReturn().getFlashMap();
        assertThat(flash.get("messageInfo")).as("le second paiement est annoncé remboursé, pas « non confirmé »").asString()
                .contains("déjà payé", "remboursé en entier").doesNotContain("pas confirmé");
        long dossierId = jdbc.sql("select dossier_id from tiers_depot where id = ?").param(depot).query(Long.class).single();
        assertThat(jdbc.sql("select statut from paiement where dossier_id = ? order by id").param(dossierId).query(String.class).list())
                .containsExactlyInAnyOrder("PAYE", "REMBOURSE");
    }

    @Test
    void unGarageDeposeUnChangementDeTitulaire_lePaie_etLeClientLeRecoitPuisSOppose() throws Exception {
        var garage = entreprises.habilitee("professionnel_automobile", EntreprisesDeTest.SIRET_GARAGE, "Garage de la Rade", 3, 200);
        Cookie vendeurPro = ConnexionsHttp.usager(mvc, garage.gerant());
        ComptesDeTest.Compte client = comptes.usager("83");
        assertThat(mvc.perform(get("/usager/pro").cookie(vendeurPro)).andReturn().getResponse().getContentAsString())
                .contains("/usager/pro/depots/vehicule", "Changement de titulaire");
        String[] v = vehiculeVendu();
        // The manager signed in with FranceConnect: their certified identity must not become the client's.
        jdbc.sql("""
                        insert into usager_franceconnect (usager_id, sub, prenoms, nom_naissance, nom_usage, date_naissance, sexe,
                          lieu_naissance, pays_naissance, email) values (?, ?, 'Gérard', 'GARAGISTE', null, '1970-01-01',
                          'male', '83137', '99100', null)""")
                .params(garage.gerant().id(), "sub-garage-" + java.util.UUID.randomUUID()).update();

        MvcResult r = deposer(vendeurPro, v[0], v[1], client.email(), "7 rue de la Rade", 4101);
        assertThat(r.getResponse().getRedirectedUrl()).as(() -> erreurs(r)).startsWith("/usager/pro/depots/");
        long depot = Long.parseLong(r.getResponse().getRedirectedUrl().substring("/usager/pro/depots/".length()));
        long dossierId = jdbc.sql("select dossier_id from tiers_depot where id = ?").param(depot).query(Long.class).single();
        assertThat(dossiers.deLUsager(dossierId, garage.gerant().id()).orElseThrow().estBrouillon()).as("en attente du paiement").isTrue();
        assertThat(instruction.pieces(dossierId)).as("un brouillon ne reçoit pas de pièce").isEmpty();
        assertThat(mvc.perform(get("/usager/vehicules/demandes/" + dossierId).cookie(vendeurPro)).andReturn().getResponse()
                .getContentAsString()).as("la page de la demande ne remplace pas le client par le gérant connecté")
                .contains("value=\"Client\"").doesNotContain("GARAGISTE");
        assertThat(mvc.perform(get("/usager/pro/depots/" + depot).cookie(vendeurPro)).andReturn().getResponse().getContentAsString())
                .contains("Taxes à payer", v[0]);

        String retour = payer(vendeurPro, depot);
        assertThat(retour).startsWith("/usager/pro/depots/" + depot + "/paiement?reference=");
        assertThat(mvc.perform(get(retour).cookie(vendeurPro)).andReturn().getFlashMap().get("messageSucces")).asString()
                .contains("transmis");

        Dossier dossier = instruction.pourInstruction(dossierId).orElseThrow();
        assertThat(dossier.numero()).as("déposé au paiement").isNotNull();
        assertThat(dossier.usagerId()).as("remis au compte du client").isEqualTo(client.id());
        assertThat(dossier.reponses()).containsEntry("adresse", "7 rue de la Rade").containsEntry("nom", "Client")
                .containsEntry("prenoms", "Alix").containsEntry("date_naissance", "1980-05-12")
                .doesNotContainKey("identite_franceconnect");
        assertThat(instruction.pieces(dossierId)).as("mandat joint pour le centre d’instruction").extracting(p -> p.codePiece())
                .containsExactly("mandat");
        assertThat(mvc.perform(get("/usager/pro/depots/" + depot).cookie(vendeurPro)).andReturn().getResponse().getContentAsString())
                .contains(dossier.numero()).doesNotContain("Taxes à payer");
        assertThat(mvc.perform(get("/usager/vehicules/demandes/" + dossierId).cookie(ConnexionsHttp.usager(mvc, client)))
                .andReturn().getResponse().getStatus()).as("le client le voit dans son espace").isEqualTo(200);

        BoiteCourriels.Recu courriel = new BoiteCourriels(greenMail).attendre(client.email(), "déposée en votre nom");
        String lien = courriel.lien().replaceFirst("^https?://[^/]+", "");
        assertThat(mvc.perform(get(lien)).andReturn().getResponse().getContentAsString()).contains(dossier.numero(), "Je m’oppose");
        mvc.perform(post(lien + "/opposition").param("motif", "Je n’ai rien acheté à ce garage.").with(csrf()));
        assertThat(signaux.duDossier(dossierId)).extracting(s -> s.regle()).contains("tiers-opposition");
        assertThat(signaux.duDossier(garage.dossier())).extracting(s -> s.regle()).contains("tiers-opposition");
    }

    @Test
    void unCodeDeCessionFaux_rienNEstEnregistre_etLeMessageEstAcoteDuChamp() throws Exception {
        var garage = entreprises.habilitee("professionnel_automobile", EntreprisesDeTest.SIRET_GARAGE, "Garage Code Faux", 3, 200);
        String[] v = vehiculeVendu();
        MvcResult r = deposer(ConnexionsHttp.usager(mvc, garage.gerant()), v[0], "ZZZZZZZZZZ", "code-faux@exemple.fr", "2 rue Fausse", 4102);
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        assertThat(r.getResponse().getContentAsString()).contains("resume-erreurs", "erreur-code_cession", "aria-invalid");
        assertThat(jdbc.sql("select count(*) from tiers_depot where client_email = 'code-faux@exemple.fr'").query(Integer.class).single()).isZero();
    }

    @Test
    void lAcces_estRefuse_aUneAutreEntreprise_auClient_horsActivite_suspendu_collaborateurRetire() throws Exception {
        var garage = entreprises.habilitee("professionnel_automobile", EntreprisesDeTest.SIRET_GARAGE, "Garage Victime", 3, 200);
        var intrus = entreprises.habilitee("professionnel_automobile", EntreprisesDeTest.SIRET_GARAGE, "Garage Intrus", 3, 200);
        var ecole = entreprises.habilitee("auto_ecole", EntreprisesDeTest.SIRET_AUTO_ECOLE, "Auto-école Sans Voitures", 3, 200);
        Cookie gerant = ConnexionsHttp.usager(mvc, garage.gerant());
        ComptesDeTest.Compte collegue = comptes.usager("83");
        jdbc.sql("insert into tiers_collaborateur (usager_id, entreprise_id, role, ajoute_le) values (?, ?, 'COLLABORATEUR', now())")
                .params(collegue.id(), garage.entreprise()).update();
        Cookie sessionCollegue = ConnexionsHttp.usager(mvc, collegue);
        ComptesDeTest.Compte client = comptes.usager("83");
        String[] v = vehiculeVendu();
        long depot = Long.parseLong(deposer(sessionCollegue, v[0], v[1], client.email(), "8 rue Gardée", 4103).getResponse()
                .getRedirectedUrl().substring("/usager/pro/depots/".length()));

        Cookie autre = ConnexionsHttp.usager(mvc, intrus.gerant());
        Cookie sessionClient = ConnexionsHttp.usager(mvc, client);
        for (Cookie refuse : List.of(autre, sessionClient)) {
            assertThat(mvc.perform(get("/usager/pro/depots/" + depot).cookie(refuse)).andReturn().getResponse().getStatus()).isEqualTo(404);
            assertThat(mvc.perform(post("/usager/pro/depots/" + depot + "/paiement").cookie(refuse).with(csrf())).andReturn()
                    .getResponse().getStatus()).isEqualTo(404);
            assertThat(mvc.perform(get("/usager/pro/depots/" + depot + "/paiement").param("reference", "IM1-00").cookie(refuse))
                    .andReturn().getResponse().getStatus()).isEqualTo(404);
        }
        assertThat(mvc.perform(get("/usager/pro/depots/vehicule").cookie(sessionClient)).andReturn().getResponse().getStatus()).isEqualTo(404);
        Cookie moniteur = ConnexionsHttp.usager(mvc, ecole.gerant());
        assertThat(mvc.perform(get("/usager/pro/depots/vehicule").cookie(moniteur)).andReturn().getResponse().getStatus())
                .as("activité non habilitée").isEqualTo(403);
        assertThat(mvc.perform(get("/usager/pro").cookie(moniteur)).andReturn().getResponse().getContentAsString())
                .doesNotContain("/usager/pro/depots/vehicule");
        // The generic page never deposits a change of holder (it would skip the code and the taxes).
        assertThat(mvc.perform(get("/usager/pro/depots/nouveau").param("procedure", "IM_CHANGEMENT_TITULAIRE").cookie(gerant))
                .andReturn().getResponse().getStatus()).isEqualTo(403);

        // A removed collaborator no longer reaches the company's deposits.
        mvc.perform(post("/usager/pro/collaborateurs/" + collegue.id() + "/retrait").cookie(gerant).with(csrf()));
        assertThat(mvc.perform(get("/usager/pro/depots/" + depot).cookie(sessionCollegue)).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/usager/pro/depots/vehicule").cookie(sessionCollegue)).andReturn().getResponse().getStatus()).isEqualTo(404);

        // Suspended: reads, neither files nor pays.
        instruction.appliquer(garage.dossier(), CycleHabilitation.SUSPENDRE, TypeActeur.AGENT, garage.agent().id(), "Contrôle");
        assertThat(mvc.perform(get("/usager/pro/depots/" + depot).cookie(gerant)).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(get("/usager/pro/depots/vehicule").cookie(gerant)).andReturn().getResponse().getStatus()).isEqualTo(403);
        String[] w = vehiculeVendu();
        assertThat(deposer(gerant, w[0], w[1], "suspendu@exemple.fr", "1 rue Close", 4104).getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(post("/usager/pro/depots/" + depot + "/paiement").cookie(gerant).with(csrf())).andReturn()
                .getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void unVehiculeRevenduEnChaine_parDesProfessionnels_leveUnSignalExplique() throws Exception {
        var garage = entreprises.habilitee("professionnel_automobile", EntreprisesDeTest.SIRET_GARAGE, "Garage Chaîne", 3, 200);
        var complice = entreprises.habilitee("professionnel_automobile", EntreprisesDeTest.SIRET_GARAGE, "Garage Complice", 3, 200);
        String[] v = vehiculeVendu();
        // Two earlier changes of holder of the same vehicle filed by professionals (the register's history is the demo's).
        for (int i = 0; i < 2; i++) {
            long brouillon = dossiers.creerBrouillon(complice.gerant().id(), "83", "IM_CHANGEMENT_TITULAIRE", "immatriculation-operation", "1",
                    java.util.Map.of("immatriculation", v[0]), null, null);
            jdbc.sql("""
                            insert into tiers_depot (entreprise_id, collaborateur_id, dossier_id, demarche, client_nom, client_prenoms, client_email,
                              client_adresse, mandat_mode, mandat_sha256, mandat_signataire, lieu, jeton_sha256, depose_le, immatriculation, transmis_le)
                            values (?, ?, ?, 'IM_CHANGEMENT_TITULAIRE', 'Relais', 'Un', ?, '1 rue relais 83000 toulon', 'SIGNE_A_L_ECRAN', ?, 'Un Relais',
                              '192.0.2.0', ?, now() - interval '20 days', ?, now() - interval '20 days')""")
                    .params(complice.entreprise(), complice.gerant().id(), brouillon, "relais-" + i + "-" + v[0] + "@exemple.fr",
                            "%064d".formatted(i), "%064d".formatted(brouillon), v[0]).update();
        }
        MvcResult r = deposer(ConnexionsHttp.usager(mvc, garage.gerant()), v[0], v[1], "chaine-" + v[0] + "@exemple.fr", "3 rue du Relais", 4105);
        assertThat(r.getResponse().getRedirectedUrl()).as(() -> erreurs(r)).startsWith("/usager/pro/depots/");
        assertThat(signaux.duDossier(garage.dossier())).filteredOn(s -> s.regle().equals("tiers-reventes-en-chaine")).singleElement()
                .satisfies(s -> assertThat(s.explication()).contains(v[0], "3 fois", "Garage Complice", "Garage Chaîne"));
    }

    @Test
    void leGerantResilieLaConvention_preavisDeDeuxMois_puisPlusDeDepot_etLesDossiersRestentLisibles() throws Exception {
        var garage = entreprises.habilitee("professionnel_automobile", EntreprisesDeTest.SIRET_GARAGE, "Garage Qui Ferme", 3, 200);
        Cookie gerant = ConnexionsHttp.usager(mvc, garage.gerant());
        ComptesDeTest.Compte collegue = comptes.usager("83");
        jdbc.sql("insert into tiers_collaborateur (usager_id, entreprise_id, role, ajoute_le) values (?, ?, 'COLLABORATEUR', now())")
                .params(collegue.id(), garage.entreprise()).update();
        String[] v = vehiculeVendu();
        long depot = Long.parseLong(deposer(gerant, v[0], v[1], "ferme-" + v[0] + "@exemple.fr", "5 rue Close", 4106).getResponse()
                .getRedirectedUrl().substring("/usager/pro/depots/".length()));

        // Only the manager ends it, and only with the explicit confirmation.
        assertThat(mvc.perform(post("/usager/pro/resiliation").param("confirme", "true").cookie(ConnexionsHttp.usager(mvc, collegue))
                .with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(404);
        mvc.perform(post("/usager/pro/resiliation").param("motif", "Cessation").cookie(gerant).with(csrf()));
        assertThat(statut(garage.entreprise())).isEqualTo("HABILITEE");
        mvc.perform(post("/usager/pro/resiliation").param("motif", "Cessation d’activité").param("confirme", "true").cookie(gerant).with(csrf()));
        assertThat(statut(garage.entreprise())).isEqualTo("RESILIATION_NOTIFIEE");
        assertThat(instruction.transitions(garage.dossier())).extracting(t -> t.acteur()).contains(TypeActeur.USAGER);
        assertThat(jdbc.sql("select fin_le > now() + interval '58 days' and fin_le < now() + interval '63 days' from tiers_entreprise where id = ?")
                .param(garage.entreprise()).query(Boolean.class).single()).as("préavis de deux mois").isTrue();
        // During the notice: files, and the directory still lists it.
        assertThat(mvc.perform(get("/usager/pro").cookie(gerant)).andReturn().getResponse().getContentAsString()).contains("Résiliation notifiée");
        assertThat(mvc.perform(get("/usager/pro/depots/vehicule").cookie(gerant)).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(get("/professionnels-habilites").param("q", "Garage Qui Ferme")).andReturn().getResponse().getContentAsString())
                .contains("<td>Garage Qui Ferme</td>");

        // The notice is over: the convention ends at the next reading; no more deposits, the dossiers stay readable.
        jdbc.sql("update tiers_entreprise set fin_le = now() - interval '1 second' where id = ?").param(garage.entreprise()).update();
        assertThat(mvc.perform(get("/usager/pro").cookie(gerant)).andReturn().getResponse().getContentAsString())
                .contains("Vous ne pouvez plus déposer", "La convention a pris fin");
        assertThat(statut(garage.entreprise())).isEqualTo("RESILIEE");
        assertThat(instruction.pourInstruction(garage.dossier()).orElseThrow().etat().code()).isEqualTo("RESILIEE");
        assertThat(mvc.perform(get("/usager/pro/depots/vehicule").cookie(gerant)).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(post("/usager/pro/depots/" + depot + "/paiement").cookie(gerant).with(csrf())).andReturn()
                .getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/usager/pro/depots/" + depot).cookie(ConnexionsHttp.usager(mvc, collegue))).andReturn().getResponse()
                .getStatus()).as("dossiers consultables").isEqualTo(200);
        assertThat(mvc.perform(get("/professionnels-habilites").param("q", "Garage Qui Ferme")).andReturn().getResponse().getContentAsString())
                .doesNotContain("<td>Garage Qui Ferme</td>");
    }

    String statut(long entreprise) {
        return jdbc.sql("select statut from tiers_entreprise where id = ?").param(entreprise).query(String.class).single();
    }

    @Test
    void desTitresVersDesAdressesInconnuesDeLaBan_leventUnSignal_etLeReferentielDeDemonstrationConnaitLesAdressesReelles() throws Exception {
        var ecole = entreprises.habilitee("auto_ecole", EntreprisesDeTest.SIRET_AUTO_ECOLE, "Auto-école Fantôme", 3, 200);
        Cookie moniteur = ConnexionsHttp.usager(mvc, ecole.gerant());
        String marque = Long.toHexString(System.nanoTime());
        DepotsTiersDeTest.deposer(mvc, moniteur, DepotsTiersDeTest.client("Reel", "reel-" + marque + "@exemple.fr", "3 rue des Lilas"),
                null, "192.0.2.40");
        for (int i = 0; i < 3; i++) {
            MvcResult r = DepotsTiersDeTest.deposer(mvc, moniteur, DepotsTiersDeTest.client("Fantome" + i, "fantome-" + i + marque + "@exemple.fr",
                    "Domiciliation bureau " + marque + " " + i), null, "192.0.2.40");
            assertThat(r.getResponse().getRedirectedUrl()).as(() -> erreurs(r)).startsWith("/usager/pro/depots/");
        }
        assertThat(jdbc.sql("select adresse_connue from tiers_depot where client_email like ? order by id").param("%" + marque + "@exemple.fr")
                .query(Boolean.class).list()).containsExactly(true, false, false, false);
        assertThat(signaux.duDossier(ecole.dossier())).filteredOn(s -> s.regle().equals("tiers-adresse-inconnue")).singleElement()
                .satisfies(s -> assertThat(s.explication()).contains("3 dépôts", "Base Adresse Nationale", "domiciliation bureau"));
    }
}
