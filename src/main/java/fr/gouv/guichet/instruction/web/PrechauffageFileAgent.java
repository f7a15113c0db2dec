package fr.gouv.guichet.instruction.web;

import fr.gouv.guichet.agent.AgentConnecte;
import fr.gouv.guichet.agent.RoleAgent;
import fr.gouv.guichet.demarche.EtatsCommuns;
import fr.gouv.guichet.demarche.Procedure;
import fr.gouv.guichet.demarche.Procedures;
import fr.gouv.guichet.instruction.internal.FileAttente;
import fr.gouv.guichet.instruction.internal.FiltreFile;
import fr.gouv.guichet.instruction.internal.LigneFile;
import fr.gouv.guichet.instruction.internal.Onglet;
import fr.gouv.guichet.referentiel.ServiceInstructeur;
import fr.gouv.guichet.referentiel.ServicesInstructeurs;
import fr.gouv.guichet.socle.Prechauffage;
import fr.gouv.guichet.socle.RenduEnMemoire;
import org.springframework.stereotype.Component;
import org.springframework.ui.ExtendedModelMap;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The agents' queue warmed at start-up without an account (ADR 0033): its read-only queries (page, counters, other
 * tabs) on a service code no service has, then the page of the first préfecture rendered by the controller's own model
 * code with a full page of example lines built in memory, for an example agent that exists only in this model.
 */
@Component
class PrechauffageFileAgent implements Prechauffage {

    /** No service has this code: the queue's queries find nothing. */
    static final String SERVICE_FICTIF = "prechauffage-aucun-service";

    private final FileController controleur;
    private final FileAttente file;
    private final ServicesInstructeurs services;
    private final Procedures procedures;
    private final RenduEnMemoire rendu;
    private final Clock horloge;

    PrechauffageFileAgent(FileController controleur, FileAttente file, ServicesInstructeurs services, Procedures procedures,
                          RenduEnMemoire rendu, Clock horloge) {
        this.controleur = controleur;
        this.file = file;
        this.services = services;
        this.procedures = procedures;
        this.rendu = rendu;
        this.horloge = horloge;
    }

    @Override
    public String nom() {
        return "file de l’agent (requêtes sur un service inexistant, page rendue en mémoire)";
    }

    @Override
    public void prechauffer() throws Exception {
        ServiceInstructeur service = services.tous().stream().filter(ServiceInstructeur::estPrefecture).findFirst().orElse(null);
        if (service == null) {
            return; // an empty referential (some tests): no queue to show
        }
        FiltreFile aucun = new FiltreFile(SERVICE_FICTIF, Onglet.A_TRAITER, null, null, null, null, null, null, null);
        FileAttente.Page lue = file.page(aucun, null, service.delaiCibleJours());
        Map<Onglet, Integer> ailleurs = file.ailleurs(aucun);
        Map<Onglet, Integer> compteurs = file.compter(SERVICE_FICTIF, null);
        if (!lue.lignes().isEmpty()) {
            throw new IllegalStateException("Le préchauffage a trouvé des dossiers au service fictif " + SERVICE_FICTIF);
        }
        AgentConnecte agent = agentFictif(service.code());
        FiltreFile filtre = new FiltreFile(service.code(), Onglet.A_TRAITER, null, null, null, null, null, null, null);
        ExtendedModelMap modele = new ExtendedModelMap();
        modele.addAttribute("agentConnecte", agent);
        String vue = controleur.vue(modele, agent, service, controleur.departementsServis(service), filtre,
                new FileController.Parametres(Onglet.A_TRAITER.name(), null, null, null, null, null, null, null, null), "",
                new FileAttente.Page(exemples(), "cHJlY2hhdWZmYWdl"), ailleurs, compteurs);
        rendu.rendre(vue, "/agent/prefectures/" + service.code() + "/file", modele);
    }

    /** An agent that exists only in a warm-up's model (id -1, reserved address): never signed in, never stored. */
    static AgentConnecte agentFictif(String service) {
        return new AgentConnecte(-1, "prechauffage@exemple.invalid", "Agent du préchauffage", Map.of(service, RoleAgent.INSTRUCTEUR), false);
    }

    /** A full page of example lines, over the procedures, deposited and waiting for documents, late or not. */
    private List<LigneFile> exemples() {
        List<Procedure> toutes = List.copyOf(procedures.toutes());
        Instant depot = Instant.now(horloge);
        LocalDate rejet = LocalDate.now(horloge).plusMonths(2);
        List<LigneFile> lignes = new ArrayList<>();
        for (int i = 0; i < FileAttente.TAILLE_PAGE; i++) {
            boolean pair = i % 2 == 0;
            lignes.add(new LigneFile(-1 - i, "EX-2026-" + (100000 + i), toutes.get(i % toutes.size()).code(),
                    pair ? EtatsCommuns.depose("Déposé") : EtatsCommuns.attentePieces(), i % 7 == 0, depot,
                    "Demandeur d’exemple « éàç »", "Commune d’exemple", i, i % 5 == 0, pair ? rejet : null, i % 9 == 0, i % 3 == 0));
        }
        return lignes;
    }
}
