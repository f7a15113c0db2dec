package fr.gouv.guichet.immatriculation;

import fr.gouv.guichet.support.ComptesDeTest;
import fr.gouv.guichet.support.ConnexionsHttp;
import fr.gouv.guichet.support.TestGuichet;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static fr.gouv.guichet.immatriculation.VehiculesDeTest.attendre;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Issue 13, points 4 and 5: address change (free on a label, up to 3, then a paid new card) and duplicate. */
@TestGuichet
class OperationsVehiculeIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encodeur;
    @Autowired
    RegistreVehicules registre;
    @Autowired
    fr.gouv.guichet.immatriculation.internal.DemandesUsager demandesUsager;

    long commencer(Cookie session, long vehicule, String operation, String... motif) throws Exception {
        var requete = post("/usager/vehicules/" + vehicule + "/" + operation).cookie(session).with(csrf());
        if (motif.length > 0) {
            requete.param("motif", motif[0]);
        }
        String url = mvc.perform(requete).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        return Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
    }

    String transmettre(Cookie session, long id, String adresse) throws Exception {
        int version = jdbc.sql("select version from dossier where id = ?").param(id).query(Integer.class).single();
        return mvc.perform(post("/usager/vehicules/demandes/" + id).cookie(session).with(csrf()).param("version", String.valueOf(version))
                        .param("action", "payer").param("nom", "Vendeur").param("prenoms", "Camille").param("adresse", adresse)
                        .param("date_demenagement", java.time.LocalDate.now().minusDays(5).toString())
                        .param("code_postal", "83000").param("commune", "Toulon"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
    }

    String etat(long id) {
        return jdbc.sql("select etat from dossier where id = ?").param(id).query(String.class).single();
    }

    @Test
    void changementDAdresseGratuitJusquATroisEtiquettes_puisNouvelleCartePayante() throws Exception {
        ComptesDeTest.Compte titulaire = new ComptesDeTest(jdbc, encodeur).usager("83");
        Cookie s = ConnexionsHttp.usager(mvc, titulaire);
        VehiculesDeTest.VehiculeDeTest v = new VehiculesDeTest(jdbc).vehicule(titulaire.id(), false, null, 2);

        long troisieme = commencer(s, v.id(), "adresse");
        assertThat(transmettre(s, troisieme, "3 rue Neuve")).as("gratuit : transmis sans paiement").isEqualTo("/usager/vehicules/demandes/" + troisieme);
        attendre("étiquette envoyée", () -> etat(troisieme).equals("TERMINE"));
        Vehicule apres = registre.parId(v.id()).orElseThrow();
        assertThat(apres.etiquettesAdresse()).isEqualTo(3);
        assertThat(apres.adresse().ligne()).isEqualTo("3 rue Neuve");

        long quatrieme = commencer(s, v.id(), "adresse");
        String page = transmettre(s, quatrieme, "4 rue Neuve");
        assertThat(page).as("la quatrième adresse demande une nouvelle carte, payante").startsWith("/usager/vehicules/paiements/");
        assertThat(jdbc.sql("select montant_centimes from demande_immatriculation where dossier_id = ?").param(quatrieme)
                .query(Integer.class).single()).as("Y5 seule").isEqualTo(276);
        String lien = new ParcoursImmatriculation(mvc, jdbc).payerLien(s, quatrieme, "Vendeur");
        new ParcoursImmatriculation(mvc, jdbc).choisir(lien, "payer");
        attendre("nouvelle carte commandée", () -> etat(quatrieme).equals("EN_PRODUCTION") || etat(quatrieme).equals("EXPEDIE"));
        assertThat(registre.parId(v.id()).orElseThrow().etiquettesAdresse()).as("nouvelle carte : aucune étiquette").isZero();
    }

    @Test
    void duplicataApresVol_payant_leVehiculeNEstPasSignaleVole() throws Exception {
        ComptesDeTest.Compte titulaire = new ComptesDeTest(jdbc, encodeur).usager("83");
        Cookie s = ConnexionsHttp.usager(mvc, titulaire);
        VehiculesDeTest.VehiculeDeTest v = new VehiculesDeTest(jdbc).vehicule(titulaire.id(), false);
        mvc.perform(post("/usager/vehicules/" + v.id() + "/duplicata").cookie(s).with(csrf()).param("motif", "inconnu"))
                .andExpect(status().is3xxRedirection());
        long id = commencer(s, v.id(), "duplicata", "vol");
        int version = jdbc.sql("select version from dossier where id = ?").param(id).query(Integer.class).single();
        mvc.perform(post("/usager/vehicules/demandes/" + id).cookie(s).with(csrf()).param("version", String.valueOf(version))
                        .param("action", "payer").param("nom", "Vendeur").param("prenoms", "Camille").param("adresse", "1 rue de la Paix")
                        .param("code_postal", "83000").param("commune", "Toulon"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Joignez le récépissé de votre déclaration de vol")))
                .andExpect(content().string(containsString("id=\"declaration_vol-erreur\"")));
        assertThat(jdbc.sql("select count(*) from paiement where dossier_id = ?").param(id).query(Integer.class).single())
                .as("pas de paiement sans la déclaration de vol").isZero();
        // Checked by its content: a text file named .pdf is refused, with the reason next to the field.
        mvc.perform(multipart("/usager/vehicules/demandes/" + id + "/pieces").file(new MockMultipartFile("fichier", "recepisse.pdf",
                        "application/pdf", "pas un PDF".getBytes())).param("code", "declaration_vol").cookie(s).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("erreurs", org.hamcrest.Matchers.hasKey("declaration_vol")));
        mvc.perform(multipart("/usager/vehicules/demandes/" + id + "/pieces").file(new MockMultipartFile("fichier", "recepisse.pdf",
                        "application/pdf", pdf("Récépissé de déclaration de vol"))).param("code", "declaration_vol").cookie(s).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("messageSucces", containsString("recepisse.pdf")));
        assertThat(transmettre(s, id, "1 rue de la Paix")).startsWith("/usager/vehicules/paiements/");
        assertThat(jdbc.sql("select montant_centimes from demande_immatriculation where dossier_id = ?").param(id).query(Integer.class)
                .single()).as("Y4 + Y5").isEqualTo(1376);
        new ParcoursImmatriculation(mvc, jdbc).choisir(new ParcoursImmatriculation(mvc, jdbc).payerLien(s, id, "Vendeur"), "payer");
        attendre("duplicata commandé", () -> etat(id).equals("EN_PRODUCTION") || etat(id).equals("EXPEDIE"));
        assertThat(registre.parId(v.id()).orElseThrow().situation().vole()).isFalse();
        assertThat(registre.historique(v.id())).extracting(OperationVehicule::type).contains("DUPLICATA");
        assertThat(jdbc.sql("select count(*) from piece_jointe where dossier_id = ? and code_piece = 'declaration_vol'").param(id)
                .query(Integer.class).single()).as("la déclaration de vol jointe au dossier déposé").isOne();
    }

    @Test
    void deuxClicsOuvrentUnSeulBrouillon_memeEnMemeTemps_unAutreMotifDeDuplicataEnOuvreUnAutre() throws Exception {
        ComptesDeTest.Compte titulaire = new ComptesDeTest(jdbc, encodeur).usager("83");
        Cookie s = ConnexionsHttp.usager(mvc, titulaire);
        VehiculesDeTest.VehiculeDeTest v = new VehiculesDeTest(jdbc).vehicule(titulaire.id(), false);
        // Four requests at once (the service directly: one session's requests are not the subject here).
        java.util.List<java.util.concurrent.CompletableFuture<Long>> clics = java.util.stream.IntStream.range(0, 4)
                .mapToObj(i -> java.util.concurrent.CompletableFuture.supplyAsync(() -> demandesUsager.commencer(titulaire.id(),
                        v.immatriculation(), Operation.CHANGEMENT_ADRESSE, null))).toList();
        assertThat(clics.stream().map(java.util.concurrent.CompletableFuture::join).distinct()).as("quatre clics simultanés").hasSize(1);
        long adresse = clics.getFirst().join();
        assertThat(commencer(s, v.id(), "adresse")).as("un clic de plus").isEqualTo(adresse);
        long perte = commencer(s, v.id(), "duplicata", "perte");
        assertThat(commencer(s, v.id(), "duplicata", "perte")).isEqualTo(perte);
        assertThat(commencer(s, v.id(), "duplicata", "deterioration")).isNotEqualTo(perte).isNotEqualTo(adresse);
        assertThat(jdbc.sql("select count(*) from demande_immatriculation where vehicule_id = ?").param(v.id()).query(Integer.class).single())
                .as("trois brouillons : l’adresse, la perte, la détérioration").isEqualTo(3);
    }

    /** A one-page PDF showing the text. */
    static byte[] pdf(String texte) throws java.io.IOException {
        try (var document = new org.apache.pdfbox.pdmodel.PDDocument(); var sortie = new java.io.ByteArrayOutputStream()) {
            var page = new org.apache.pdfbox.pdmodel.PDPage();
            document.addPage(page);
            try (var contenu = new org.apache.pdfbox.pdmodel.PDPageContentStream(document, page)) {
                contenu.beginText();
                contenu.setFont(new org.apache.pdfbox.pdmodel.font.PDType1Font(
                        org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA), 14);
                contenu.newLineAtOffset(72, 720);
                contenu.showText(texte.replace('é', 'e'));
                contenu.endText();
            }
            document.save(sortie);
            return sortie.toByteArray();
        }
    }
}
