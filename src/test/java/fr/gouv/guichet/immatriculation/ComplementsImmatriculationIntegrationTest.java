package fr.gouv.guichet.immatriculation;

import com.icegreen.greenmail.util.GreenMail;
import fr.gouv.guichet.support.BoiteCourriels;
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
import java.util.UUID;

import static fr.gouv.guichet.immatriculation.VehiculesDeTest.attendre;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 13, what the usager notices around the operations: the accusé de réception e-mailed at the deposit (through
 * the usager's sending choice, with the CERT de Nîmes's contact details), the buyer's identity from FranceConnect
 * prefilled and not editable, and the moving date of an address change checked against the one-month rule.
 */
@TestGuichet
class ComplementsImmatriculationIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encodeur;
    @Autowired
    GreenMail greenMail;
    @Autowired
    RegistreVehicules registre;

    String etat(long id) {
        return jdbc.sql("select etat from dossier where id = ?").param(id).query(String.class).single();
    }

    /** The seller declares the sale of a car of its own, the buyer enters the code: the buyer's draft's address. */
    String ouvrirAchat(ParcoursImmatriculation parcours, ComptesDeTest.Compte vendeur, Cookie acheteur) throws Exception {
        VehiculesDeTest.VehiculeDeTest v = new VehiculesDeTest(jdbc).vehicule(vendeur.id(), false);
        String code = parcours.vendre(ConnexionsHttp.usager(mvc, vendeur), v)[0];
        return mvc.perform(post("/usager/vehicules/achat").cookie(acheteur).with(csrf()).param("immatriculation", v.immatriculation())
                .param("code", code)).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
    }

    @Test
    void changementDeTitulairePaye_accuseDeReceptionParCourriel_avecLeCertDeNimes() throws Exception {
        ComptesDeTest comptes = new ComptesDeTest(jdbc, encodeur);
        ComptesDeTest.Compte vendeur = comptes.usager("83");
        ComptesDeTest.Compte acheteur = comptes.usager("83");
        ParcoursImmatriculation parcours = new ParcoursImmatriculation(mvc, jdbc);
        VehiculesDeTest.VehiculeDeTest v = new VehiculesDeTest(jdbc).vehicule(vendeur.id(), false);
        String code = parcours.vendre(ConnexionsHttp.usager(mvc, vendeur), v)[0];
        Cookie sa = ConnexionsHttp.usager(mvc, acheteur);
        long id = parcours.acheter(sa, v.immatriculation(), code, "Acheteur");
        parcours.choisir(parcours.payerLien(sa, id), "payer");
        String numero = jdbc.sql("select numero from dossier where id = ?").param(id).query(String.class).single();

        BoiteCourriels.Recu accuse = new BoiteCourriels(greenMail).attendre(acheteur.email(), "Accusé de réception de votre demande " + numero);
        assertThat(accuse.texte()).contains("Changement de titulaire d’un véhicule d’occasion")
                .contains("CERT immatriculation de Nîmes").contains("Téléphone : 01 99 00").contains("@demo.guichet.invalid")
                .as("l’accusé est aussi le reçu du paiement").contains("Taxes payées").contains("référence IM" + id + "-");
        assertThat(accuse.lien()).endsWith("/usager/dossiers/" + id);
        assertThat(new BoiteCourriels(greenMail).pour(vendeur.email())).extracting(BoiteCourriels.Recu::sujet)
                .noneMatch(s -> s.contains(numero));
        byte[] pdf = mvc.perform(get("/usager/dossiers/" + id + "/recepisse.pdf").cookie(sa)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(fr.gouv.guichet.demarche.DossierUsagerIntegrationTest.texte(pdf).replaceAll("\\s+", " "))
                .as("l’accusé nomme le titulaire et son adresse enregistrés").contains("Dominique Acheteur").contains(parcours.adresse)
                .doesNotContain("Demandeur non renseigné");
    }

    @Test
    void acheteurVenuDeFranceConnect_identitePreRemplieEtNonModifiable() throws Exception {
        ComptesDeTest comptes = new ComptesDeTest(jdbc, encodeur);
        ComptesDeTest.Compte vendeur = comptes.usager("83");
        ComptesDeTest.Compte acheteur = comptes.usager("83");
        jdbc.sql("""
                        insert into usager_franceconnect (usager_id, sub, prenoms, nom_naissance, nom_usage, date_naissance, sexe,
                          lieu_naissance, pays_naissance, email) values (?, ?, 'Angela Claire Louise', 'DUBOIS', null, '1962-08-24',
                          'female', '75107', '99100', null)""")
                .params(acheteur.id(), "sub-immat-" + UUID.randomUUID()).update();
        ParcoursImmatriculation parcours = new ParcoursImmatriculation(mvc, jdbc);
        Cookie sa = ConnexionsHttp.usager(mvc, acheteur);
        String demande = ouvrirAchat(parcours, vendeur, sa);
        long id = Long.parseLong(demande.substring(demande.lastIndexOf('/') + 1));

        String page = mvc.perform(get(demande).cookie(sa)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"identite-franceconnect\"").contains("value=\"DUBOIS\"").contains("value=\"Angela Claire Louise\"")
                .contains("value=\"1962-08-24\"").contains("Transmis par FranceConnect : ne se modifie pas ici.");
        assertThat(page.split("readonly", -1)).as("nom, prénoms, date de naissance en lecture seule").hasSize(4);

        // A forged form cannot change the certified identity.
        int version = jdbc.sql("select version from dossier where id = ?").param(id).query(Integer.class).single();
        mvc.perform(post(demande).cookie(sa).with(csrf()).param("version", String.valueOf(version)).param("action", "enregistrer")
                        .param("nom", "Usurpateur").param("prenoms", "Faux").param("date_naissance", "2000-01-01")
                        .param("adresse", ParcoursImmatriculation.adresseUnique("rue des Lices")).param("code_postal", "83000")
                        .param("commune", "Toulon"))
                .andExpect(status().is3xxRedirection());
        var reponses = jdbc.sql("select reponses ->> 'nom' a, reponses ->> 'prenoms' b, reponses ->> 'date_naissance' c, "
                + "reponses ->> 'identite_franceconnect' d from dossier where id = ?").param(id).query().listOfRows().getFirst().values();
        assertThat(reponses).containsExactly("DUBOIS", "Angela Claire Louise", "1962-08-24", "oui");
    }

    @Test
    void sansFranceConnect_laDateDeNaissanceEstDemandee() throws Exception {
        ComptesDeTest comptes = new ComptesDeTest(jdbc, encodeur);
        ComptesDeTest.Compte vendeur = comptes.usager("83");
        ComptesDeTest.Compte acheteur = comptes.usager("83");
        ParcoursImmatriculation parcours = new ParcoursImmatriculation(mvc, jdbc);
        Cookie sa = ConnexionsHttp.usager(mvc, acheteur);
        String demande = ouvrirAchat(parcours, vendeur, sa);
        long id = Long.parseLong(demande.substring(demande.lastIndexOf('/') + 1));
        int version = jdbc.sql("select version from dossier where id = ?").param(id).query(Integer.class).single();
        mvc.perform(post(demande).cookie(sa).with(csrf()).param("version", String.valueOf(version)).param("action", "enregistrer")
                        .param("nom", "Acheteur").param("prenoms", "Dominique").param("date_naissance", "31/02/1980")
                        .param("adresse", parcours.adresse).param("code_postal", "83400").param("commune", "Hyères"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"date_naissance-erreur\"")))
                .andExpect(content().string(containsString("Cette date n’existe pas ou est mal écrite")))
                .andExpect(content().string(not(containsString("readonly"))));
        mvc.perform(post(demande).cookie(sa).with(csrf()).param("version", String.valueOf(version)).param("action", "enregistrer")
                        .param("nom", "Acheteur").param("prenoms", "Dominique").param("date_naissance", "12/04/1980")
                        .param("adresse", parcours.adresse).param("code_postal", "83400").param("commune", "Hyères"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select reponses ->> 'date_naissance' from dossier where id = ?").param(id).query(String.class).single())
                .isEqualTo("1980-04-12");
    }

    @Test
    void changementDAdresse_dateDeDemenagementControlee_dansLeMois() throws Exception {
        ComptesDeTest.Compte titulaire = new ComptesDeTest(jdbc, encodeur).usager("83");
        Cookie s = ConnexionsHttp.usager(mvc, titulaire);
        VehiculesDeTest.VehiculeDeTest v = new VehiculesDeTest(jdbc).vehicule(titulaire.id(), false);
        String url = mvc.perform(post("/usager/vehicules/" + v.id() + "/adresse").cookie(s).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
        mvc.perform(get(url).cookie(s)).andExpect(status().isOk()).andExpect(content().string(containsString("Date du déménagement")));
        String adresse = ParcoursImmatriculation.adresseUnique("boulevard de Strasbourg");
        String[][] cas = {
                {"", "Indiquez la date de votre déménagement."},
                {LocalDate.now().plusDays(3).toString(), "La date du déménagement ne peut pas être dans le futur."},
                {LocalDate.now().minusMonths(1).minusDays(2).toString(), "Le changement d’adresse se déclare dans le mois qui suit le déménagement"},
                {"32/13/2026", "Cette date n’existe pas ou est mal écrite"},
        };
        for (String[] c : cas) {
            int version = jdbc.sql("select version from dossier where id = ?").param(id).query(Integer.class).single();
            mvc.perform(post(url).cookie(s).with(csrf()).param("version", String.valueOf(version)).param("action", "payer")
                            .param("nom", "Vendeur").param("prenoms", "Camille").param("adresse", adresse).param("code_postal", "83000")
                            .param("commune", "Toulon").param("date_demenagement", c[0]))
                    .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"date_demenagement-erreur\"")))
                    .andExpect(content().string(containsString(c[1])));
            assertThat(etat(id)).as(c[0]).isEqualTo("BROUILLON");
        }
        int version = jdbc.sql("select version from dossier where id = ?").param(id).query(Integer.class).single();
        mvc.perform(post(url).cookie(s).with(csrf()).param("version", String.valueOf(version)).param("action", "payer")
                        .param("nom", "Vendeur").param("prenoms", "Camille").param("adresse", adresse).param("code_postal", "83000")
                        .param("commune", "Toulon").param("date_demenagement", LocalDate.now().minusMonths(1).toString()))
                .andExpect(status().is3xxRedirection());
        attendre("étiquette envoyée", () -> etat(id).equals("TERMINE"));
        assertThat(jdbc.sql("select reponses ->> 'date_demenagement' from dossier where id = ?").param(id).query(String.class).single())
                .isEqualTo(LocalDate.now().minusMonths(1).toString());
        assertThat(registre.parId(v.id()).orElseThrow().adresse().ligne()).isEqualTo(adresse);
    }

    @Test
    void duplicataApresPerte_laPerteEstDeclareeDansLaDemarche() throws Exception {
        ComptesDeTest.Compte titulaire = new ComptesDeTest(jdbc, encodeur).usager("83");
        Cookie s = ConnexionsHttp.usager(mvc, titulaire);
        VehiculesDeTest.VehiculeDeTest v = new VehiculesDeTest(jdbc).vehicule(titulaire.id(), false);
        String url = mvc.perform(post("/usager/vehicules/" + v.id() + "/duplicata").cookie(s).with(csrf()).param("motif", "perte"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
        int version = jdbc.sql("select version from dossier where id = ?").param(id).query(Integer.class).single();
        mvc.perform(post(url).cookie(s).with(csrf()).param("version", String.valueOf(version)).param("action", "payer")
                        .param("nom", "Vendeur").param("prenoms", "Camille").param("adresse", "1 rue de la Paix").param("code_postal", "83000")
                        .param("commune", "Toulon"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"declaration_perte-erreur\"")))
                .andExpect(content().string(containsString("Cochez la déclaration de perte")));
        assertThat(jdbc.sql("select count(*) from paiement where dossier_id = ?").param(id).query(Integer.class).single()).isZero();
        String paiement = mvc.perform(post(url).cookie(s).with(csrf()).param("version", String.valueOf(version)).param("action", "payer")
                        .param("nom", "Vendeur").param("prenoms", "Camille").param("adresse", "1 rue de la Paix").param("code_postal", "83000")
                        .param("commune", "Toulon").param("declaration_perte", "oui"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(paiement).startsWith("/usager/vehicules/paiements/");
        assertThat(jdbc.sql("select reponses ->> 'declaration_perte' from dossier where id = ?").param(id).query(String.class).single())
                .isEqualTo("oui");
    }
}
