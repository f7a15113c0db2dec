package fr.gouv.guichet.permis.web;

import fr.gouv.guichet.compte.UsagerCourant;
import fr.gouv.guichet.demarche.Dossier;
import fr.gouv.guichet.demarche.DossierIntrouvable;
import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.demarche.InstructionDossiers;
import fr.gouv.guichet.permis.DemarchePermis;
import fr.gouv.guichet.permis.internal.RendezVousPrefecture;
import fr.gouv.guichet.permis.internal.RendezVousPrefecture.Resultat;
import fr.gouv.guichet.referentiel.ServicesInstructeurs;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;

/**
 * The usager books, moves or cancels the appointment in préfecture of their non-EU licence exchange (issue 12, point
 * 5b), one week of slots per page, without JavaScript. Only their own deposited, undecided exchange: 404 otherwise.
 */
@Controller
class RendezVousPermisController {

    static final int JOURS_PAR_PAGE = 5;

    private final Dossiers dossiers;
    private final InstructionDossiers instruction;
    private final UsagerCourant usagerCourant;
    private final RendezVousPrefecture rendezVous;
    private final ServicesInstructeurs services;

    RendezVousPermisController(Dossiers dossiers, InstructionDossiers instruction, UsagerCourant usagerCourant,
                               RendezVousPrefecture rendezVous, ServicesInstructeurs services) {
        this.dossiers = dossiers;
        this.instruction = instruction;
        this.usagerCourant = usagerCourant;
        this.rendezVous = rendezVous;
        this.services = services;
    }

    @GetMapping("/usager/permis/dossiers/{id}/rendez-vous")
    String page(@PathVariable long id, @RequestParam(name = "semaine", defaultValue = "0") int semaine, Model model) {
        Dossier dossier = echange(id);
        String service = instruction.service(id).orElseThrow(DossierIntrouvable::new);
        int semaines = Math.max(1, (rendezVous.joursOfferts() + JOURS_PAR_PAGE - 1) / JOURS_PAR_PAGE);
        int s = Math.clamp(semaine, 0, semaines - 1);
        model.addAttribute("dossier", dossier);
        model.addAttribute("demarche", DemarchePermis.depuisCode(dossier.demarche()).orElseThrow());
        model.addAttribute("service", services.parCode(service).orElseThrow());
        var actif = rendezVous.actif(id);
        model.addAttribute("actif", actif.orElse(null));
        model.addAttribute("actifEnClair", actif.map(r -> RendezVousPrefecture.enClair(r.debut())).orElse(""));
        model.addAttribute("jours", rendezVous.creneaux(service, s * JOURS_PAR_PAGE, JOURS_PAR_PAGE));
        model.addAttribute("semaine", s);
        model.addAttribute("semaines", semaines);
        return "permis/rendez-vous";
    }

    @PostMapping("/usager/permis/dossiers/{id}/rendez-vous")
    String reserver(@PathVariable long id, @RequestParam(name = "debut", defaultValue = "") String debut,
                    @RequestParam(name = "semaine", defaultValue = "0") int semaine, RedirectAttributes redirection) {
        Dossier dossier = echange(id);
        String retour = "redirect:/usager/permis/dossiers/" + id + "/rendez-vous?semaine=" + Math.clamp(semaine, 0, 52);
        LocalDateTime quand;
        try {
            quand = LocalDateTime.parse(debut.length() > 30 ? "" : debut);
        } catch (DateTimeParseException e) {
            redirection.addFlashAttribute("erreurCreneau", "Choisissez un créneau dans la liste.");
            return retour;
        }
        Resultat resultat = rendezVous.reserver(dossier, quand);
        return switch (resultat) {
            case RendezVousPrefecture.Reserve r -> {
                redirection.addFlashAttribute("messageSucces", (r.deplacement() ? "Votre rendez-vous est déplacé au " : "Votre rendez-vous est réservé le ")
                        + RendezVousPrefecture.enClair(r.rendezVous().debut())
                        + ". Un courriel de confirmation vous est envoyé.");
                yield "redirect:/usager/dossiers/" + id;
            }
            case RendezVousPrefecture.CreneauPris p -> {
                redirection.addFlashAttribute("erreurCreneau", "Ce créneau vient d’être pris par une autre personne : choisissez-en un autre."
                        + (rendezVous.actif(id).isPresent() ? " Votre rendez-vous actuel est conservé." : ""));
                yield retour;
            }
            case RendezVousPrefecture.CreneauInvalide i -> {
                redirection.addFlashAttribute("erreurCreneau", "Ce créneau n’est pas proposé : choisissez un créneau dans la liste.");
                yield retour;
            }
        };
    }

    @PostMapping("/usager/permis/dossiers/{id}/rendez-vous/annulation")
    String annuler(@PathVariable long id, RedirectAttributes redirection) {
        Dossier dossier = echange(id);
        if (rendezVous.annuler(dossier)) {
            redirection.addFlashAttribute("messageSucces", "Votre rendez-vous est annulé. Choisissez un autre créneau pour présenter vos originaux.");
        } else {
            redirection.addFlashAttribute("erreurCreneau", "Vous n’avez pas de rendez-vous à venir à annuler.");
        }
        return "redirect:/usager/permis/dossiers/" + id + "/rendez-vous";
    }

    private Dossier echange(long id) {
        return dossiers.deLUsager(id, usagerCourant.exiger().id()).filter(RendezVousPrefecture::concerne)
                .orElseThrow(DossierIntrouvable::new);
    }
}
