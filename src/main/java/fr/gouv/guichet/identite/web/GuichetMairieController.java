package fr.gouv.guichet.identite.web;

import fr.gouv.guichet.agent.AgentConnecte;
import fr.gouv.guichet.agent.AgentCourant;
import fr.gouv.guichet.demarche.InstructionDossiers;
import fr.gouv.guichet.identite.Mairie;
import fr.gouv.guichet.identite.NumeroPreDemande;
import fr.gouv.guichet.identite.PiecesAApporter;
import fr.gouv.guichet.identite.PreDemande;
import fr.gouv.guichet.identite.TimbresIdentite;
import fr.gouv.guichet.identite.internal.GuichetMairie;
import fr.gouv.guichet.identite.internal.Mairies;
import fr.gouv.guichet.identite.internal.PreDemandes;
import fr.gouv.guichet.identite.internal.Reservations;
import fr.gouv.guichet.identite.internal.TimbresPreDemande;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * The town hall's counter, for the agents of that town hall (its service) only — anyone else gets a 404 on every
 * URL: the day's appointments, a pré-demande found by its number (typed, or read from its QR code by a scanner that
 * types it), taking the application, no-show, title available, handed over.
 */
@Controller
class GuichetMairieController {

    private final AgentCourant agentCourant;
    private final Mairies mairies;
    private final Reservations reservations;
    private final PreDemandes preDemandes;
    private final GuichetMairie guichet;
    private final InstructionDossiers dossiers;
    private final TimbresIdentite timbres;
    private final TimbresPreDemande timbresPreDemande;
    private final Clock horloge;

    GuichetMairieController(AgentCourant agentCourant, Mairies mairies, Reservations reservations, PreDemandes preDemandes,
                            GuichetMairie guichet, InstructionDossiers dossiers, TimbresIdentite timbres, TimbresPreDemande timbresPreDemande,
                            Clock horloge) {
        this.timbresPreDemande = timbresPreDemande;
        this.agentCourant = agentCourant;
        this.mairies = mairies;
        this.reservations = reservations;
        this.preDemandes = preDemandes;
        this.guichet = guichet;
        this.dossiers = dossiers;
        this.timbres = timbres;
        this.horloge = horloge;
    }

    @GetMapping("/agent/mairies/{service}")
    String journee(@PathVariable String service, @RequestParam(defaultValue = "") String jour, Model model) {
        Mairie m = sienne(service);
        LocalDate aujourdhui = LocalDate.now(horloge.withZone(PreDemandes.PARIS));
        LocalDate date = aujourdhui;
        try {
            if (!jour.isBlank() && jour.length() <= 10) {
                date = LocalDate.parse(jour);
            }
        } catch (DateTimeParseException e) {
            model.addAttribute("messageErreur", "Date non reconnue : la journée affichée est celle d’aujourd’hui.");
        }
        model.addAttribute("mairie", m);
        model.addAttribute("jour", date);
        model.addAttribute("veille", date.minusDays(1));
        model.addAttribute("lendemain", date.plusDays(1));
        model.addAttribute("rendezVous", reservations.duJour(m.service(), date));
        model.addAttribute("enCours", guichet.enCours(m.service()));
        return "identite/guichet-journee";
    }

    @GetMapping("/agent/mairies/{service}/pre-demande")
    String trouver(@PathVariable String service, @RequestParam(defaultValue = "") String numero, Model model) {
        Mairie m = sienne(service);
        String saisi = NumeroPreDemande.normaliser(numero.length() > 40 ? "" : numero);
        model.addAttribute("mairie", m);
        model.addAttribute("numero", saisi);
        if (!NumeroPreDemande.estValide(saisi)) {
            model.addAttribute("erreur", "Ce numéro n’est pas un numéro de pré-demande : 10 caractères, chiffres et lettres. "
                    + "Vérifiez chaque caractère avec l’usager.");
            model.addAttribute("enErreur", true);
            return "identite/guichet-pre-demande";
        }
        Optional<PreDemande> pd = preDemandes.parNumero(new NumeroPreDemande(saisi));
        if (pd.isEmpty()) {
            model.addAttribute("erreur", "Aucune pré-demande ne porte ce numéro.");
            model.addAttribute("enErreur", true);
            return "identite/guichet-pre-demande";
        }
        PreDemande p = pd.get();
        boolean ailleurs = p.consommee() && !m.service().equals(p.mairieRecueil());
        model.addAttribute("pd", p);
        model.addAttribute("ailleurs", ailleurs);
        if (!ailleurs) {
            LocalDate creee = p.creeLe().atZone(PreDemandes.PARIS).toLocalDate();
            Map<String, Object> reponses = dossiers.pourInstruction(p.dossierId()).orElseThrow().reponses();
            model.addAttribute("reponses", reponses);
            model.addAttribute("pieces", PiecesAApporter.liste(reponses, timbres.dus(p.titres(), p.motif(), p.dateNaissance(), creee), creee));
            model.addAttribute("rdv", reservations.actif(p.numero()).orElse(null));
            model.addAttribute("timbres", timbresPreDemande.auGuichet(p, LocalDate.now(horloge.withZone(PreDemandes.PARIS))));
            model.addAttribute("utilisable", p.utilisableLe(LocalDate.now(horloge.withZone(PreDemandes.PARIS))));
        }
        return "identite/guichet-pre-demande";
    }

