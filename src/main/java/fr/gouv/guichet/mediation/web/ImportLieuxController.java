package fr.gouv.guichet.mediation.web;

import fr.gouv.guichet.agent.AgentCourant;
import fr.gouv.guichet.mediation.internal.ImportLieux;
import fr.gouv.guichet.mediation.internal.RapportImport;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The national administrator's CSV upload of help places (/agent/national/** is reserved to the national
 * administrator by the back office's security chain; the agent is also reloaded and checked here).
 */
@Controller
class ImportLieuxController {

    private final ImportLieux importLieux;
    private final AgentCourant agentCourant;

    ImportLieuxController(ImportLieux importLieux, AgentCourant agentCourant) {
        this.importLieux = importLieux;
        this.agentCourant = agentCourant;
    }

    @GetMapping("/agent/national/lieux-aide")
    String formulaire() {
        exigerAdministrateurNational();
        return "mediation/import";
    }

    @PostMapping("/agent/national/lieux-aide")
    String importer(@RequestParam(name = "fichier", required = false) MultipartFile fichier, Model model) throws IOException {
        exigerAdministrateurNational();
        RapportImport rapport;
        if (fichier == null || fichier.isEmpty()) {
            rapport = RapportImport.refuse(List.of(new RapportImport.Erreur(0, "Choisissez un fichier CSV à importer.")));
        } else if (fichier.getSize() > ImportLieux.TAILLE_MAX) {
            rapport = RapportImport.refuse(List.of(new RapportImport.Erreur(0,
                    "Le fichier dépasse " + ImportLieux.TAILLE_MAX / (1024 * 1024) + " Mo : découpez-le par département.")));
        } else {
            try (InputStream entree = fichier.getInputStream()) {
                rapport = importLieux.importer(entree.readNBytes(ImportLieux.TAILLE_MAX + 1));
            }
        }
        model.addAttribute("rapport", rapport);
        return "mediation/import";
    }

    private void exigerAdministrateurNational() {
        if (!agentCourant.exiger().administrateurNational()) {
            throw new org.springframework.security.access.AccessDeniedException("Réservé à l’administrateur national");
        }
    }
}
