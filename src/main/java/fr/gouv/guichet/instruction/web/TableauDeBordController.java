package fr.gouv.guichet.instruction.web;

import fr.gouv.guichet.instruction.internal.AccesInstruction;
import fr.gouv.guichet.instruction.internal.TableauDeBord;
import fr.gouv.guichet.referentiel.Departements;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** The préfet's dashboard: figures in accessible tables, the monthly flows also as bars (no JavaScript). */
@Controller
class TableauDeBordController {

    private final AccesInstruction acces;
    private final TableauDeBord tableau;
    private final Departements departements;
    private final Clock horloge;

    TableauDeBordController(AccesInstruction acces, TableauDeBord tableau, Departements departements, Clock horloge) {
        this.acces = acces;
        this.tableau = tableau;
        this.departements = departements;
        this.horloge = horloge;
    }

    @GetMapping("/agent/prefectures/{code}/tableau-de-bord")
    String tableau(@PathVariable String code, Model model) {
        acces.prefecture(code);
        List<TableauDeBord.Mois> mois = tableau.parMois(code, LocalDate.now(horloge));
        int max = mois.stream().mapToInt(m -> Math.max(m.depots(), m.decisions())).max().orElse(0);
        model.addAttribute("prefecture", departements.parCode(code).orElseThrow());
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
