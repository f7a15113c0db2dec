package fr.gouv.guichet.tiers;

import jakarta.servlet.http.Cookie;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/** Deposits for a client as a collaborator's browser sends them (the licence title after the exam). */
final class DepotsTiersDeTest {

    static final AtomicInteger COMPTEUR = new AtomicInteger();

    private DepotsTiersDeTest() {
    }

    /** The answers of {@code permis-titre-apres-examen}, for a client at this address. */
    static Map<String, String> client(String nom, String email, String adresse) {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("nom", nom);
        r.put("prenoms", "Camille");
        r.put("sexe", "f");
        r.put("date_naissance", "2006-05-04");
        r.put("commune_naissance", "Toulon");
        r.put("pays_naissance", "France");
        r.put("adresse", adresse);
        r.put("code_postal", "83000");
        r.put("commune", "Toulon");
        r.put("courriel", email);
        r.put("type_titre", "premier");
        r.put("categorie_obtenue", "b");
        r.put("date_examen", java.time.LocalDate.now().minusDays(3).toString());
        // One photo code per person, as a booth gives: the CERT's rule "ePhoto code used for another person" (which
        // counts the whole shared test database) must only fire where a test means it.
        r.put("code_ephoto", "EP" + java.util.UUID.nameUUIDFromBytes(email.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString().replace("-", "").toUpperCase(java.util.Locale.ROOT).substring(0, 20));
        return r;
    }

    /** A distinct PNG each call (one mandate per deposit), or the same bytes when {@code graine} is reused. */
    static byte[] mandat(int graine) throws Exception {
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, graine);
        image.setRGB(1, 1, graine >> 8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    static MvcResult deposer(MockMvc mvc, Cookie session, Map<String, String> client, byte[] mandat, String ip) throws Exception {
        MockMultipartHttpServletRequestBuilder r = multipart("/usager/pro/depots/nouveau");
        if (mandat != null) {
            r.file(new MockMultipartFile("mandat_fichier", "mandat.png", "image/png", mandat));
            r.param("mandat_mode", "fichier");
        } else {
            r.param("mandat_mode", "ecran");
        }
        r.param("procedure", "PC_TITRE_APRES_EXAMEN").param("mandat_signataire", "Camille " + client.get("nom"));
        client.forEach(r::param);
        r.cookie(session).with(csrf()).with(requete -> {
            requete.setRemoteAddr(ip);
            return requete;
        });
        return mvc.perform(r).andReturn();
    }
}
