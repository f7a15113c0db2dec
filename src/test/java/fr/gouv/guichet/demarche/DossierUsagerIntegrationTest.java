package fr.gouv.guichet.demarche;

import com.icegreen.greenmail.util.GreenMail;
import fr.gouv.guichet.support.BoiteCourriels;
import fr.gouv.guichet.support.ComptesDeTest;
import fr.gouv.guichet.support.DossiersDeTest;
import fr.gouv.guichet.support.TestGuichet;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A usager's dossier end to end through HTTP, and every attempt by someone else to reach it. */
@TestGuichet
public class DossierUsagerIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encodeur;
    @Autowired
    Dossiers dossiers;
    @Autowired
    InstructionDossiers instruction;
    @Autowired
    GreenMail greenMail;

    ComptesDeTest comptes;

    @BeforeEach
    void init() {
        comptes = new ComptesDeTest(jdbc, encodeur);
    }

    Cookie session(ComptesDeTest.Compte compte) throws Exception {
        return fr.gouv.guichet.support.ConnexionsHttp.usager(mvc, compte);
    }

    long brouillon(ComptesDeTest.Compte compte) {
        return dossiers.creerBrouillon(compte.id(), "83", "VP_AUTORISATION", "cerfa-13806", "04",
                DossiersDeTest.reponsesValides(), null, null);
    }

    String valider(Cookie session, long id) throws Exception {
        mvc.perform(post("/usager/dossiers/" + id + "/valider").cookie(session).with(csrf())
                        .param("cle", UUID.randomUUID().toString()).param("certification", "oui"))
                .andExpect(redirectedUrl("/usager/dossiers/" + id));
        return jdbc.sql("select numero from dossier where id = ?").param(id).query(String.class).single();
    }

    @Test
    void valider_deuxFoisOuEnParallele_unSeulDossierUnSeulNumero() throws Exception {
        ComptesDeTest.Compte compte = comptes.usager("83");
        Cookie session = session(compte);
        long id = brouillon(compte);
        String premier = valider(session, id);
        String second = valider(session, id);
        assertThat(premier).matches("VP-083-\\d{4}-\\d{6}-[A-Z]").isEqualTo(second);
        assertThat(NumeroDossier.estValide(premier)).isTrue();
        assertThat(jdbc.sql("select count(*) from dossier_transition where dossier_id = ? and vers = 'DEPOSE'").param(id)
                .query(Integer.class).single()).isEqualTo(1);

        long autre = brouillon(compte);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<String>> taches = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            taches.add(() -> dossiers.deposer(autre, compte.id(), UUID.randomUUID(), "VP").valeur());
        }
        List<String> numeros = new ArrayList<>();
        for (Future<String> f : pool.invokeAll(taches)) {
            numeros.add(f.get());
        }
        pool.shutdown();
        assertThat(numeros).containsOnly(numeros.getFirst());
        assertThat(jdbc.sql("select count(*) from dossier_transition where dossier_id = ? and vers = 'DEPOSE'").param(autre)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void recepisse_pdfLegalTelechargeableEtEnvoyeUneFoisParCourriel() throws Exception {
        ComptesDeTest.Compte compte = comptes.usager("83");
        Cookie session = session(compte);
        long id = brouillon(compte);
        String numero = valider(session, id);

        MvcResult pdf = mvc.perform(get("/usager/dossiers/" + id + "/recepisse.pdf").cookie(session))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment")))
                .andReturn();
        String texte = texte(pdf.getResponse().getContentAsByteArray());
        assertThat(texte).contains(numero).contains("Préfecture du Var").contains("Boulangerie du Port")
                .contains("quatre mois").contains("rejet").contains("tribunal administratif")
                .contains("Modèle d'affiche");

        BoiteCourriels.Recu recu = new BoiteCourriels(greenMail).attendre(compte.email(), "Accusé de réception");
        assertThat(recu.sujet()).contains(numero);
        MimeMessage message = java.util.Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getSubject().contains(numero);
                    } catch (Exception e) {
                        return false;
                    }
                }).findFirst().orElseThrow();
        String corps = recu.texte().replaceAll("\\s+", " ");
        assertThat(corps).as("accusé de réception par courriel : mentions de l’article R112-5 du CRPA et lien")
                .contains(numero, "Préfecture du Var", "Téléphone", "Courriel", "réputée rejetée", "recours",
                        "/usager/dossiers/" + id)
                .doesNotContain("Boulangerie du Port");
        assertThat(pieceJointeEventuelle(message)).as("pas de copie du formulaire en pièce jointe").isNull();
        assertThat(message.getMessageID()).as("Message-ID fixe par dossier : un renvoi après panne est le même message")
                .isEqualTo("<recepisse." + numero + "@guichet.interieur.gouv.fr>");
        Thread.sleep(1500);
        assertThat(new BoiteCourriels(greenMail).pour(compte.email()).stream().filter(r -> r.sujet().contains(numero)).count())
                .isEqualTo(1);
    }

    @Test
    void unAutreUsager_niAnonyme_nAccedentAuDossier_niASesPieces() throws Exception {
        ComptesDeTest.Compte titulaire = comptes.usager("83");
        ComptesDeTest.Compte intrus = comptes.usager("83");
        Cookie sessionTitulaire = session(titulaire);
        long brouillon = brouillon(titulaire);
        long depose = brouillon(titulaire);
        valider(sessionTitulaire, depose);
        mvc.perform(multipart("/usager/dossiers/" + depose + "/pieces").file(new MockMultipartFile("fichier", "affiche.png", "image/png", png()))
                .param("codePiece", "modele_affiche").cookie(sessionTitulaire).with(csrf())).andExpect(status().is3xxRedirection());
        long piece = jdbc.sql("select id from piece_jointe where dossier_id = ?").param(depose).query(Long.class).single();

        Cookie sessionIntrus = session(intrus);
        for (String url : List.of("/usager/dossiers/" + brouillon + "/pages/1", "/usager/dossiers/" + brouillon + "/validation",
                "/usager/dossiers/" + depose, "/usager/dossiers/" + depose + "/recepisse.pdf",
                "/usager/dossiers/" + depose + "/pieces/" + piece)) {
            mvc.perform(get(url).cookie(sessionIntrus)).andExpect(status().isNotFound());
            mvc.perform(get(url)).andExpect(redirectedUrl("/connexion"));
        }
        mvc.perform(post("/usager/dossiers/" + brouillon + "/pages/1").cookie(sessionIntrus).with(csrf())
                .param("version", "0").param("denomination", "Piraté")).andExpect(status().isNotFound());
        mvc.perform(post("/usager/dossiers/" + brouillon + "/pages/1/auto").cookie(sessionIntrus).with(csrf())
                .param("version", "0").param("denomination", "Piraté")).andExpect(status().isNotFound());
        mvc.perform(post("/usager/dossiers/" + brouillon + "/valider").cookie(sessionIntrus).with(csrf())
                .param("cle", UUID.randomUUID().toString()).param("certification", "oui")).andExpect(status().isNotFound());
        mvc.perform(post("/usager/dossiers/" + brouillon + "/supprimer").cookie(sessionIntrus).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/usager/dossiers/" + depose + "/messages").cookie(sessionIntrus).with(csrf())
                .param("message", "intrusion")).andExpect(status().isNotFound());
        mvc.perform(multipart("/usager/dossiers/" + depose + "/pieces").file(new MockMultipartFile("fichier", "x.png", "image/png", png()))
                .cookie(sessionIntrus).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(get("/usager/dossiers").cookie(sessionIntrus)).andExpect(status().isOk())
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).doesNotContain("Boulangerie").doesNotContain("VP-083"));

        assertThat(jdbc.sql("select reponses->>'denomination' from dossier where id = ?").param(brouillon).query(String.class).single())
                .isEqualTo("Boulangerie du Port");
        assertThat(jdbc.sql("select etat from dossier where id = ?").param(brouillon).query(String.class).single()).isEqualTo("BROUILLON");
        assertThat(jdbc.sql("select count(*) from dossier_message where dossier_id = ?").param(depose).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from piece_jointe where dossier_id = ?").param(depose).query(Integer.class).single()).isEqualTo(1);
    }

    /** Issue 16, point 5: a phone photo shot sideways (real JPEG, EXIF orientation 6) is stored and served upright. */
    @Test
    void photoDeTelephoneTenuDeCote_estJointeALEndroit() throws Exception {
        ComptesDeTest.Compte titulaire = comptes.usager("83");
        Cookie session = session(titulaire);
        long depose = brouillon(titulaire);
        valider(session, depose);
        byte[] photo = fr.gouv.guichet.piece.PhotoTelephoneTest.avecOrientation(fr.gouv.guichet.piece.PhotoTelephoneTest.photoPaysage(),
                6, java.nio.ByteOrder.LITTLE_ENDIAN);
        mvc.perform(multipart("/usager/dossiers/" + depose + "/pieces").file(new MockMultipartFile("fichier", "IMG_2041.JPG", "image/jpeg", photo))
                .param("codePiece", "autre").cookie(session).with(csrf())).andExpect(status().is3xxRedirection());
        var piece = jdbc.sql("select id, type_contenu, taille from piece_jointe where dossier_id = ?").param(depose).query().singleRow();
        assertThat(piece.get("type_contenu")).isEqualTo("JPEG");
        byte[] servie = mvc.perform(get("/usager/dossiers/" + depose + "/pieces/" + piece.get("id")).cookie(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(((Number) piece.get("taille")).longValue()).isEqualTo(servie.length);
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(servie));
        assertThat(image.getWidth()).isEqualTo(30);
        assertThat(image.getHeight()).isEqualTo(60);
        assertThat(fr.gouv.guichet.piece.PhotoTelephone.orientation(servie)).isEqualTo(1);
    }

    @Test
    void deuxOnglets_laSauvegardeLaPlusTardiveEstSignaleeSansEcraser() throws Exception {
        ComptesDeTest.Compte compte = comptes.usager("83");
        Cookie session = session(compte);
        long id = brouillon(compte);
        int version = jdbc.sql("select version from dossier where id = ?").param(id).query(Integer.class).single();
        mvc.perform(post("/usager/dossiers/" + id + "/pages/1").cookie(session).with(csrf()).param("action", "conserver")
                .param("version", String.valueOf(version)).param("denomination", "Onglet A")).andExpect(redirectedUrl("/usager/dossiers"));
        mvc.perform(post("/usager/dossiers/" + id + "/pages/1").cookie(session).with(csrf()).param("action", "conserver")
                        .param("version", String.valueOf(version)).param("denomination", "Onglet B"))
                .andExpect(status().isOk())
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("modifié ailleurs").contains("Onglet B"));
        assertThat(jdbc.sql("select reponses->>'denomination' from dossier where id = ?").param(id).query(String.class).single())
                .isEqualTo("Onglet A");
        mvc.perform(post("/usager/dossiers/" + id + "/pages/1/auto").cookie(session).with(csrf())
                        .param("version", String.valueOf(version)).param("denomination", "Onglet C"))
                .andExpect(status().isConflict());
        mvc.perform(post("/usager/dossiers/" + id + "/pages/1/auto").cookie(session).with(csrf())
                        .param("version", String.valueOf(version + 1)).param("denomination", "Onglet C"))
                .andExpect(status().isOk());
        assertThat(jdbc.sql("select reponses->>'denomination' from dossier where id = ?").param(id).query(String.class).single())
                .isEqualTo("Onglet C");
    }

    @Test
    void televersement_verifieLeContenu_etLeTelechargementEstUnAttachement() throws Exception {
        ComptesDeTest.Compte compte = comptes.usager("83");
        Cookie session = session(compte);
        long id = brouillon(compte);
        valider(session, id);
        byte[] image = png();
        mvc.perform(multipart("/usager/dossiers/" + id + "/pieces").file(new MockMultipartFile("fichier", "plan.pdf", "application/pdf", image))
                        .param("codePiece", "expose_succinct").cookie(session).with(csrf()))
                .andExpect(redirectedUrl("/usager/dossiers/" + id + "#documents"));
        var piece = jdbc.sql("select id, nom, type_contenu from piece_jointe where dossier_id = ?").param(id)
                .query((rs, i) -> new Object[]{rs.getLong(1), rs.getString(2), rs.getString(3)}).single();
        assertThat(piece[1]).isEqualTo("plan.png");
        assertThat(piece[2]).isEqualTo("PNG");
        MvcResult telechargement = mvc.perform(get("/usager/dossiers/" + id + "/pieces/" + piece[0]).cookie(session))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment")))
                .andExpect(header().string("Content-Type", "image/png")).andReturn();
        assertThat(telechargement.getResponse().getContentAsByteArray()).isEqualTo(image);

        MvcResult refus = mvc.perform(multipart("/usager/dossiers/" + id + "/pieces")
                        .file(new MockMultipartFile("fichier", "faux.pdf", "application/pdf", "<html><script>alert(1)</script></html>".getBytes()))
                        .cookie(session).with(csrf()))
                .andExpect(redirectedUrl("/usager/dossiers/" + id + "#documents")).andReturn();
        assertThat((String) refus.getFlashMap().get("erreurPiece")).contains("faux.pdf");
        MvcResult vide = mvc.perform(multipart("/usager/dossiers/" + id + "/pieces")
                .file(new MockMultipartFile("fichier", "vide.pdf", "application/pdf", new byte[0])).cookie(session).with(csrf())).andReturn();
        assertThat((String) vide.getFlashMap().get("erreurPiece")).isNotBlank();
        assertThat(jdbc.sql("select count(*) from piece_jointe where dossier_id = ?").param(id).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void verificationPublique_duCodeDuRecepisse_sansDonneePersonnelle() throws Exception {
        ComptesDeTest.Compte compte = comptes.usager("83");
        long id = brouillon(compte);
        String numero = valider(session(compte), id);
        String code = jdbc.sql("select code from document_emis where dossier_id = ?").param(id).query(String.class).single();
        String page = mvc.perform(get("/verifier/" + code.toLowerCase())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(numero).contains("Préfecture du Var").contains("Accusé de réception")
                .doesNotContain("Boulangerie").doesNotContain("Martin").doesNotContain(compte.email());
        assertThat(mvc.perform(get("/verifier/ABCD-EFGH-JKMN")).andReturn().getResponse().getContentAsString())
                .contains("Aucun document ne correspond");
    }

    @Test
    void messagesEtSuppressionDesBrouillons_etSuppressionDuCompteGardeLesDossiersDeposes() throws Exception {
        ComptesDeTest.Compte compte = comptes.usager("83");
        Cookie session = session(compte);
        long depose = brouillon(compte);
        valider(session, depose);
        mvc.perform(post("/usager/dossiers/" + depose + "/messages").cookie(session).with(csrf())
                .param("message", "Les plans vous parviendront par courrier.")).andExpect(redirectedUrl("/usager/dossiers/" + depose + "#messages"));
        assertThat(instruction.messages(depose)).extracting(Historique.Message::texte).containsExactly("Les plans vous parviendront par courrier.");

        long aSupprimer = brouillon(compte);
        mvc.perform(post("/usager/dossiers/" + aSupprimer + "/supprimer").cookie(session).with(csrf())).andExpect(redirectedUrl("/usager/dossiers"));
        assertThat(jdbc.sql("select count(*) from dossier where id = ?").param(aSupprimer).query(Integer.class).single()).isZero();
        mvc.perform(post("/usager/dossiers/" + depose + "/supprimer").cookie(session).with(csrf())).andExpect(redirectedUrl("/usager/dossiers"));
        assertThat(jdbc.sql("select count(*) from dossier where id = ?").param(depose).query(Integer.class).single()).isEqualTo(1);

        long brouillonRestant = brouillon(compte);
        mvc.perform(post("/compte/suppression").cookie(session).with(csrf()).param("motDePasseSuppression", ComptesDeTest.MOT_DE_PASSE))
                .andExpect(redirectedUrl("/"));
        assertThat(jdbc.sql("select count(*) from dossier where id = ?").param(brouillonRestant).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select usager_id from dossier where id = ?").param(depose).query(Long.class).optional()).isEmpty();
        assertThat(jdbc.sql("select numero from dossier where id = ?").param(depose).query(String.class).single()).startsWith("VP-083");
    }

    public static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    public static String texte(byte[] pdf) throws Exception {
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static byte[] pieceJointeEventuelle(MimeMessage message) throws Exception {
        if (!(message.getContent() instanceof Multipart multipart)) {
            return null;
        }
        for (int i = 0; i < multipart.getCount(); i++) {
            Part part = multipart.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                return part.getInputStream().readAllBytes();
            }
        }
        return null;
    }

    public static byte[] pieceJointe(MimeMessage message) throws Exception {
        byte[] piece = pieceJointeEventuelle(message);
        if (piece == null) {
            throw new AssertionError("Pas de pièce jointe");
        }
        return piece;
    }
}
