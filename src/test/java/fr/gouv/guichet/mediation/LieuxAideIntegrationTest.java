package fr.gouv.guichet.mediation;

import fr.gouv.guichet.agent.Agents;
import fr.gouv.guichet.agent.RoleAgent;
import fr.gouv.guichet.mediation.internal.CritereRecherche;
import fr.gouv.guichet.mediation.internal.ImportLieux;
import fr.gouv.guichet.mediation.internal.RapportImport;
import fr.gouv.guichet.mediation.internal.RechercheLieux;
import fr.gouv.guichet.support.AgentsDeTest;
import fr.gouv.guichet.support.ComptesDeTest;
import fr.gouv.guichet.support.ConnexionsHttp;
import fr.gouv.guichet.support.TestGuichet;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/** Import all or nothing, the Var sample data, the public search and pages, and who may import. */
@TestGuichet
class LieuxAideIntegrationTest {

    private static final String ENTETE = "id,nom,commune,code_postal,adresse,latitude,longitude,horaires,services,"
            + "prise_en_charge_specifique\n";
    /** Tuesday 8 December 2026, 15:00: Toulon's point numérique is open, Draguignan's is closed (mornings only). */
    private static final LocalDateTime MARDI_15H = LocalDateTime.of(2026, 12, 8, 15, 0);

    @Autowired
    MockMvc mvc;
    @Autowired
    ImportLieux importLieux;
    @Autowired
    RechercheLieux recherche;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Agents agents;
    @Autowired
    PasswordEncoder encodeur;

    private static String id() {
        return "test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String ligne(String id, String commune, String cp, String lat, String lon, String horaires, String pec) {
        return id + ",Espace numérique " + id + "," + commune + "," + cp + ",Place de la mairie," + lat + "," + lon + ",\""
                + horaires + "\",Aide aux démarches administratives," + pec + "\n";
    }

    private long nombre(String id) {
        return jdbc.sql("select count(*) from lieu_mediation where id = :id").param("id", id).query(Long.class).single();
    }

    @Test
    void uneLigneInvalide_rienNEstImporte_puisLeFichierCorrigeEstImporteEtRemplace() {
        String a = id();
        String b = id();
        String csv = ENTETE + ligne(a, "Hyères", "83400", "43.12", "6.13", "Mo-Fr 09:00-12:00", "")
                + ligne(b, "Hyères", "834OO", "43.12", "6.13", "Mo-Fr 09:00-12:00", "");
        RapportImport refuse = importLieux.importer(csv.getBytes(StandardCharsets.UTF_8));
        assertThat(refuse.reussi()).isFalse();
        assertThat(refuse.importes()).isZero();
        assertThat(refuse.erreurs()).extracting(RapportImport.Erreur::ligne).containsExactly(3);
        assertThat(nombre(a)).as("la ligne valide n’est pas importée seule").isZero();

        String corrige = csv.replace("834OO", "83400");
        assertThat(importLieux.importer(corrige.getBytes(StandardCharsets.UTF_8)).importes()).isEqualTo(2);
        assertThat(nombre(a) + nombre(b)).isEqualTo(2);

        importLieux.importer(corrige.replace("Espace numérique " + a, "Nouveau nom").getBytes(StandardCharsets.UTF_8));
        assertThat(recherche.lieu(a)).get().extracting(l -> l.nom()).isEqualTo("Nouveau nom");
        assertThat(nombre(a)).isEqualTo(1);
    }

    @Test
    void fichierTropGrosOuPasEnUtf8_refuse() {
        assertThat(importLieux.importer(new byte[ImportLieux.TAILLE_MAX + 1]).erreurs().getFirst().motif()).contains("5 Mo");
        byte[] latin1 = (ENTETE + ligne(id(), "Hyères", "83400", "43.1", "6.1", "Mo 09:00-10:00", ""))
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(importLieux.importer(latin1).erreurs().getFirst().motif()).contains("UTF-8");
    }

    @Test
    void donneesExempleDuVar_chargeesAuDemarrage() {
        assertThat(recherche.lieu("guichet-pn-83-toulon")).get().extracting(l -> l.horaires())
                .isEqualTo("Mo-Fr 08:30-12:30,13:15-16:00; PH off");
        assertThat(recherche.lieu("guichet-pn-83-draguignan")).isPresent();
    }

    @Test
    void lePlusProcheOuvert_depuisDraguignanUnMardiA15h_estToulon() {
        RechercheLieux.Reponse sansFiltre = recherche.rechercher(
                new CritereRecherche("83300", 100, false, null, null, Set.of(), null), MARDI_15H);
        assertThat(((RechercheLieux.Trouves) sansFiltre).resultats().getFirst().lieu().id()).isEqualTo("guichet-pn-83-draguignan");

        RechercheLieux.Reponse ouvert = recherche.rechercher(
                new CritereRecherche("Draguignan", 100, true, null, null, Set.of(), null), MARDI_15H);
        var premiers = ((RechercheLieux.Trouves) ouvert).resultats();
        assertThat(premiers).extracting(r -> r.lieu().id()).doesNotContain("guichet-pn-83-draguignan").contains("guichet-pn-83-toulon");

        RechercheLieux.Reponse leJour = recherche.rechercher(new CritereRecherche("Draguignan", 100, false,
                LocalDate.of(2026, 12, 8), LocalTime.of(10, 0), Set.of("Accès internet et matériel informatique"), null), MARDI_15H);
        assertThat(((RechercheLieux.Trouves) leJour).resultats().getFirst().lieu().id()).isEqualTo("guichet-pn-83-draguignan");

        RechercheLieux.Reponse ferie = recherche.rechercher(new CritereRecherche("Toulon", 10, false,
                LocalDate.of(2026, 12, 25), null, Set.of(), null), MARDI_15H);
        assertThat(((RechercheLieux.Trouves) ferie).resultats()).extracting(r -> r.lieu().id()).doesNotContain("guichet-pn-83-toulon");

        RechercheLieux.Reponse rayon = recherche.rechercher(new CritereRecherche("Draguignan", 20, false, null, null, Set.of(), null), MARDI_15H);
        assertThat(((RechercheLieux.Trouves) rayon).resultats()).extracting(r -> r.lieu().id()).doesNotContain("guichet-pn-83-toulon");
    }

