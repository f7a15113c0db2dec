package fr.gouv.guichet.permis.web;

import com.icegreen.greenmail.util.GreenMail;
import fr.gouv.fauxservices.JeuDeDemonstration;
import fr.gouv.guichet.agent.Agents;
import fr.gouv.guichet.agent.RoleAgent;
import fr.gouv.guichet.demarche.Dossier;
import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.demarche.InstructionDossiers;
import fr.gouv.guichet.demarche.TypeActeur;
import fr.gouv.guichet.permis.CyclePermis;
import fr.gouv.guichet.permis.DemarchePermis;
import fr.gouv.guichet.permis.Neph;
import fr.gouv.guichet.permis.ReponsesPermisDeTest;
import fr.gouv.guichet.support.AgentsDeTest;
import fr.gouv.guichet.support.BoiteCourriels;
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
import org.springframework.test.web.servlet.MvcResult;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The licence procedures through HTTP (issue 12 B): "what you will need", the draft on the generic pages, the photo
 * confirmed, the timbre reserved at the validation and consumed once, the NEPH, the accusé de réception with the
 * CERT, the exchanges with their cover sheet and the reception of the originals.
 */
@TestGuichet
class ParcoursPermisIntegrationTest {

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
    @Autowired
    Agents agents;

    ComptesDeTest comptes;

    @BeforeEach
    void init() {
        comptes = new ComptesDeTest(jdbc, encodeur);
    }

