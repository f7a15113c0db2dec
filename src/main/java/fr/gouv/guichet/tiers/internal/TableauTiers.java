package fr.gouv.guichet.tiers.internal;

import fr.gouv.guichet.agent.AgentCourant;
import fr.gouv.guichet.demarche.DossierIntrouvable;
import fr.gouv.guichet.signalement.Signal;
import fr.gouv.guichet.signalement.Signaux;
import org.springframework.stereotype.Service;

import java.util.List;

/**
 * The préfecture's dashboard of trusted third parties: the companies whose habilitation its service instructs, their
 * status and the signals of the fraud rules with their explanations. Reserved to the service's agents (404 otherwise,
 * as every back-office page of another service). Acting (suspend, lift, withdraw) is done on the habilitation dossier,
 * through its lifecycle, where every change is recorded.
 */
@Service
public class TableauTiers {

    public static final int LIMITE = 300;

    public record Ligne(Entreprise entreprise, List<Signal> signaux) {
    }

    private final AgentCourant agentCourant;
    private final EntrepriseRepository entreprises;
    private final Signaux signaux;

    TableauTiers(AgentCourant agentCourant, EntrepriseRepository entreprises, Signaux signaux) {
        this.agentCourant = agentCourant;
        this.entreprises = entreprises;
        this.signaux = signaux;
    }

    public List<Ligne> duService(String service) {
        if (!agentCourant.exiger().instruit(service)) {
            throw new DossierIntrouvable();
        }
        return entreprises.duService(service, LIMITE).stream()
                .map(e -> new Ligne(e, signaux.duDossier(e.dossierHabilitation()).stream()
                        .filter(s -> s.regle().startsWith("tiers-")).toList().reversed()))
                .toList();
    }
}
