package fr.gouv.guichet.instruction.internal;

import fr.gouv.guichet.agent.AgentConnecte;
import fr.gouv.guichet.agent.AgentCourant;
import fr.gouv.guichet.demarche.Dossier;
import fr.gouv.guichet.demarche.DossierIntrouvable;
import fr.gouv.guichet.demarche.InstructionDossiers;
import fr.gouv.guichet.referentiel.Departement;
import fr.gouv.guichet.referentiel.Departements;
import fr.gouv.guichet.referentiel.ServiceInstructeur;
import fr.gouv.guichet.referentiel.ServicesInstructeurs;
import org.springframework.stereotype.Component;

/**
 * The one place where the back office decides who sees what: an agent reaches a service's queue and dossiers only if
 * they belong to that service, and a dossier only if its service instructeur (fixed at deposit by the competence
 * table) is one of theirs. Anything else answers 404, as if it did not exist.
 */
@Component
public class AccesInstruction {

    private final AgentCourant agentCourant;
    private final InstructionDossiers dossiers;
    private final ServicesInstructeurs services;
    private final Departements departements;

    AccesInstruction(AgentCourant agentCourant, InstructionDossiers dossiers, ServicesInstructeurs services,
                     Departements departements) {
        this.agentCourant = agentCourant;
        this.dossiers = dossiers;
        this.services = services;
        this.departements = departements;
    }

    public AgentConnecte agent() {
        return agentCourant.exiger();
    }

    /** The service, if the agent belongs to it. */
    public ServiceInstructeur service(String codeService) {
        AgentConnecte agent = agent();
        if (!agent.instruit(codeService)) {
            throw new DossierIntrouvable();
        }
        return services.parCode(codeService).orElseThrow(DossierIntrouvable::new);
    }

    /** The préfecture's département (its register of authorizations), if the agent belongs to that préfecture. */
    public Departement prefecture(String codeService) {
        ServiceInstructeur service = service(codeService);
        if (!service.estPrefecture()) {
            throw new DossierIntrouvable();
        }
        return departements.parCode(service.code()).orElseThrow(DossierIntrouvable::new);
    }

    /** The deposited dossier, if its service instructeur is one of the agent's services. */
    public Dossier dossier(long id) {
        AgentConnecte agent = agent();
        Dossier dossier = dossiers.pourInstruction(id).orElseThrow(DossierIntrouvable::new);
        if (!dossiers.service(id).map(agent::instruit).orElse(false)) {
            throw new DossierIntrouvable();
        }
        return dossier;
    }
}