    static String timbreNeuf() {
        return JeuDeDemonstration.PREFIXE_TIMBRES_25_EUROS_A_VOLONTE + "%012d".formatted(ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
    }

    /** A usager who started the procedure from its page and filled the whole form. */
    record Depart(ComptesDeTest.Compte compte, Cookie session, long id) {
    }

    Depart commencer(DemarchePermis demarche, String departement, String code, String timbre) throws Exception {
        ComptesDeTest.Compte compte = comptes.usager(departement);
        Cookie session = ConnexionsHttp.usager(mvc, compte);
        MvcResult page = mvc.perform(post("/usager/permis/demarche").param("d", demarche.chemin()).cookie(session).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        String url = page.getResponse().getRedirectedUrl();
        assertThat(url).matches("/usager/dossiers/\\d+/pages/1");
        long id = Long.parseLong(url.split("/")[3]);
        Dossier brouillon = dossiers.deLUsager(id, compte.id()).orElseThrow();
        assertThat(brouillon.demarche()).isEqualTo(demarche.code());
        dossiers.enregistrer(id, compte.id(), brouillon.version(), ReponsesPermisDeTest.valides(demarche, code, timbre, "Dupont"));
        return new Depart(compte, session, id);
    }

    void confirmerPhoto(Depart d) throws Exception {
        mvc.perform(get("/usager/dossiers/" + d.id() + "/validation").cookie(d.session()))
                .andExpect(redirectedUrl("/usager/permis/dossiers/" + d.id() + "/photo"));
        String page = mvc.perform(get("/usager/permis/dossiers/" + d.id() + "/photo").cookie(d.session()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"photo-ephoto\"").contains("data:image/jpeg;base64,");
        mvc.perform(post("/usager/permis/dossiers/" + d.id() + "/photo/confirmation").cookie(d.session()).with(csrf()))
                .andExpect(redirectedUrl("/usager/dossiers/" + d.id() + "/validation"));
        mvc.perform(get("/usager/dossiers/" + d.id() + "/validation").cookie(d.session())).andExpect(status().isOk());
    }

    MvcResult valider(Depart d) throws Exception {
        return mvc.perform(post("/usager/dossiers/" + d.id() + "/valider").cookie(d.session()).with(csrf())
                .param("cle", UUID.randomUUID().toString()).param("certification", "oui")).andReturn();
    }

    String statutTimbre(String numero) {
        return jdbc.sql("select string_agg(statut, ',' order by id) from timbre_utilisation where numero = ?").param(numero)
                .query(String.class).optional().orElse("");
    }

    static <T> T attendre(Supplier<Optional<T>> condition) throws InterruptedException {
        Instant fin = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(fin)) {
            Optional<T> v = condition.get();
            if (v.isPresent()) {
                return v.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Condition non remplie en 20 s");
    }

    @Test
    void laPageCeQuIlVousFaudraDitLePhotoLeTimbreDatEtLeCert() throws Exception {
        Cookie session = ConnexionsHttp.usager(mvc, comptes.usager("83"));
        String perte = mvc.perform(get("/usager/permis/demarche?d=perte").cookie(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(perte).contains("Ce qu’il vous faudra").contains("code ePhoto").contains("25 €")
                .contains("CERT permis de conduire de Bordeaux");
        String vol = mvc.perform(get("/usager/permis/demarche?d=vol").cookie(session)).andReturn().getResponse().getContentAsString();
        assertThat(vol).contains("Déclaration de vol").contains("25 €");
        assertThat(mvc.perform(get("/usager/permis/demarche?d=deterioration").cookie(session)).andReturn().getResponse().getContentAsString())
                .doesNotContain("timbre fiscal électronique de");
        assertThat(mvc.perform(get("/usager/permis").cookie(session)).andReturn().getResponse().getContentAsString())
                .contains("/usager/permis/demarche?d=inscription").contains("/usager/permis/demarche?d=changement-etat-civil");
        mvc.perform(get("/usager/permis/demarche?d=inconnue").cookie(session)).andExpect(status().isNotFound());
        assertThat(mvc.perform(get("/")).andReturn().getResponse().getContentAsString())
                .contains("Permis de conduire").contains("href=\"/usager/permis\"").contains("Vidéoprotection");
    }

    @Test
    void unePerte_photoConfirmee_timbreReserveAValidation_consommeUneFois_accuseDeReceptionAvecLeCert() throws Exception {
        String timbre = timbreNeuf();
        Depart d = commencer(DemarchePermis.PERTE, "83", JeuDeDemonstration.EPHOTO_VALIDES.getFirst(), timbre);
        confirmerPhoto(d);
        assertThat(valider(d).getResponse().getRedirectedUrl()).isEqualTo("/usager/dossiers/" + d.id());
        Dossier depose = dossiers.deLUsager(d.id(), d.compte().id()).orElseThrow();
        assertThat(depose.numero()).startsWith("PC-083-");
        assertThat(instruction.service(d.id())).contains("cert-permis-bordeaux");
        assertThat(attendre(() -> Optional.of(statutTimbre(timbre)).filter("CONSOMME"::equals))).isEqualTo("CONSOMME");

        var courriel = new BoiteCourriels(greenMail).attendre(d.compte().email(), depose.numero());
        assertThat(courriel.texte()).contains("CERT permis de conduire de Bordeaux").contains("Timbre fiscal n°")
                .doesNotContain("quatre mois");
        String page = mvc.perform(get("/usager/dossiers/" + d.id()).cookie(d.session())).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("utilisé pour ce dossier");
        mvc.perform(get("/usager/dossiers/" + d.id() + "/recepisse.pdf").cookie(d.session())).andExpect(status().isOk());
    }

    @Test
    void unVol_timbreDejaUtilise_refuseAvecSonMessage_leBrouillonResteEntier() throws Exception {
        Depart d = commencer(DemarchePermis.VOL, "83", JeuDeDemonstration.EPHOTO_VALIDES.get(1), JeuDeDemonstration.TIMBRE_DEJA_UTILISE);
        confirmerPhoto(d);
        MvcResult refus = valider(d);
        assertThat(refus.getResponse().getRedirectedUrl()).isEqualTo("/usager/dossiers/" + d.id() + "/pages/3");
        assertThat((String) refus.getFlashMap().get("messageErreur")).contains("déjà été utilisé pour un autre dossier");
        Dossier brouillon = dossiers.deLUsager(d.id(), d.compte().id()).orElseThrow();
        assertThat(brouillon.estBrouillon()).isTrue();
        assertThat(brouillon.reponses()).containsEntry("numero_timbre", JeuDeDemonstration.TIMBRE_DEJA_UTILISE);
        assertThat(statutTimbre(JeuDeDemonstration.TIMBRE_DEJA_UTILISE)).as("rien n'est tenu par Guichet")
                .doesNotContain("RESERVE").doesNotContain("CONSOMME");
    }

    @Test
    void unBrouillonAbandonneLibereSonTimbre() throws Exception {
        String timbre = timbreNeuf();
        Depart d = commencer(DemarchePermis.VOL, "83", JeuDeDemonstration.EPHOTO_VALIDES.get(2), timbre);
        confirmerPhoto(d);
        // The reservation the validation takes, without the deposit that would follow it.
        Dossier brouillon = dossiers.deLUsager(d.id(), d.compte().id()).orElseThrow();
        assertThat(reserver(brouillon)).isEmpty();
        assertThat(statutTimbre(timbre)).isEqualTo("RESERVE");
        mvc.perform(post("/usager/dossiers/" + d.id() + "/supprimer").cookie(d.session()).with(csrf()).param("confirmation", "oui"))
                .andExpect(status().is3xxRedirection());
        assertThat(attendre(() -> Optional.of(statutTimbre(timbre)).filter("LIBERE"::equals))).isEqualTo("LIBERE");
    }

    @Test
    void unCompteSupprimeLibereLeTimbreDeSonBrouillon() throws Exception {
        String timbre = timbreNeuf();
        Depart d = commencer(DemarchePermis.PERTE, "83", JeuDeDemonstration.EPHOTO_VALIDES.get(2), timbre);
        confirmerPhoto(d);
        Dossier brouillon = dossiers.deLUsager(d.id(), d.compte().id()).orElseThrow();
        assertThat(timbres.reserver(DemarchePermis.PERTE, brouillon)).isEmpty();
        assertThat(statutTimbre(timbre)).isEqualTo("RESERVE");
        mvc.perform(post("/compte/suppression").cookie(d.session()).with(csrf()).param("motDePasseSuppression", ComptesDeTest.MOT_DE_PASSE))
                .andExpect(redirectedUrl("/"));
        assertThat(jdbc.sql("select count(*) from dossier where id = ?").param(d.id()).query(Long.class).single()).isZero();
        assertThat(attendre(() -> Optional.of(statutTimbre(timbre)).filter("LIBERE"::equals)))
                .as("le timbre réservé par le brouillon du compte supprimé redevient utilisable").isEqualTo("LIBERE");
        Depart autre = commencer(DemarchePermis.PERTE, "83", JeuDeDemonstration.EPHOTO_VALIDES.get(2), timbre);
        confirmerPhoto(autre);
        assertThat(timbres.reserver(DemarchePermis.PERTE, dossiers.deLUsager(autre.id(), autre.compte().id()).orElseThrow())).isEmpty();
    }

    @Autowired
    fr.gouv.guichet.permis.TimbrePermis timbres;
    @Autowired
    fr.gouv.guichet.externe.ServicesExternesEmbarques embarques;

    @Test
    void serviceEphotoEnPanne_messageClairSurLaPagePhoto_brouillonIntact_puisLaPhotoRevient() throws Exception {
        String code = JeuDeDemonstration.EPHOTO_VALIDES.get(1);
        Depart d = commencer(DemarchePermis.DETERIORATION, "83", code, "");
        // One call and its two retries fail: the service is down for this page, then comes back.
        embarques.serveur().pannes().programmer(fr.gouv.fauxservices.Service.EPHOTO, fr.gouv.fauxservices.Pannes.Mode.INDISPONIBLE, 3);
        try {
            String page = mvc.perform(get("/usager/permis/dossiers/" + d.id() + "/photo").cookie(d.session()))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(page).contains("Nous n&#39;arrivons pas à joindre").contains("Ce que vous avez saisi est conservé")
                    .doesNotContain("id=\"photo-ephoto\"");
            assertThat(dossiers.deLUsager(d.id(), d.compte().id()).orElseThrow().reponses()).containsEntry("code_ephoto", code);
        } finally {
            embarques.serveur().pannes().reparer();
        }
        confirmerPhoto(d);
    }

    Optional<String> reserver(Dossier brouillon) {
        return timbres.reserver(DemarchePermis.VOL, brouillon);
    }

    @Test
    void uneInscription_nephAttribueAuDepot_afficheSurLeDossierEtDansLeCourriel() throws Exception {
        Depart d = commencer(DemarchePermis.INSCRIPTION, "83", JeuDeDemonstration.EPHOTO_VALIDES.getFirst(), "");
        confirmerPhoto(d);
        valider(d);
        String neph = jdbc.sql("select neph from permis_neph where dossier_id = ?").param(d.id()).query(String.class).single();
        assertThat(Neph.probleme(neph)).isNull();
        assertThat(neph.substring(4, 8)).isEqualTo("8301");
        String affiche = new Neph(neph).pourAffichage();
        assertThat(mvc.perform(get("/usager/dossiers/" + d.id()).cookie(d.session())).andReturn().getResponse().getContentAsString())
                .contains(affiche);
        Dossier depose = dossiers.deLUsager(d.id(), d.compte().id()).orElseThrow();
        assertThat(new BoiteCourriels(greenMail).attendre(d.compte().email(), depose.numero()).texte()).contains(affiche);
    }

    @Test
    void ePhoto_codesExpireInconnuMalFormes_messagesDistincts_codeReutiliseParUneAutrePersonneMarquePourLeCert() throws Exception {
        Depart d = commencer(DemarchePermis.DETERIORATION, "83", JeuDeDemonstration.EPHOTO_EXPIRE, "");
        String expire = corriger(d, JeuDeDemonstration.EPHOTO_EXPIRE);
        String inconnu = corriger(d, JeuDeDemonstration.EPHOTO_INCONNU);
        String court = corriger(d, "ABC");
        assertThat(expire).contains("a expiré");
        assertThat(inconnu).contains("est inconnu");
        assertThat(court).contains("compte 22 caractères");
        assertThat(dossiers.deLUsager(d.id(), d.compte().id()).orElseThrow().reponses()).containsEntry("code_ephoto", "ABC");

        String code = JeuDeDemonstration.EPHOTO_VALIDES.getFirst();
        corriger(d, code);
        confirmerPhotoSansRedirection(d);
        Depart autre = commencer(DemarchePermis.DETERIORATION, "83", code, "");
        dossiers.enregistrer(autre.id(), autre.compte().id(), dossiers.deLUsager(autre.id(), autre.compte().id()).orElseThrow().version(),
                ReponsesPermisDeTest.valides(DemarchePermis.DETERIORATION, code, "", "Martin"));
        confirmerPhotoSansRedirection(autre);
        Map<String, Object> fait = jdbc.sql("select reutilise, explication from permis_ephoto where dossier_id = ?")
                .param(autre.id()).query().singleRow();
        assertThat(fait.get("reutilise")).isEqualTo(true);
        assertThat((String) fait.get("explication")).contains("autre personne");
    }

    String corriger(Depart d, String code) throws Exception {
        return mvc.perform(post("/usager/permis/dossiers/" + d.id() + "/photo").cookie(d.session()).with(csrf()).param("code", code))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    void confirmerPhotoSansRedirection(Depart d) throws Exception {
        mvc.perform(post("/usager/permis/dossiers/" + d.id() + "/photo/confirmation").cookie(d.session()).with(csrf()))
                .andExpect(redirectedUrl("/usager/dossiers/" + d.id() + "/validation"));
    }

    @Test
    void echangeEuropeen_cerdEpePciDeNantes_bordereauACodeBarres_receptionDesOriginauxVueParLUsager() throws Exception {
        Depart d = commencer(DemarchePermis.ECHANGE_EUROPEEN, "83", JeuDeDemonstration.EPHOTO_VALIDES.getFirst(), "");
        confirmerPhoto(d);
        valider(d);
        assertThat(instruction.service(d.id())).contains("cert-epe-pci-nantes");
        String page = mvc.perform(get("/usager/dossiers/" + d.id()).cookie(d.session())).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("bordereau.pdf").contains("envoyez vos originaux");
        MvcResult pdf = mvc.perform(get("/usager/permis/dossiers/" + d.id() + "/bordereau.pdf").cookie(d.session()))
                .andExpect(status().isOk()).andReturn();
        assertThat(pdf.getResponse().getContentAsByteArray()).startsWith("%PDF".getBytes());

        long agent = new AgentsDeTest(agents).agent("83", RoleAgent.INSTRUCTEUR).id();
        instruction.appliquer(d.id(), CyclePermis.RECEVOIR_ORIGINAUX, TypeActeur.AGENT, agent, null);
        page = mvc.perform(get("/usager/dossiers/" + d.id()).cookie(d.session())).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("a reçu vos originaux le").doesNotContain("bordereau.pdf");
        mvc.perform(get("/usager/permis/dossiers/" + d.id() + "/bordereau.pdf").cookie(d.session())).andExpect(status().isOk());

        Depart paris = commencer(DemarchePermis.PERMIS_INTERNATIONAL, "75", JeuDeDemonstration.EPHOTO_VALIDES.get(1), "");
        confirmerPhoto(paris);
        valider(paris);
        assertThat(instruction.service(paris.id())).contains("cert-paris");
        Depart horsUe = commencer(DemarchePermis.ECHANGE_HORS_UE, "83", JeuDeDemonstration.EPHOTO_VALIDES.get(2), "");
        confirmerPhoto(horsUe);
        valider(horsUe);
        assertThat(instruction.service(horsUe.id())).contains("83");
        mvc.perform(get("/usager/permis/dossiers/" + horsUe.id() + "/bordereau.pdf").cookie(horsUe.session()))
                .andExpect(status().isNotFound());
    }

    @Test
    void unAutreUsagerEstRefuseSurChaqueAdresseDuPermis() throws Exception {
        Depart d = commencer(DemarchePermis.ECHANGE_EUROPEEN, "83", JeuDeDemonstration.EPHOTO_VALIDES.getFirst(), "");
        Cookie intrus = ConnexionsHttp.usager(mvc, comptes.usager("83"));
        mvc.perform(get("/usager/permis/dossiers/" + d.id() + "/photo").cookie(intrus)).andExpect(status().isNotFound());
        mvc.perform(post("/usager/permis/dossiers/" + d.id() + "/photo").cookie(intrus).with(csrf()).param("code", "X"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/usager/permis/dossiers/" + d.id() + "/photo/confirmation").cookie(intrus).with(csrf()))
                .andExpect(status().isNotFound());
        confirmerPhoto(d);
        valider(d);
        mvc.perform(get("/usager/permis/dossiers/" + d.id() + "/bordereau.pdf").cookie(intrus)).andExpect(status().isNotFound());
        mvc.perform(get("/usager/dossiers/" + d.id()).cookie(intrus)).andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from permis_ephoto where dossier_id = ?").param(d.id()).query(Long.class).single())
                .as("l'intrus n'a rien confirmé à la place de l'usager").isEqualTo(1);
        mvc.perform(get("/usager/permis/dossiers/" + d.id() + "/photo")).andExpect(status().is3xxRedirection());
    }
}
