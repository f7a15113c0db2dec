package fr.gouv.guichet.permis;

import fr.gouv.guichet.agent.Agents;
import fr.gouv.guichet.agent.RoleAgent;
import fr.gouv.guichet.demarche.DelaisDossier;
import fr.gouv.guichet.demarche.Dossier;
import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.demarche.InstructionDossiers;
import fr.gouv.guichet.demarche.Historique;
import fr.gouv.guichet.demarche.NumeroDossier;
import fr.gouv.guichet.demarche.StatutUsager;
import fr.gouv.guichet.demarche.TransitionImpossible;
import fr.gouv.guichet.demarche.TypeActeur;
import fr.gouv.guichet.demarche.VerificateurRejeu;
import fr.gouv.guichet.support.AgentsDeTest;
import fr.gouv.guichet.support.ComptesDeTest;
import fr.gouv.guichet.support.TestGuichet;
import fr.gouv.guichet.videoprotection.CycleVideoprotection;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 12 A.1, proof of generality: a loss-of-licence dossier goes through the licence title lifecycle declared in
 * {@code permis} ({@link CyclePermis#TITRE}) by the very mechanism of {@code demarche} — deposit, guarded transitions,
 * request for documents, recorded rows, queue tabs, replay — with no line of {@code demarche} naming the licence.
 */
@TestGuichet
class CyclePermisIntegrationTest {

    @Autowired
    Dossiers dossiers;
    @Autowired
    InstructionDossiers instruction;
    @Autowired
    DelaisDossier delais;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encodeur;
    @Autowired
    Agents agents;

    @Test
    void unePerte_deposee_completee_validee_produite_expediee() {
        long usager = new ComptesDeTest(jdbc, encodeur).usager("33").id();
        long agent = new AgentsDeTest(agents).agent("33", RoleAgent.INSTRUCTEUR).id();
        long id = dossiers.creerBrouillon(usager, "33", "PC_PERTE", "permis-perte", "1", Map.of(), null, null);
        assertThat(onglet(id)).isEqualTo("BROUILLON");

        NumeroDossier numero = dossiers.deposer(id, usager, UUID.randomUUID(), "PC");
        assertThat(numero.valeur()).startsWith("PC-033-");
        assertThat(etat(id)).isEqualTo(CyclePermis.DEPOSE);
        assertThat(onglet(id)).isEqualTo("A_TRAITER");

        instruction.appliquer(id, CyclePermis.PRENDRE_EN_CHARGE, TypeActeur.AGENT, agent, null);
        instruction.demanderPieces(id, agent, "Déclaration de perte signée", LocalDate.now().plusDays(15));
        Dossier enAttente = instruction.pourInstruction(id).orElseThrow();
        assertThat(enAttente.etat()).isEqualTo(CyclePermis.ATTENTE_PIECES);
        assertThat(enAttente.etat().statut()).isEqualTo(StatutUsager.A_COMPLETER);
        assertThat(onglet(id)).isEqualTo("ATTENTE_PIECES");
        assertThat(delais.horloge(enAttente).rejetImplicite()).as("aucune décision implicite déclarée").isNull();

        dossiers.signalerPiecesTransmises(id, usager);
        assertThat(etat(id)).isEqualTo(CyclePermis.EN_INSTRUCTION);
        instruction.appliquer(id, CyclePermis.VALIDER, TypeActeur.AGENT, agent, null);
        assertThatThrownBy(() -> instruction.appliquer(id, CyclePermis.LANCER_PRODUCTION, TypeActeur.AGENT, agent, null))
                .as("la production est signalée par le service de fabrication, pas par un agent")
                .isInstanceOf(TransitionImpossible.class);
        instruction.appliquer(id, CyclePermis.LANCER_PRODUCTION, TypeActeur.SYSTEME, 0, "commande n° 42");
        instruction.appliquer(id, CyclePermis.EXPEDIER, TypeActeur.SYSTEME, 0, "suivi 1Z999");

        Dossier expedie = instruction.pourInstruction(id).orElseThrow();
        assertThat(expedie.etat()).isEqualTo(CyclePermis.EXPEDIE);
        assertThat(expedie.etat().estFinal()).isTrue();
        assertThat(expedie.etat().accepteDesComplements()).isFalse();
        assertThat(onglet(id)).isEqualTo("DECIDES");
        assertThatThrownBy(() -> dossiers.envoyerMessage(id, usager, "Encore un mot")).isInstanceOf(TransitionImpossible.class);

        List<Historique.TransitionEnregistree> historique = instruction.transitions(id);
        assertThat(historique).extracting(t -> t.vers().code()).containsExactly("BROUILLON", "DEPOSE", "EN_INSTRUCTION",
                "ATTENTE_PIECES", "EN_INSTRUCTION", "VALIDE", "EN_PRODUCTION", "EXPEDIE");
        assertThat(historique.getLast().motif()).isEqualTo("Titre expédié : suivi 1Z999");
        VerificateurRejeu.Verdict verdict = VerificateurRejeu.rejouer(CyclePermis.TITRE, historique.stream()
                .map(t -> new VerificateurRejeu.Pas(t.de() == null ? null : t.de().code(), t.vers().code(), t.acteur())).toList(),
                expedie.etat().code());
        assertThat(verdict.illegales()).isEmpty();
        assertThat(verdict.perdue()).isNull();
    }

    @Test
    void lesTransitionsDUneAutreDemarche_sontRefusees_leRefusTermine() {
        long usager = new ComptesDeTest(jdbc, encodeur).usager("33").id();
        long agent = new AgentsDeTest(agents).agent("33", RoleAgent.INSTRUCTEUR).id();
        long id = dossiers.creerBrouillon(usager, "33", "PC_PERTE", "permis-perte", "1", Map.of(), null, null);
        dossiers.deposer(id, usager, UUID.randomUUID(), "PC");

        assertThatThrownBy(() -> instruction.appliquer(id, CycleVideoprotection.PRENDRE_EN_CHARGE, TypeActeur.AGENT, agent, null))
                .as("même code, autre cycle").isInstanceOf(TransitionImpossible.class);
        assertThatThrownBy(() -> instruction.appliquer(id, CyclePermis.VALIDER, TypeActeur.AGENT, agent, null))
                .as("pas depuis l’état déposé").isInstanceOf(TransitionImpossible.class);
        instruction.appliquer(id, CyclePermis.REFUSER, TypeActeur.AGENT, agent, "Pièce d’identité illisible");
        assertThat(etat(id)).isEqualTo(CyclePermis.REFUSE);
        assertThat(etat(id).statut()).isEqualTo(StatutUsager.TERMINE);
        assertThat(onglet(id)).isEqualTo("DECIDES");
    }

    private fr.gouv.guichet.demarche.Etat etat(long id) {
        return instruction.pourInstruction(id).orElseThrow().etat();
    }

    private String onglet(long id) {
        return jdbc.sql("select onglet from dossier where id = ?").param(id).query(String.class).single();
    }
}
