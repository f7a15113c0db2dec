package fr.gouv.guichet.tiers;

import com.icegreen.greenmail.util.GreenMail;
import fr.gouv.guichet.agent.Agents;
import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.demarche.InstructionDossiers;
import fr.gouv.guichet.demarche.Historique;
import fr.gouv.guichet.demarche.TransitionImpossible;
import fr.gouv.guichet.demarche.TransitionRefusee;
import fr.gouv.guichet.demarche.TypeActeur;
import fr.gouv.guichet.demarche.VerificateurRejeu;
import fr.gouv.guichet.formulaire.CatalogueFormulaires;
import fr.gouv.guichet.formulaire.MoteurValidation;
import fr.gouv.guichet.piece.StockageFichiers;
import fr.gouv.guichet.support.BoiteCourriels;
import fr.gouv.guichet.support.ComptesDeTest;
import fr.gouv.guichet.support.ConnexionsHttp;
import fr.gouv.guichet.support.TestGuichet;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 15, point 1: a request for habilitation is a procedure of the platform, instructed by the préfecture of the
 * premises with its own lifecycle; habilitating checks the SIRET at the register, records the company, invites the
 * collaborators and attaches the signed convention (PDF, e-mailed); suspension, lifting and withdrawal are recorded
 * transitions mirrored on the company.
 */
@TestGuichet
class HabilitationIntegrationTest {

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
    StockageFichiers stockage;
    @Autowired
    GreenMail greenMail;

    EntreprisesDeTest entreprises;

    @BeforeEach
    void preparer() {
        entreprises = new EntreprisesDeTest(dossiers, instruction, jdbc, encodeur, agents, catalogue, moteur);
    }

    @Test
    void deLaDemande_aLaConvention_puisSuspensionLeveeEtRetrait() throws Exception {
        EntreprisesDeTest.Habilitee h = entreprises.habilitee("professionnel_automobile", EntreprisesDeTest.SIRET_GARAGE,
                "Garage du Port", 4, 300);
        assertThat(instruction.service(h.dossier())).contains("83");
        assertThat(statut(h)).isEqualTo("HABILITEE");
        assertThat(jdbc.sql("select role from tiers_collaborateur where usager_id = ?").param(h.gerant().id()).query(String.class)
                .single()).isEqualTo("GERANT");

        // The convention is rendered after the transaction, attached to the dossier and e-mailed to the manager.
        Historique.PieceJointe convention = attendreConvention(h.dossier());
        String texte;
        try (var in = stockage.ouvrir(convention.cleStockage()); var pdf = Loader.loadPDF(in.readAllBytes())) {
            texte = new PDFTextStripper().getText(pdf);
        }
        assertThat(texte).contains("Convention d’habilitation", "Garage du Port", EntreprisesDeTest.SIRET_GARAGE,
                "trois ans", "renouvelée tacitement", "préavis de deux mois", "Vente de véhicules, Réparation");
        BoiteCourriels.Recu courriel = new BoiteCourriels(greenMail).attendre(h.gerant().email(), "habilitation accordée");
        assertThat(courriel.texte()).contains("convention");
        // The manager downloads it from the dossier: a document Guichet produced needs no antivirus analysis to be served.
        mvc.perform(get("/usager/dossiers/" + h.dossier() + "/pieces/" + convention.id())
                        .cookie(ConnexionsHttp.usager(mvc, h.gerant())))
                .andExpect(status().isOk()).andExpect(content().contentType("application/pdf"));

        instruction.appliquer(h.dossier(), CycleHabilitation.SUSPENDRE, TypeActeur.AGENT, h.agent().id(), "Contrôle sur place");
        assertThat(statut(h)).isEqualTo("SUSPENDUE");
        instruction.appliquer(h.dossier(), CycleHabilitation.LEVER_SUSPENSION, TypeActeur.AGENT, h.agent().id(), "Contrôle conforme");
        assertThat(statut(h)).isEqualTo("HABILITEE");
        instruction.appliquer(h.dossier(), CycleHabilitation.RETIRER, TypeActeur.AGENT, h.agent().id(), "Cessation d’activité");
        assertThat(statut(h)).isEqualTo("RETIREE");
        assertThatThrownBy(() -> instruction.appliquer(h.dossier(), CycleHabilitation.LEVER_SUSPENSION, TypeActeur.AGENT,
                h.agent().id(), null)).isInstanceOf(TransitionImpossible.class);

        assertThat(instruction.transitions(h.dossier())).extracting(t -> t.vers().code()).containsExactly("BROUILLON", "DEPOSE",
                "EN_INSTRUCTION", "HABILITEE", "SUSPENDUE", "HABILITEE", "RETIREE");
        assertThat(instruction.transitions(h.dossier())).anySatisfy(t -> assertThat(t.motif()).contains("Contrôle sur place"));
        var pas = instruction.transitions(h.dossier()).stream().map(t -> new VerificateurRejeu.Pas(t.de() == null ? null : t.de().code(),
                t.vers().code(), t.acteur())).toList();
        var verdict = VerificateurRejeu.rejouer(CycleHabilitation.CYCLE, pas, "RETIREE");
        assertThat(verdict.illegales()).isEmpty();
        assertThat(verdict.perdue()).isNull();
    }

