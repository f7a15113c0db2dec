package fr.gouv.guichet.securite;

import fr.gouv.guichet.agent.Agents;
import fr.gouv.guichet.agent.RoleAgent;
import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.demarche.InstructionDossiers;
import fr.gouv.guichet.videoprotection.CycleVideoprotection;
import fr.gouv.guichet.demarche.TypeActeur;
import fr.gouv.guichet.support.AgentsDeTest;
import fr.gouv.guichet.support.ComptesDeTest;
import fr.gouv.guichet.support.DossiersDeTest;
import jakarta.servlet.http.Cookie;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * What the attack tests aim at: a victim usager of the Var (83) with a draft and a dossier under instruction (a file,
 * a message, a note, on the agenda of a commission session), the Var's agents, and the attackers: another usager,
 * an administrator of another préfecture (Paris, 75, with its own session), all signed in through HTTP.
 */
final class Terrain {

    final String marqueur = "Victime-" + UUID.randomUUID().toString().substring(0, 8);
    final ComptesDeTest.Compte victime;
    final ComptesDeTest.Compte intrus;
    final AgentsDeTest.Agent admin83;
    final AgentsDeTest.Agent instructeur83;
    final AgentsDeTest.Agent admin75;
    /** Administrator of the CERT instructing the Var's driving licences: another service, even for the Var. */
    final AgentsDeTest.Agent adminCert;
    final long brouillon;
    final long dossier;
    final String numero;
    final long piece;
    final long seance;
    final long seance75;
    /** A médiateur of the point numérique of Toulon (Var). */
    final long mediateur83;
    /** Identity titles (issue 14): the victim's pré-demande, its appointment at Toulon's town hall, a closure there. */
    final long preDemande;
    /** A pré-demande draft of the victim (a passport: its timbres page). */
    final long brouillonPreDemande;
    final String numeroPreDemande;
    final long rendezVous;
    final long fermeture;
    static final String MAIRIE = "mairie-83137";
    final Cookie sessionVictime;
    /** The victim's vehicle, declaration of sale, registration request (draft) and its pending payment. */
    final long vehicule;
    final long cession;
    final long demandeImmatriculation;
    final String referencePaiement;
    final Cookie sessionIntrus;
    final Cookie sessionAdmin83;
    final Cookie sessionAgent75;
    final Cookie sessionAgentCert;

    private final JdbcClient jdbc;

