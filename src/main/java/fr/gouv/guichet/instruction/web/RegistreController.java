package fr.gouv.guichet.instruction.web;

import fr.gouv.guichet.instruction.internal.AccesInstruction;
import fr.gouv.guichet.instruction.internal.Registre;
import fr.gouv.guichet.referentiel.Departement;
import fr.gouv.guichet.referentiel.Departements;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import java.time.Clock;
import java.time.LocalDate;

/** The register of authorized systems (agents) and the public list of authorizations (everyone). */
@Controller
class RegistreController {

    private final AccesInstruction acces;
    private final Registre registre;
    private final Departements departements;
    private final Clock horloge;

    RegistreController(AccesInstruction acces, Registre registre, Departements departements, Clock horloge) {
        this.acces = acces;
        this.registre = registre;
        this.departements = departements;
        this.horloge = horloge;
    }

    @GetMapping("/agent/prefectures/{code}/registre")
    String registre(@PathVariable String code, @RequestParam(name = "expirant", required = false) String expirant, Model model) {
        Departement prefecture = acces.prefecture(code);
        LocalDate limite = expirant != null ? LocalDate.now(horloge).plusMonths(6) : null;
        model.addAttribute("prefecture", prefecture);
        model.addAttribute("autorisations", registre.dePrefecture(code, limite));
        model.addAttribute("expirant", limite != null);
        return "instruction/registre";
    }

    @GetMapping("/prefectures/{code}/autorisations")
    String listePublique(@PathVariable String code, Model model) {
        model.addAttribute("prefecture", departements.parCode(code)
                .orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND)));
        model.addAttribute("autorisations", registre.listePublique(code));
        return "instruction/liste-publique";
    }
}
