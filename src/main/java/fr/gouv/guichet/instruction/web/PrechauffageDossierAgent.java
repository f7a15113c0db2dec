package fr.gouv.guichet.instruction.web;

import fr.gouv.guichet.demarche.Dossier;
import fr.gouv.guichet.demarche.Etat;
import fr.gouv.guichet.demarche.Procedure;
import fr.gouv.guichet.demarche.Procedures;
import fr.gouv.guichet.formulaire.CatalogueFormulaires;
import fr.gouv.guichet.formulaire.DefinitionFormulaire;
import fr.gouv.guichet.instruction.EncartDossier;
import fr.gouv.guichet.socle.Prechauffage;
import fr.gouv.guichet.socle.RenduEnMemoire;
import org.springframework.stereotype.Component;
import org.springframework.ui.ExtendedModelMap;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The dossier's page seen by an agent, warmed at start-up without an account (ADR 0033): for every procedure with a
 * form, an example dossier built in memory (id -1, never stored) in the first state an agent acts on, its page model
 * built by the controller's own code (its read-only queries on id -1 find nothing: pieces, messages, history, notes,
 * signals, commission) and rendered. The dossier is not marked as seen (nothing is written). A procedure whose own
 * insert concerns the dossier is left out: that insert reads the procedure's records of the dossier, which a dossier
 * built in memory does not have.
 */
@Component
class PrechauffageDossierAgent implements Prechauffage {

    private final DossierAgentController controleur;
    private final Procedures procedures;
    private final CatalogueFormulaires catalogue;
    private final RenduEnMemoire rendu;
    private final Clock horloge;
    private final List<EncartDossier> encarts;

    PrechauffageDossierAgent(DossierAgentController controleur, Procedures procedures, CatalogueFormulaires catalogue,
                             RenduEnMemoire rendu, Clock horloge, List<EncartDossier> encarts) {
        this.encarts = encarts;
        this.controleur = controleur;
        this.procedures = procedures;
        this.catalogue = catalogue;
        this.rendu = rendu;
        this.horloge = horloge;
    }

    @Override
    public String nom() {
        return "dossier vu par l’agent (dossier d’exemple en mémoire)";
    }

    @Override
    public void prechauffer() throws Exception {
        for (Procedure procedure : procedures.toutes()) {
            if (!catalogue.identifiants().contains(procedure.formulaireId())) {
                continue;
            }
            DefinitionFormulaire definition = catalogue.derniereVersion(procedure.formulaireId());
            Etat etat = procedures.cycle(procedure.code()).etats().stream()
                    .filter(e -> !e.estBrouillon() && !e.estFinal()).findFirst().orElse(null);
            if (etat == null) {
                continue;
            }
            Instant maintenant = Instant.now(horloge);
            Dossier exemple = new Dossier(-1, "EX-2026-000001", null, "83", procedure.code(), definition.id(), definition.version(),
                    Map.of(), etat, null, null, false, maintenant, maintenant, maintenant, 1, maintenant, 0);
            if (encarts.stream().anyMatch(e -> e.concerne(exemple))) {
                continue; // a procedure's insert reads its own records of the dossier (vehicle, e-photo…): none for id -1
            }
            ExtendedModelMap modele = new ExtendedModelMap();
            modele.addAttribute("agentConnecte", PrechauffageFileAgent.agentFictif("83"));
            String vue = controleur.vue(modele, exemple);
            rendu.rendre(vue, "/agent/dossiers/" + exemple.id(), modele);
        }
    }
}