    @PostMapping("/agent/mairies/{service}/pre-demande/{numero}/recueillir")
    String recueillir(@PathVariable String service, @PathVariable String numero, @RequestParam Map<String, String> parametres,
                      RedirectAttributes redirection) {
        Mairie m = sienne(service);
        Map<String, String> timbresSaisis = new java.util.HashMap<>();
        parametres.forEach((cle, valeur) -> {
            if (cle.startsWith("timbre_") && cle.length() <= 60) {
                timbresSaisis.put(cle.substring("timbre_".length()), valeur.length() > 40 ? "" : valeur);
            }
        });
        return apres(m, numero, guichet.recueillir(m.service(), numeroValide(numero), agent().id(), timbresSaisis),
                "Demande recueillie : la pré-demande est consommée.", redirection);
    }

    @PostMapping("/agent/mairies/{service}/pre-demande/{numero}/disponible")
    String disponible(@PathVariable String service, @PathVariable String numero, RedirectAttributes redirection) {
        Mairie m = sienne(service);
        return apres(m, numero, guichet.signalerDisponible(m.service(), numeroValide(numero), agent().id()),
                "Titre signalé disponible : l’usager est prévenu par courriel.", redirection);
    }

    @PostMapping("/agent/mairies/{service}/pre-demande/{numero}/remis")
    String remis(@PathVariable String service, @PathVariable String numero, RedirectAttributes redirection) {
        Mairie m = sienne(service);
        return apres(m, numero, guichet.remettre(m.service(), numeroValide(numero), agent().id()), "Titre remis.", redirection);
    }

    @PostMapping("/agent/mairies/{service}/rendez-vous/{id}/absent")
    String absent(@PathVariable String service, @PathVariable long id, RedirectAttributes redirection) {
        Mairie m = sienne(service);
        boolean fait = reservations.marquerAbsent(m.service(), id);
        if (!fait && reservations.parId(id).filter(r -> r.mairie().equals(m.service())).isEmpty()) {
            throw new Introuvable();
        }
        redirection.addFlashAttribute(fait ? "messageSucces" : "messageErreur", fait
                ? "Absence enregistrée : l’usager peut reprendre rendez-vous avec sa pré-demande."
                : "Seul un rendez-vous à venir déjà commencé peut être marqué en absence.");
        return "redirect:/agent/mairies/" + m.service();
    }

    private String apres(Mairie m, String numero, Optional<GuichetMairie.Refus> refus, String succes, RedirectAttributes redirection) {
        redirection.addFlashAttribute(refus.isEmpty() ? "messageSucces" : "messageErreur", refus.map(GuichetMairie.Refus::raison).orElse(succes));
        return "redirect:/agent/mairies/" + m.service() + "/pre-demande?numero=" + numero;
    }

    private static NumeroPreDemande numeroValide(String numero) {
        if (!NumeroPreDemande.estValide(numero)) {
            throw new Introuvable();
        }
        return new NumeroPreDemande(numero);
    }

    private AgentConnecte agent() {
        return agentCourant.exiger();
    }

    /** The town hall, if the agent belongs to it; a 404 otherwise (nobody learns which town halls exist). */
    private Mairie sienne(String service) {
        if (service.length() > 40 || !agent().instruit(service)) {
            throw new Introuvable();
        }
        return mairies.parService(service).orElseThrow(Introuvable::new);
    }
}
