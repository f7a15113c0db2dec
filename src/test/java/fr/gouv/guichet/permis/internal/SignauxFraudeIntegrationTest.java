package fr.gouv.guichet.permis.internal;

import fr.gouv.fauxservices.JeuDeDemonstration;
import fr.gouv.guichet.agent.Agents;
import fr.gouv.guichet.agent.RoleAgent;
import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.demarche.InstructionDossiers;
import fr.gouv.guichet.timbre.ServiceTimbres;
import fr.gouv.guichet.signalement.Signal;
import fr.gouv.guichet.signalement.Signaux;
import fr.gouv.guichet.support.AgentsDeTest;
import fr.gouv.guichet.support.ComptesDeTest;
import fr.gouv.guichet.support.ConnexionsHttp;
import fr.gouv.guichet.support.DossiersPermisDeTest;
import fr.gouv.guichet.support.TestGuichet;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 12, point 11: each fraud rule of the licence raises its signal — explained, recorded once — on the later
 * dossier, visible on its page and in the CERT's list; the same facts for the same person raise nothing.
 */
@TestGuichet
class SignauxFraudeIntegrationTest {

    @Autowired
    Dossiers dossiers;
    @Autowired
    InstructionDossiers instruction;
    @Autowired
    ServiceTimbres timbres;
    @Autowired
    Signaux signaux;
    @Autowired
    SignauxFraude regles;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encodeur;
    @Autowired
    Agents agents;
    @Autowired
    MockMvc mvc;

    static String unique(String prefixe, int longueur) {
        StringBuilder s = new StringBuilder(prefixe);
        while (s.length() < longueur) {
            s.append("ABCDEFGHJKLMNPQRSTUVWXYZ23456789".charAt(ThreadLocalRandom.current().nextInt(32)));
        }
        return s.toString();
    }

    long deposer(Map<String, Object> reponses) {
        long usager = new ComptesDeTest(jdbc, encodeur).usager("33").id();
        return new DossiersPermisDeTest(dossiers, timbres).deposer(usager, "33", reponses);
    }

    static Map<String, Object> personne(String nom, String prenoms, String naissance) {
        Map<String, Object> r = DossiersPermisDeTest.reponses();
        r.put("nom", nom);
        r.put("prenoms", prenoms);
        r.put("date_naissance", naissance);
        r.put("code_ephoto", unique("TEST", 22));
        r.put("courriel", unique("x", 12).toLowerCase() + "@example.org");
        r.put("adresse", unique("rue ", 14));
        return r;
    }

    @Test
    void codeEphotoReutilise_pourUneAutrePersonne_ouConnuDuServiceEphoto() throws Exception {
        Map<String, Object> a = personne("DUPONT", "Camille", "2001-04-12");
        String numeroA = instruction.pourInstruction(deposer(a)).orElseThrow().numero();
        Map<String, Object> memePersonne = personne("DUPONT", "Camille", "2001-04-12");
        memePersonne.put("code_ephoto", a.get("code_ephoto"));
        long meme = deposer(memePersonne);
        Map<String, Object> b = personne("MARTIN", "Léa", "1999-11-03");
        b.put("code_ephoto", a.get("code_ephoto"));
        long autre = deposer(b);

        Signal s = attendre(autre, SignauxFraude.EPHOTO);
        assertThat(s.explication()).contains("au nom d’une autre personne");
        assertThat(s.details()).containsEntry("Code ePhoto", (String) a.get("code_ephoto")).containsKey("Autres dossiers");
        Map<String, Object> c = personne("BERNARD", "Paul", "2007-02-28");
        c.put("code_ephoto", JeuDeDemonstration.EPHOTO_DEJA_UTILISE);
        long connu = deposer(c);
        assertThat(attendre(connu, SignauxFraude.EPHOTO).details()).containsKey("Utilisations connues du service ePhoto");

        assertThat(s.details().get("Autres dossiers")).contains(numeroA);
        regles.verifier(meme);
        assertThat(signaux.duDossier(meme)).as("la même personne avec son propre code ne compte pas : seule l’autre personne")
                .allSatisfy(x -> assertThat(x.details().get("Autres dossiers")).doesNotContain(numeroA)
                        .contains(instruction.pourInstruction(autre).orElseThrow().numero()));
    }