    Terrain(MockMvc mvc, JdbcClient jdbc, PasswordEncoder encodeur, Dossiers dossiers, InstructionDossiers instruction,
            Agents agentsService) throws Exception {
        this.jdbc = jdbc;
        ComptesDeTest comptes = new ComptesDeTest(jdbc, encodeur);
        AgentsDeTest agents = new AgentsDeTest(agentsService);
        victime = comptes.usager("83");
        intrus = comptes.usager("83");
        admin83 = agents.agent("83", RoleAgent.ADMINISTRATEUR);
        instructeur83 = agents.agent("83", RoleAgent.INSTRUCTEUR);
        admin75 = agents.agent("75", RoleAgent.ADMINISTRATEUR);
        adminCert = agents.agent("cert-permis-bordeaux", RoleAgent.ADMINISTRATEUR);

        Map<String, Object> reponses = DossiersDeTest.reponsesValides();
        reponses.put("denomination", marqueur);
        brouillon = dossiers.creerBrouillon(victime.id(), "83", "VP_AUTORISATION", "cerfa-13806", "04", reponses, null, null);
        dossier = dossiers.creerBrouillon(victime.id(), "83", "VP_AUTORISATION", "cerfa-13806", "04", reponses, null, null);
        numero = dossiers.deposer(dossier, victime.id(), UUID.randomUUID(), "VP").valeur();
        instruction.appliquer(dossier, CycleVideoprotection.PRENDRE_EN_CHARGE, TypeActeur.AGENT, instructeur83.id(), null);

        mediateur83 = jdbc.sql("""
                        insert into mediateur (email, nom, lieu_id, code_service) values (?, 'Médiateur du Var', 'guichet-pn-83-toulon', '83')
                        returning id""").param("mediateur-" + UUID.randomUUID().toString().substring(0, 8) + "@exemple.fr")
                .query(Long.class).single();
        long pd = dossiers.creerBrouillon(victime.id(), "83", fr.gouv.guichet.identite.PreDemande.DEMARCHE,
                fr.gouv.guichet.identite.PreDemande.FORMULAIRE, "1", fr.gouv.guichet.identite.PreDemandesDeTest.reponsesMajeur(), null, null);
        dossiers.deposer(pd, victime.id(), UUID.randomUUID(), "ID");
        preDemande = pd;
        brouillonPreDemande = dossiers.creerBrouillon(victime.id(), "83", fr.gouv.guichet.identite.PreDemande.DEMARCHE,
                fr.gouv.guichet.identite.PreDemande.FORMULAIRE, "1", fr.gouv.guichet.identite.PreDemandesDeTest.reponsesMajeur(), null, null);
        numeroPreDemande = jdbc.sql("select numero from identite_pre_demande where dossier_id = ?").param(pd).query(String.class).single();
        rendezVous = jdbc.sql("""
                        insert into identite_rendez_vous (mairie, debut, poste, numero_pre_demande, usager_id, statut, reserve_le)
                        values (?, date_trunc('day', now()) + interval '100 days' + ? * interval '1 minute', 1, ?, ?, 'ACTIF', now()) returning id""")
                .params(MAIRIE, pd, numeroPreDemande, victime.id()).query(Long.class).single();
        fermeture = jdbc.sql("insert into identite_fermeture (mairie, du, au, motif) values (?, (now() at time zone 'Europe/Paris')::date + 115, (now() at time zone 'Europe/Paris')::date + 116, ?) returning id")
                .params(MAIRIE, "Fermeture " + marqueur).query(Long.class).single();

        vehicule = new fr.gouv.guichet.immatriculation.VehiculesDeTest(jdbc).vehicule(victime.id(), false).id();
        cession = jdbc.sql("""
                        insert into cession (vehicule_id, vendeur_usager_id, date_vente, kilometrage, acquereur_nom, acquereur_prenoms,
                          empreinte_code, declaree_le, expire_le) values (?, ?, (now() at time zone 'Europe/Paris')::date, 1000, ?, 'Dominique', 'x', now(),
                          now() + interval '15 days') returning id""").params(vehicule, victime.id(), marqueur).query(Long.class).single();
        demandeImmatriculation = dossiers.creerBrouillon(victime.id(), "83", "IM_CHANGEMENT_TITULAIRE", "immatriculation-operation", "1",
                new java.util.HashMap<>(Map.of("immatriculation", "AA-001-AA", "nom", marqueur)), null, null);
        jdbc.sql("insert into demande_immatriculation (dossier_id, vehicule_id, operation, montant_centimes) values (?, ?, 'CHANGEMENT_TITULAIRE', 1376)")
                .params(demandeImmatriculation, vehicule).update();
        referencePaiement = "IM" + demandeImmatriculation + "-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("insert into paiement (reference, dossier_id, montant_centimes, statut, cree_le) values (?, ?, 1376, 'EN_ATTENTE', now())")
                .params(referencePaiement, demandeImmatriculation).update();
        sessionVictime = usager(mvc, victime);
        sessionIntrus = usager(mvc, intrus);
        sessionAdmin83 = agent(mvc, admin83);
        sessionAgent75 = agent(mvc, admin75);
        sessionAgentCert = agent(mvc, adminCert);

        mvc.perform(multipart("/usager/dossiers/" + dossier + "/pieces").file(new MockMultipartFile("fichier", "plan.png", "image/png", png()))
                .param("codePiece", "plan_detail").cookie(sessionVictime).with(csrf()));
        piece = jdbc.sql("select id from piece_jointe where dossier_id = ?").param(dossier).query(Long.class).single();
        mvc.perform(post("/usager/dossiers/" + dossier + "/messages").cookie(sessionVictime).with(csrf()).param("message", "Message " + marqueur));
        mvc.perform(post("/agent/dossiers/" + dossier + "/notes").cookie(sessionAdmin83).with(csrf()).param("note", "Note " + marqueur));
        seance = seance(mvc, sessionAdmin83, "83");
        seance75 = seance(mvc, sessionAgent75, "75");
        mvc.perform(post("/agent/prefectures/83/commission/seances/" + seance + "/inscriptions").cookie(sessionAdmin83).with(csrf())
                .param("dossier", String.valueOf(dossier)));
        assertThat(jdbc.sql("select count(*) from inscription_seance where seance_id = ?").param(seance).query(Integer.class).single())
                .isEqualTo(1);
    }

    static Cookie usager(MockMvc mvc, ComptesDeTest.Compte compte) throws Exception {
        return fr.gouv.guichet.support.ConnexionsHttp.usager(mvc, compte);
    }

    static Cookie agent(MockMvc mvc, AgentsDeTest.Agent agent) throws Exception {
        return fr.gouv.guichet.support.ConnexionsHttp.agent(mvc, agent);
    }

    private static long seance(MockMvc mvc, Cookie session, String code) throws Exception {
        MvcResult r = mvc.perform(post("/agent/prefectures/" + code + "/commission/seances").cookie(session).with(csrf())
                .param("date", LocalDate.now().plusDays(30).toString()).param("heure", "14:30").param("lieu", "Salle du conseil")).andReturn();
        String url = r.getResponse().getRedirectedUrl();
        assertThat(url).startsWith("/agent/prefectures/" + code + "/commission/seances/");
        return Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
    }