    @Test
    void filtreAccessibilite_etCommuneHorsReferentielSitueeParSesLieux() {
        String sourd = id();
        String autre = id();
        importLieux.importer((ENTETE + ligne(sourd, "Gap", "05000", "44.5594", "6.0786", "Mo-Fr 09:00-17:00", "Surdité")
                + ligne(autre, "Gap", "05000", "44.5600", "6.0790", "Mo-Fr 09:00-17:00", "")).getBytes(StandardCharsets.UTF_8));
        RechercheLieux.Reponse r = recherche.rechercher(new CritereRecherche("05000", 10, false, null, null, Set.of(), "Surdité"), MARDI_15H);
        assertThat(((RechercheLieux.Trouves) r).resultats()).extracting(x -> x.lieu().id()).containsExactly(sourd);
        assertThat(recherche.rechercher(new CritereRecherche("Gap", 10, false, null, null, Set.of(), null), MARDI_15H))
                .isInstanceOf(RechercheLieux.Trouves.class);
        assertThat(recherche.rechercher(new CritereRecherche("Atlantide", 10, false, null, null, Set.of(), null), MARDI_15H))
                .isInstanceOf(RechercheLieux.LieuInconnu.class);
    }

    @Test
    void pagesPubliques_sansConnexion() throws Exception {
        String page = mvc.perform(get("/lieux-aide").param("lieu", "83000").param("rayon", "100")
                .param("jour", "2026-12-08").param("heure", "15:00")).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Point numérique de la préfecture du Var").doesNotContain("sous-préfecture de Draguignan</a>");
        String inconnue = mvc.perform(get("/lieux-aide").param("lieu", "Atlantide")).andReturn().getResponse().getContentAsString();
        assertThat(inconnue).contains("Commune introuvable");
        MvcResult erreur = mvc.perform(get("/lieux-aide").param("lieu", "").param("jour", "demain")).andReturn();
        assertThat(erreur.getResponse().getStatus()).isEqualTo(200);
        assertThat(erreur.getResponse().getContentAsString()).contains("Indiquez une commune ou un code postal")
                .contains("Le jour doit être une date");
        String fiche = mvc.perform(get("/lieux-aide/guichet-pn-83-draguignan")).andReturn().getResponse().getContentAsString();
        assertThat(fiche).contains("Point numérique de la sous-préfecture de Draguignan").contains("8 h 30 à 11 h 45");
        assertThat(mvc.perform(get("/lieux-aide/inconnu")).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/lieux-aide/" + "x".repeat(300))).andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    private MvcResult televerser(Cookie session, String csv) throws Exception {
        var requete = multipart("/agent/national/lieux-aide")
                .file(new MockMultipartFile("fichier", "lieux.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8))).with(csrf());
        if (session != null) {
            requete.cookie(session);
        }
        return mvc.perform(requete).andReturn();
    }

    @Test
    void importerSansEtreAdministrateurNational_refuse_rienNEstImporte() throws Exception {
        String id = id();
        String csv = ENTETE + ligne(id, "Hyères", "83400", "43.12", "6.13", "Mo-Fr 09:00-12:00", "");
        AgentsDeTest agentsDeTest = new AgentsDeTest(agents);

        assertThat(televerser(null, csv).getResponse().getRedirectedUrl()).isEqualTo("/agent/connexion");
        Cookie adminPrefecture = ConnexionsHttp.agent(mvc, agentsDeTest.agent("83", RoleAgent.ADMINISTRATEUR));
        assertThat(televerser(adminPrefecture, csv).getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/agent/national/lieux-aide").cookie(adminPrefecture)).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        Cookie usager = ConnexionsHttp.usager(mvc, new ComptesDeTest(jdbc, encodeur).usager("83"));
        assertThat(televerser(usager, csv).getResponse().getStatus()).isEqualTo(403);
        assertThat(nombre(id)).isZero();

        String email = "national-" + UUID.randomUUID().toString().substring(0, 8) + "@interieur.gouv.fr";
        agents.creerAvecMotDePasse(email, "Administrateur national", AgentsDeTest.MOT_DE_PASSE, true);
        Cookie national = ConnexionsHttp.agent(mvc, new AgentsDeTest.Agent(0, email));
        assertThat(mvc.perform(get("/agent/national").cookie(national)).andReturn().getResponse().getContentAsString())
                .contains("/agent/national/lieux-aide");
        String invalide = televerser(national, csv.replace("Mo-Fr 09:00-12:00", "Lu-Ve 9h")).getResponse().getContentAsString();
        assertThat(invalide).contains("Import refusé : aucun lieu n’a été importé").contains("Ligne 2 : horaires : jour « Lu » non reconnu");
        assertThat(nombre(id)).isZero();
        assertThat(televerser(national, csv).getResponse().getContentAsString()).contains("1 lieu importé");
        assertThat(nombre(id)).isEqualTo(1);
    }
}
