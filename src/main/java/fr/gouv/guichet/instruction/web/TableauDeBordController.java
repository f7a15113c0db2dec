package fr.gouv.guichet.instruction.web;

import fr.gouv.guichet.instruction.internal.AccesInstruction;
import fr.gouv.guichet.instruction.internal.TableauDeBord;
import fr.gouv.guichet.referentiel.ServiceInstructeur;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** A service's dashboard (préfecture or CERT): figures in accessible tables, the monthly flows also as bars (no JavaScript). */
@Controller
class TableauDeBordController {

    private final AccesInstruction acces;
    private final TableauDeBord tableau;
    private final Clock horloge;

    TableauDeBordController(AccesInstruction acces, TableauDeBord tableau, Clock horloge) {
        this.acces = acces;
        this.tableau = tableau;
        this.horloge = horloge;
    }

    @GetMapping({"/agent/services/{code}/tableau-de-bord", "/agent/prefectures/{code}/tableau-de-bord"})
    String tableau(@PathVariable String code, Model model) {
        ServiceInstructeur service = acces.service(code);
        List<TableauDeBord.Mois> mois = tableau.parMois(code, LocalDate.now(horloge));
        int max = mois.stream().mapToInt(m -> Math.max(m.depots(), m.decisions())).max().orElse(0);
        model.addAttribute("service", service);
        // Why the service's procedures are not offered to usagers (contact details incomplete), for its administrator.
        model.addAttribute("manques", acces.agent().administre(code) ? service.coordonnees().manques() : List.of());
        model.addAttribute("parEtat", tableau.parEtat(code));
        model.addAttribute("mois", mois);
        model.addAttribute("maxMois", Math.max(1, max));
        model.addAttribute("delais", tableau.delaisDecision(code));
        model.addAttribute("anciennete", tableau.stockParAnciennete(code));
        model.addAttribute("prioritaires", tableau.prioritairesEnAttente(code));
        model.addAttribute("nouveauxElements", tableau.nouveauxElements(code));
        return "instruction/tableau-de-bord";
    }
}