    /** Every parameter any state-changing form reads, filled so that the action would succeed if it were allowed. */
    Map<String, String> parametresHostiles() {
        int version = jdbc.sql("select version from dossier where id = ?").param(brouillon).query(Integer.class).single();
        Map<String, String> p = new TreeMap<>();
        p.put("message", "Intrusion");
        p.put("note", "Note pirate");
        p.put("prioritaire", "true");
        p.put("motif", "Motif pirate assez long pour être accepté");
        p.put("pieces", "Plan pirate");
        p.put("date", LocalDate.now().plusDays(40).toString());
        p.put("heure", "10:00");
        p.put("lieu", "AUTRE_DEPARTEMENT");
        p.put("siege", "75");
        p.put("dossier", String.valueOf(dossier));
        p.put("mode", "en-mairie");
        p.put("timbre_IDENTITE_PASSEPORT_MAJEUR", fr.gouv.guichet.identite.PreDemandesDeTest.timbre("8686"));
        p.put("avis", "FAVORABLE");
        p.put("texte", "Avis pirate");
        p.put("email", "pirate-" + UUID.randomUUID().toString().substring(0, 6) + "@exemple.fr");
        p.put("nom", "Pirate");
        p.put("role", "ADMINISTRATEUR");
        p.put("version", String.valueOf(version));
        p.put("denomination", "Piraté");
        p.put("action", "conserver");
        p.put("cle", UUID.randomUUID().toString());
        p.put("certification", "oui");
        p.put("codePiece", "autre");
        p.put("departement", "75");
        p.put("demarche", "AUTORISATION");
        p.put("nouvelEmail", "pirate-" + UUID.randomUUID().toString().substring(0, 6) + "@exemple.fr");
        p.put("motDePasseEmail", ComptesDeTest.MOT_DE_PASSE);
        p.put("motDePasseSuppression", ComptesDeTest.MOT_DE_PASSE);
        p.put("actuel", ComptesDeTest.MOT_DE_PASSE);
        p.put("nouveau", "Phrase de passe du pirate 2026");
        p.put("confirmation", "Phrase de passe du pirate 2026");
        p.put("motDePasse", "Phrase de passe du pirate 2026");
        p.put("jeton", "jeton-invente");
        p.put("avisCommissionLe", LocalDate.now().toString());
        return p;
    }

    /** Row counts of every table, and the victim's rows as JSON: compared before and after the attacks. */
    Map<String, String> etat() {
        attendreEvenementsTraites();
        Map<String, String> etat = new TreeMap<>();
        List<String> tables = jdbc.sql("select table_name from information_schema.tables where table_schema = 'public' "
                + "and table_type = 'BASE TABLE' order by 1").query(String.class).list();
        for (String table : tables) {
            if (List.of("spring_session", "spring_session_attributes", "echec_connexion", "event_publication", "scheduled_tasks",
                    "flyway_schema_history", "effet_realise").contains(table)) {
                continue;
            }
            etat.put("count:" + table, jdbc.sql("select count(*) from " + table).query(String.class).single());
        }
        String ids = brouillon + "," + dossier + "," + demandeImmatriculation + "," + brouillonPreDemande;
        etat.put("vehicule", json("select * from vehicule where id = " + vehicule));
        etat.put("cession", json("select * from cession where id = " + cession));
        etat.put("paiement", json("select * from paiement where dossier_id = " + demandeImmatriculation));
        etat.put("dossier", json("select * from dossier where id in (" + ids + ")"));
        for (String table : List.of("dossier_transition", "dossier_message", "piece_jointe", "note_agent", "document_emis")) {
            etat.put(table, json("select * from " + table + " where dossier_id in (" + ids + ")"));
        }
        etat.put("usager", json("select id, email, mot_de_passe, active, code_departement from usager where id in ("
                + victime.id() + "," + intrus.id() + ")"));
        etat.put("agent", json("select * from agent where id in (" + admin83.id() + "," + instructeur83.id() + ")"));
        etat.put("identite_pre_demande", json("select * from identite_pre_demande where numero = '" + numeroPreDemande + "'"));
        etat.put("identite_rendez_vous", json("select * from identite_rendez_vous where id = " + rendezVous));
        etat.put("identite_mairie", json("select * from identite_mairie where service = '" + MAIRIE + "'"));
        etat.put("agent_service", json("select * from agent_service where service in ('83', 'cert-permis-bordeaux')"));
        etat.put("service_instructeur", json("select * from service_instructeur where code in ('83', '75', 'cert-permis-bordeaux')"));
        etat.put("seance_commission", json("select * from seance_commission where id in (" + seance + "," + seance75 + ")"));
        etat.put("inscription_seance", json("select * from inscription_seance where seance_id in (" + seance + "," + seance75 + ")"));
        return etat;
    }

    private String json(String sql) {
        return jdbc.sql("select coalesce(json_agg(t order by t::text)::text, '[]') from (" + sql + ") t").query(String.class).single();
    }

    /** Lets the listeners of earlier requests (e-mails, récépissés) finish, so that they do not count as writes. */
    private void attendreEvenementsTraites() {
        Instant limite = Instant.now().plus(Duration.ofSeconds(20));
        int avant = -1;
        while (Instant.now().isBefore(limite)) {
            int enCours = jdbc.sql("select count(*) from event_publication where completion_date is null").query(Integer.class).single();
            if (enCours == 0 || enCours == avant) {
                return;
            }
            avant = enCours;
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