    @Test
    void timbreReutilise_memePieceDIdentite_memeCourriel_memeAdresse() throws Exception {
        String timbre = DossiersPermisDeTest.timbreNeuf();
        Map<String, Object> a = personne("DURAND", "Jeanne", "1990-01-01");
        a.put("numero_timbre", timbre);
        long premier = deposer(a);
        Map<String, Object> b = personne("PETIT", "Marc", "1991-02-02");
        b.put("numero_timbre", timbre.substring(0, 4) + " " + timbre.substring(4));
        b.put("courriel", a.get("courriel"));
        b.put("adresse", a.get("adresse"));
        long second;
        long usagerB = new ComptesDeTest(jdbc, encodeur).usager("33").id();
        long brouillon = dossiers.creerBrouillon(usagerB, "33", "PC_PERTE", "permis-perte", "1", b, null, null);
        dossiers.deposer(brouillon, usagerB, UUID.randomUUID(), "PC");
        second = brouillon;

        assertThat(attendre(second, SignauxFraude.TIMBRE).explication()).contains("un timbre ne paie qu’une démarche");
        assertThat(attendre(second, SignauxFraude.COURRIEL).details()).containsEntry("Adresse électronique", (String) a.get("courriel"));

        String sha = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
        long usagerA = jdbc.sql("select usager_id from dossier where id = ?").param(premier).query(Long.class).single();
        dossiers.ajouterPiece(premier, usagerA, "piece_identite", "cni.pdf", "PDF", 1000, sha, "cle-" + sha.substring(0, 12) + "-a");
        dossiers.ajouterPiece(second, usagerB, "piece_identite", "carte.pdf", "PDF", 1000, sha, "cle-" + sha.substring(0, 12) + "-b");
        Signal piece = attendre(second, SignauxFraude.PIECE_IDENTITE);
        assertThat(piece.details()).containsEntry("Empreinte SHA-256", sha).containsEntry("Fichier", "carte.pdf");

        regles.verifier(second);
        assertThat(signaux.duDossier(second)).extracting(Signal::regle).as("chaque règle lève son signal une fois")
                .containsOnlyOnce(SignauxFraude.TIMBRE, SignauxFraude.COURRIEL, SignauxFraude.PIECE_IDENTITE)
                .doesNotContain(SignauxFraude.ADRESSE);

        Map<String, Object> c = personne("ROUX", "Inès", "1992-03-03");
        c.put("adresse", ((String) a.get("adresse")).toUpperCase());
        long troisieme = deposer(c);
        Signal adresse = attendre(troisieme, SignauxFraude.ADRESSE);
        assertThat(adresse.explication()).startsWith("3 personnes différentes");

        Cookie cert = ConnexionsHttp.agent(mvc, new AgentsDeTest(agents).agent("cert-permis-bordeaux", RoleAgent.INSTRUCTEUR));
        String numero = instruction.pourInstruction(second).orElseThrow().numero();
        mvc.perform(get("/agent/services/cert-permis-bordeaux/signaux").param("regle", SignauxFraude.TIMBRE).cookie(cert))
                .andExpect(status().isOk()).andExpect(content().string(containsString(numero)));
        mvc.perform(get("/agent/dossiers/" + second).cookie(cert)).andExpect(status().isOk())
                .andExpect(content().string(containsString("un timbre ne paie qu’une démarche")))
                .andExpect(content().string(containsString("même adresse électronique")));
    }

    private Signal attendre(long dossier, String regle) throws InterruptedException {
        Instant limite = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(limite)) {
            List<Signal> trouves = signaux.duDossier(dossier).stream().filter(s -> s.regle().equals(regle)).toList();
            if (!trouves.isEmpty()) {
                return trouves.getFirst();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Signal « " + regle + " » jamais levé sur le dossier " + dossier + " : " + signaux.duDossier(dossier));
    }
}