    @Test
    void lesCollaborateursNommesDansLaDemande_sontInvites() {
        String email = "collab-" + System.nanoTime() + "@exemple.fr";
        ComptesDeTest.Compte gerant = new ComptesDeTest(jdbc, encodeur).usager("83");
        long dossier = entreprises.deposee(gerant, EntreprisesDeTest.reponses("auto_ecole", EntreprisesDeTest.SIRET_AUTO_ECOLE,
                "Auto-école des Pins", 3, 200, List.of(Map.of("nom", "Durand", "prenom", "Léa", "courriel", email))));
        long agent = new fr.gouv.guichet.support.AgentsDeTest(agents).agent("83", fr.gouv.guichet.agent.RoleAgent.INSTRUCTEUR).id();
        instruction.appliquer(dossier, CycleHabilitation.PRENDRE_EN_CHARGE, TypeActeur.AGENT, agent, null);
        instruction.appliquer(dossier, CycleHabilitation.HABILITER, TypeActeur.AGENT, agent, null);
        BoiteCourriels.Recu invitation = new BoiteCourriels(greenMail).attendre(email, "Invitation");
        assertThat(invitation.texte()).contains("Auto-école des Pins");
        assertThat(invitation.lien()).contains("/usager/pro/invitations/");
        assertThat(jdbc.sql("select activites[1] from tiers_entreprise where dossier_habilitation = ?").param(dossier)
                .query(String.class).single()).isEqualTo("enseignement_conduite");
    }

    @Test
    void unSiretInconnuOuFerme_auRepertoire_empecheLHabilitation() {
        for (String siret : List.of(EntreprisesDeTest.SIRET_FERME, "73282932000074")) {
            ComptesDeTest.Compte gerant = new ComptesDeTest(jdbc, encodeur).usager("83");
            long dossier = entreprises.deposee(gerant, EntreprisesDeTest.reponses("professionnel_automobile", siret, "Fantôme", 1, 10, List.of()));
            long agent = new fr.gouv.guichet.support.AgentsDeTest(agents).agent("83", fr.gouv.guichet.agent.RoleAgent.INSTRUCTEUR).id();
            instruction.appliquer(dossier, CycleHabilitation.PRENDRE_EN_CHARGE, TypeActeur.AGENT, agent, null);
            assertThatThrownBy(() -> instruction.appliquer(dossier, CycleHabilitation.HABILITER, TypeActeur.AGENT, agent, null))
                    .isInstanceOfSatisfying(TransitionRefusee.class, e -> assertThat(e.raison()).contains(siret));
            assertThat(jdbc.sql("select count(*) from tiers_entreprise where dossier_habilitation = ?").param(dossier)
                    .query(Integer.class).single()).isZero();
            instruction.appliquer(dossier, CycleHabilitation.REFUSER_HABILITATION, TypeActeur.AGENT, agent, "SIRET inconnu du répertoire");
        }
    }

    private String statut(EntreprisesDeTest.Habilitee h) {
        return jdbc.sql("select statut from tiers_entreprise where id = ?").param(h.entreprise()).query(String.class).single();
    }

    private Historique.PieceJointe attendreConvention(long dossier) throws InterruptedException {
        Instant limite = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(limite)) {
            Optional<Historique.PieceJointe> piece = instruction.pieces(dossier).stream()
                    .filter(p -> p.codePiece().equals(CycleHabilitation.PIECE_CONVENTION)).findFirst();
            if (piece.isPresent()) {
                return piece.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Convention jamais jointe au dossier " + dossier);
    }
}
