package fr.gouv.guichet.identite.web;

import fr.gouv.guichet.identite.internal.Delais;
import fr.gouv.guichet.identite.internal.Mairies;
import fr.gouv.guichet.identite.internal.PreDemandes;
import fr.gouv.guichet.referentiel.Departements;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** The public page of waiting times for an appointment, per département and town hall. */
@Controller
class DelaisController {

    private final Delais delais;
    private final Mairies mairies;
    private final Departements departements;
    private final Clock horloge;

    DelaisController(Delais delais, Mairies mairies, Departements departements, Clock horloge) {
        this.delais = delais;
        this.mairies = mairies;
        this.departements = departements;
        this.horloge = horloge;
    }

    @GetMapping("/rendez-vous-titres/delais")
    String delais(@RequestParam(defaultValue = "83") String departement, Model model) {
        List<String> codes = mairies.departements();
        String choisi = codes.contains(departement) ? departement : codes.isEmpty() ? "83" : codes.getFirst();
        model.addAttribute("departements", codes.stream().map(c -> departements.parCode(c).orElseThrow()).toList());
        model.addAttribute("choisi", departements.parCode(choisi).orElseThrow());
        model.addAttribute("delais", delais.duDepartement(choisi));
        model.addAttribute("aujourdhui", LocalDate.now(horloge.withZone(PreDemandes.PARIS)));
        return "identite/delais";
    }
}
