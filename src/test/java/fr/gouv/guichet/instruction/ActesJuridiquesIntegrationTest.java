package fr.gouv.guichet.instruction;

import com.icegreen.greenmail.util.GreenMail;
import fr.gouv.guichet.agent.Agents;
import fr.gouv.guichet.agent.RoleAgent;
import fr.gouv.guichet.demarche.DossierUsagerIntegrationTest;
import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.demarche.InstructionDossiers;
import fr.gouv.guichet.videoprotection.CycleVideoprotection;
import fr.gouv.guichet.demarche.TransitionImpossible;
import fr.gouv.guichet.demarche.TypeActeur;
import fr.gouv.guichet.support.AgentsDeTest;
import fr.gouv.guichet.support.AvisDeTest;
import fr.gouv.guichet.support.BoiteCourriels;
import fr.gouv.guichet.support.ComptesDeTest;
import fr.gouv.guichet.support.DossiersDeTest;
import fr.gouv.guichet.support.TestGuichet;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Issue 11: the préfet's acts state only what is recorded (avis, clocks, notifications). */
@TestGuichet
class ActesJuridiquesIntegrationTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final DateTimeFormatter MOIS = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRANCE);

    static String date(LocalDate jour) {
        return (jour.getDayOfMonth() == 1 ? "1er" : Integer.toString(jour.getDayOfMonth())) + " " + MOIS.format(jour);
    }

    final MockMvc mvc;
    final JdbcClient jdbc;
    final Dossiers dossiers;
    final InstructionDossiers instruction;
    final GreenMail greenMail;
    final fr.gouv.guichet.piece.StockageFichiers stockage;
    final ComptesDeTest comptes;
    final AgentsDeTest agents;

    @Autowired
    ActesJuridiquesIntegrationTest(MockMvc mvc, JdbcClient jdbc, PasswordEncoder encodeur, Dossiers dossiers,
                                   InstructionDossiers instruction, Agents agentsService,
                                   GreenMail greenMail, fr.gouv.guichet.piece.StockageFichiers stockage) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.dossiers = dossiers;
        this.instruction = instruction;
        this.greenMail = greenMail;
        this.stockage = stockage;
        this.comptes = new ComptesDeTest(jdbc, encodeur);
        this.agents = new AgentsDeTest(agentsService);
    }

    record Cas(long id, ComptesDeTest.Compte titulaire, AgentsDeTest.Agent agent, Cookie session) {
    }

    Cas enInstruction(String departement) throws Exception {
        ComptesDeTest.Compte titulaire = comptes.usager(departement);
        long id = dossiers.creerBrouillon(titulaire.id(), departement, "VP_AUTORISATION", "cerfa-13806", "04",
                DossiersDeTest.reponsesValides(), null, null);
        dossiers.deposer(id, titulaire.id(), UUID.randomUUID(), "VP");
        AgentsDeTest.Agent agent = agents.agent(departement, RoleAgent.INSTRUCTEUR);
        instruction.appliquer(id, CycleVideoprotection.PRENDRE_EN_CHARGE, TypeActeur.AGENT, agent.id(), null);
        return new Cas(id, titulaire, agent, fr.gouv.guichet.support.ConnexionsHttp.agent(mvc, agent));
    }

    long creerSeance(Cookie session, String departement, LocalDate date, String lieu) throws Exception {
        MvcResult r = mvc.perform(post("/agent/prefectures/" + departement + "/commission/seances").cookie(session).with(csrf())
                .param("date", date.toString()).param("heure", "09:30").param("lieu", lieu)).andExpect(status().is3xxRedirection()).andReturn();
        String url = r.getResponse().getRedirectedUrl();
        assertThat(url).as("séance créée").startsWith("/agent/prefectures/" + departement + "/commission/seances/");
        return Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
    }

    void inscrire(Cas cas, String departement, long seance) throws Exception {
        mvc.perform(post("/agent/prefectures/" + departement + "/commission/seances/" + seance + "/inscriptions").cookie(cas.session())
                .with(csrf()).param("dossier", String.valueOf(cas.id()))).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select seance_id from inscription_seance where dossier_id = ? and courante").param(cas.id())
                .query(Long.class).single()).isEqualTo(seance);
    }

    MvcResult autoriser(Cas cas) throws Exception {
        return mvc.perform(post("/agent/dossiers/" + cas.id() + "/actions/AUTORISER").cookie(cas.session()).with(csrf())
                .param("avisCommissionLe", LocalDate.now(PARIS).toString()).param("confirme", "oui")).andReturn();
    }

    String arrete(long id) throws Exception {
        byte[] pdf = jdbc.sql("select cle_stockage from piece_jointe where dossier_id = ? and code_piece = 'arrete'").param(id)
                .query(String.class).optional().map(this::lire).orElseThrow();
        return DossierUsagerIntegrationTest.texte(pdf).replaceAll("\\s+", " ");
    }

    byte[] lire(String cle) {
        try (var in = stockage.ouvrir(cle)) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    String etat(long id) {
        return jdbc.sql("select etat from dossier where id = ?").param(id).query(String.class).single();
    }

    // ---- Point 1: no decision cites an avis that does not exist ----

    @Test
    void autoriser_refuseTantQueLaCommissionNAPasRenduSonAvis_puisViseLAvisEnregistre() throws Exception {
        Cas cas = enInstruction("83");
        long aVenir = creerSeance(cas.session(), "83", LocalDate.now(PARIS).plusDays(5), "Salle Jean Moulin");
        inscrire(cas, "83", aVenir);

        MvcResult refuse = autoriser(cas);
        assertThat(refuse.getFlashMap().get("erreurAction")).asString().contains("avis");
        assertThat(etat(cas.id())).isEqualTo("ATTENTE_AVIS_COMMISSION");
        // The guard is in the state machine itself, not in the controller.
        assertThatThrownBy(() -> instruction.appliquer(cas.id(), CycleVideoprotection.AUTORISER, TypeActeur.AGENT, cas.agent().id(), null))
                .isInstanceOf(TransitionImpossible.class);
        assertThat(etat(cas.id())).isEqualTo("ATTENTE_AVIS_COMMISSION");

        // Deposited a month ago. The meeting actually took place last week: the secretariat records it afterwards, moves the dossier to it, records the avis.
        jdbc.sql("update dossier set depose_le = now() - interval '30 days' where id = ?").param(cas.id()).update();
        LocalDate tenue = LocalDate.now(PARIS).minusDays(7);
        long passee = creerSeance(cas.session(), "83", tenue, "Salle des fêtes");
        inscrire(cas, "83", passee);
        mvc.perform(post("/agent/prefectures/83/commission/seances/" + passee + "/dossiers/" + cas.id() + "/avis").cookie(cas.session())
                .with(csrf()).param("avis", "FAVORABLE_AVEC_RESERVES").param("texte", "Masquer les fenêtres des riverains"))
                .andExpect(status().is3xxRedirection());

        autoriser(cas);
        assertThat(etat(cas.id())).isEqualTo("AUTORISE");
        String texte = arrete(cas.id());
        assertThat(texte).contains("avis favorable avec réserves").contains(date(tenue))
                .contains("Masquer les fenêtres des riverains").doesNotContain(date(LocalDate.now(PARIS).plusDays(5)));
    }

    @Test
    void autoriser_sansAvis_apresExpirationDuDelaiDeLaCommission_leVisaLeDit() throws Exception {
        Cas cas = enInstruction("83");
        long seance = creerSeance(cas.session(), "83", LocalDate.now(PARIS).plusDays(3), "Salle 2");
        inscrire(cas, "83", seance);
        // Seized four months ago (3 months + nothing asked): the delay of R252-15 has run out without an avis.
        jdbc.sql("update inscription_seance set inscrit_le = now() - interval '4 months' where dossier_id = ?").param(cas.id()).update();

        autoriser(cas);
        assertThat(etat(cas.id())).isEqualTo("AUTORISE");
        assertThat(arrete(cas.id())).contains("n’a pas rendu d’avis").contains("R252-15").doesNotContain("lors de sa séance du")
                // Point 5 (part): the delegation is stated once, then the signatory's quality and name.
                .containsOnlyOnce("par délégation");
    }

    @Test
    void seance_tenueCreeeApresCoup_modifiee_puisAnnuleeAvecMotif_toutEstEnregistre() throws Exception {
        Cas cas = enInstruction("2B");
        long seance = creerSeance(cas.session(), "2B", LocalDate.now(PARIS).plusDays(10), "Salle A");
        inscrire(cas, "2B", seance);
        String base = "/agent/prefectures/2B/commission/seances/" + seance;

        mvc.perform(post(base + "/modification").cookie(cas.session()).with(csrf()).param("date", LocalDate.now(PARIS).plusDays(12).toString())
                .param("heure", "14:00").param("lieu", "Salle B").param("motif", "Salle A en travaux"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select lieu from seance_commission where id = ?").param(seance).query(String.class).single()).isEqualTo("Salle B");

        String sansMotif = mvc.perform(post(base + "/annulation").cookie(cas.session()).with(csrf()).param("motif", " "))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(sansMotif).contains("Indiquez le motif de l’annulation");
        mvc.perform(post(base + "/annulation").cookie(cas.session()).with(csrf()).param("motif", "Quorum non atteint"))
                .andExpect(status().is3xxRedirection());

        String page = mvc.perform(get(base).cookie(cas.session())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Séance annulée").contains("Quorum non atteint").contains("Salle A en travaux");
        assertThat(jdbc.sql("select count(*) from seance_commission_evenement where seance_id = ?").param(seance).query(Integer.class).single())
                .isEqualTo(3);
        // The dossier leaves the cancelled agenda and waits for another session, still awaiting the avis.
        assertThat(jdbc.sql("select count(*) from inscription_seance where dossier_id = ? and courante").param(cas.id())
                .query(Integer.class).single()).isZero();
        assertThat(etat(cas.id())).isEqualTo("ATTENTE_AVIS_COMMISSION");
        mvc.perform(post(base + "/inscriptions").cookie(cas.session()).with(csrf()).param("dossier", String.valueOf(cas.id())))
                .andExpect(status().isOk());
        assertThat(jdbc.sql("select count(*) from inscription_seance where dossier_id = ? and courante").param(cas.id())
                .query(Integer.class).single()).isZero();
    }

    // ---- Point 3: every request for documents notifies the usager ----

    @Test
    void chaqueDemandeDePieces_estNotifieeALUsager() throws Exception {
        Cas cas = enInstruction("2A");
        BoiteCourriels boite = new BoiteCourriels(greenMail);
        for (int demande = 1; demande <= 2; demande++) {
            mvc.perform(post("/agent/dossiers/" + cas.id() + "/actions/DEMANDER_PIECES").cookie(cas.session()).with(csrf())
                    .param("pieces", "Plan de détail " + demande)).andExpect(status().is3xxRedirection());
            assertThat(etat(cas.id())).isEqualTo("ATTENTE_PIECES");
            boite.attendre(cas.titulaire().email(), "pièces complémentaires", demande);
            dossiers.signalerPiecesTransmises(cas.id(), cas.titulaire().id());
        }
    }

    // ---- Point 2: the clock of an incomplete file follows CRPA L114-5 (implicit rejection) ----

    static final DateTimeFormatter JOUR = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRANCE);

    String pageUsager(Cas cas) throws Exception {
        return mvc.perform(get("/usager/dossiers/" + cas.id()).cookie(fr.gouv.guichet.support.ConnexionsHttp.usager(mvc, cas.titulaire())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    String pageAgent(Cas cas) throws Exception {
        return mvc.perform(get("/agent/dossiers/" + cas.id()).cookie(cas.session())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    @Test
    void demandeDePieces_suspendLeDelaiDeRejetImplicite_sansLeFaireRepartirDeZero() throws Exception {
        Cas cas = enInstruction("2B");
        LocalDate aujourdhui = LocalDate.now(PARIS);
        jdbc.sql("update dossier set depose_le = now() - interval '10 days', complet_le = now() - interval '10 days' where id = ?")
                .param(cas.id()).update();
        LocalDate rejetInitial = aujourdhui.minusDays(10).plusMonths(4);
        assertThat(pageAgent(cas)).contains(JOUR.format(rejetInitial));

        LocalDate echeance = aujourdhui.plusDays(20);
        mvc.perform(post("/agent/dossiers/" + cas.id() + "/actions/DEMANDER_PIECES").cookie(cas.session()).with(csrf())
                .param("pieces", "Plan de détail").param("motif", "Photos des caméras extérieures").param("echeance", echeance.toString()))
                .andExpect(status().is3xxRedirection());
        assertThat(etat(cas.id())).isEqualTo("ATTENTE_PIECES");
        BoiteCourriels.Recu courriel = new BoiteCourriels(greenMail).attendre(cas.titulaire().email(), "pièces complémentaires");
        assertThat(courriel.texte()).contains("Plan de détail").contains("Photos des caméras extérieures").contains(JOUR.format(echeance))
                .contains("suspendu");
        // While documents are awaited, the pages say the clock is suspended and the latest date it can lead to.
        LocalDate auPlusTard = rejetInitial.plusDays(20);
        assertThat(pageUsager(cas)).contains("suspendu").contains(JOUR.format(echeance)).contains(JOUR.format(auPlusTard));
        assertThat(pageAgent(cas)).contains("suspendu").contains(JOUR.format(auPlusTard));

        // The request was made 5 days ago; the documents arrive today: the suspension lasted 5 days, no more.
        jdbc.sql("update demande_pieces set demandee_le = demandee_le - interval '5 days' where dossier_id = ?").param(cas.id()).update();
        dossiers.signalerPiecesTransmises(cas.id(), cas.titulaire().id());
        LocalDate rejet = rejetInitial.plusDays(5);
        assertThat(pageAgent(cas)).contains(JOUR.format(rejet)).doesNotContain(JOUR.format(aujourdhui.plusMonths(4)));
        assertThat(pageUsager(cas)).contains(JOUR.format(rejet)).contains("L114-5");
        byte[] recepisse = mvc.perform(get("/usager/dossiers/" + cas.id() + "/recepisse.pdf")
                .cookie(fr.gouv.guichet.support.ConnexionsHttp.usager(mvc, cas.titulaire()))).andReturn().getResponse().getContentAsByteArray();
        assertThat(DossierUsagerIntegrationTest.texte(recepisse).replaceAll("\\s+", " ")).contains("est alors suspendu à compter de cette demande")
                .doesNotContain("ne court alors qu’à compter");

        // A second request whose deadline passed before the documents came: the suspension ends at the deadline.
        mvc.perform(post("/agent/dossiers/" + cas.id() + "/actions/DEMANDER_PIECES").cookie(cas.session()).with(csrf())
                .param("pieces", "Rapport de présentation")).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select echeance from demande_pieces where dossier_id = ? order by id desc limit 1").param(cas.id())
                .query(LocalDate.class).single()).as("un mois par défaut").isEqualTo(aujourdhui.plusMonths(1));
        // Dates of Paris (the clock's): 40 days ago at noon there, deadline 10 days ago — whatever the hour of the run
        // and a summer-time change in between (now() - 40 days at 23:xx UTC in December was the next day in Paris).
        jdbc.sql("""
                update demande_pieces set demandee_le = (((now() at time zone 'Europe/Paris')::date - 40) + time '12:00') at time zone 'Europe/Paris',
                       echeance = (now() at time zone 'Europe/Paris')::date - 10
                where dossier_id = ? and recues_le is null""")
                .param(cas.id()).update();
        dossiers.signalerPiecesTransmises(cas.id(), cas.titulaire().id());
        assertThat(pageAgent(cas)).contains(JOUR.format(rejet.plusDays(30)));
    }

    // ---- Point 6: a refusal states its precise legal ground ----

    String document(long id, String code) throws Exception {
        byte[] pdf = jdbc.sql("select cle_stockage from piece_jointe where dossier_id = ? and code_piece = ?").params(id, code)
                .query(String.class).optional().map(this::lire).orElseThrow();
        return DossierUsagerIntegrationTest.texte(pdf).replaceAll("\\s+", " ");
    }

    @Test
    void refus_citeLeFondementChoisiAvecSonArticle_etLesFaits() throws Exception {
        Cas cas = enInstruction("2A");
        String motivation = "Les caméras 3 et 4 filment l’intérieur des logements voisins.";
        MvcResult sansFondement = mvc.perform(post("/agent/dossiers/" + cas.id() + "/actions/REFUSER").cookie(cas.session()).with(csrf())
                .param("motif", motivation).param("confirme", "oui")).andReturn();
        assertThat(sansFondement.getFlashMap().get("erreurAction")).asString().contains("fondement");
        assertThat(etat(cas.id())).isEqualTo("EN_INSTRUCTION");

        mvc.perform(post("/agent/dossiers/" + cas.id() + "/actions/REFUSER").cookie(cas.session()).with(csrf())
                .param("motif", motivation).param("fondements", "VIE_PRIVEE").param("confirme", "oui"));
        assertThat(etat(cas.id())).isEqualTo("REFUSE");
        String lettre = document(cas.id(), "refus");
        assertThat(lettre).contains("article L251-3").contains("intérieur des immeubles d’habitation").contains(motivation)
                .doesNotContain("L251-1 à L255-1 et R251-1 à R253-4");
    }

    // ---- Point 7: a decision is previewed before it is issued ----

    @Test
    void autoriserRefuserClasser_montrentLActeAEmettre_etDemandentConfirmation() throws Exception {
        Cas cas = enInstruction("2A");
        String base = "/agent/dossiers/" + cas.id() + "/actions/";
        String apercuRefus = mvc.perform(post(base + "REFUSER").cookie(cas.session()).with(csrf())
                        .param("motif", "Les caméras filment les logements voisins.").param("fondements", "VIE_PRIVEE"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(apercuRefus).contains("Vérifiez la décision avant de l’émettre").contains("article L251-3")
                .contains("Les caméras filment les logements voisins.").contains("name=\"confirme\" value=\"oui\"");
        assertThat(etat(cas.id())).isEqualTo("EN_INSTRUCTION");

        String apercuClassement = mvc.perform(post(base + "CLASSER_SANS_SUITE").cookie(cas.session()).with(csrf())
                .param("motif", "Demande retirée par le demandeur")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(apercuClassement).contains("Classement sans suite").contains("Demande retirée par le demandeur");
        assertThat(etat(cas.id())).isEqualTo("EN_INSTRUCTION");

        AvisDeTest.avisRendu(mvc, cas.session(), "2A", cas.id(), "FAVORABLE", "");
        String apercuArrete = mvc.perform(post(base + "AUTORISER").cookie(cas.session()).with(csrf())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(apercuArrete).contains("Vu l’avis favorable émis par la commission départementale de vidéoprotection lors de sa séance du");
        assertThat(etat(cas.id())).isEqualTo("ATTENTE_AVIS_COMMISSION");
        mvc.perform(post(base + "AUTORISER").cookie(cas.session()).with(csrf()).param("confirme", "oui")).andExpect(status().is3xxRedirection());
        assertThat(etat(cas.id())).isEqualTo("AUTORISE");
    }

    // ---- Point 8: verification works for a person ----

    @Test
    void verifier_unChampPourSaisirLeCode_leNumeroDeLActe_etUneUrlQuiSeCopie() throws Exception {
        String formulaire = mvc.perform(get("/verifier")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(formulaire).contains("name=\"code\"").contains("<form");

        Cas cas = enInstruction("2B");
        AvisDeTest.avisRendu(mvc, cas.session(), "2B", cas.id(), "FAVORABLE", "");
        mvc.perform(post("/agent/dossiers/" + cas.id() + "/actions/AUTORISER").cookie(cas.session()).with(csrf()).param("confirme", "oui"));
        String code = jdbc.sql("select code from document_emis where dossier_id = ? and type = 'ARRETE'").param(cas.id()).query(String.class).single();
        String numeroArrete = jdbc.sql("select numero_arrete from autorisation where dossier_id = ?").param(cas.id()).query(String.class).single();

        String resultat = mvc.perform(get("/verifier").param("code", " " + code.toLowerCase(Locale.ROOT) + " ")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(resultat).contains("Ce document a bien été émis").contains(numeroArrete);
        assertThat(mvc.perform(get("/verifier/" + code)).andReturn().getResponse().getContentAsString()).contains(numeroArrete);

        byte[] pdf = jdbc.sql("select cle_stockage from piece_jointe where dossier_id = ? and code_piece = 'arrete'").param(cas.id())
                .query(String.class).optional().map(this::lire).orElseThrow();
        String texte = DossierUsagerIntegrationTest.texte(pdf).replaceAll("\\s+", " ");
        // Point 5: the signatory recorded by the dossier's service, and the visa of its arrêté de délégation de signature.
        assertThat(texte).contains("portant délégation de signature").contains("DEMO-2B")
                .contains("Camille Exemple (fictif)").doesNotContain("L’agent habilité du bureau de la vidéoprotection");
        // The printed address is the page with the field (it ends at /verifier); the code is printed whole, once.
        assertThat(texte).contains("saisissez le code").contains("/verifier ").doesNotContain("/verifier/" + code);
        // What a copy-and-paste gives: the characters as encoded, before any normalization of ligatures by the reader.
        assertThat(caracteresImprimes(pdf)).doesNotContain("\uFB01").contains("/verifier").contains(code);
    }

    static String caracteresImprimes(byte[] pdf) throws Exception {
        StringBuilder bruts = new StringBuilder();
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            org.apache.pdfbox.text.PDFTextStripper extracteur = new org.apache.pdfbox.text.PDFTextStripper() {
                @Override
                protected void writeString(String texte, java.util.List<org.apache.pdfbox.text.TextPosition> positions) {
                    positions.forEach(p -> bruts.append(p.getUnicode()));
                }
            };
            extracteur.getText(document);
        }
        return bruts.toString();
    }

    // ---- Point 10 (part): e-mails with nothing to spare ----

    @Test
    void courrielsDeNotification_messageIdDuDomainePublic_etAutoSubmitted() throws Exception {
        Cas cas = enInstruction("2A");
        mvc.perform(post("/agent/dossiers/" + cas.id() + "/actions/DEMANDER_PIECES").cookie(cas.session()).with(csrf())
                .param("pieces", "Plan de détail")).andExpect(status().is3xxRedirection());
        new BoiteCourriels(greenMail).attendre(cas.titulaire().email(), "pièces complémentaires");
        jakarta.mail.internet.MimeMessage notification = java.util.Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(cas.titulaire().email()) && m.getSubject().contains("pièces complémentaires");
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).findFirst().orElseThrow();
        assertThat(notification.getMessageID()).endsWith("@guichet.interieur.gouv.fr>").doesNotContain("localhost");
        assertThat(notification.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
    }
}
