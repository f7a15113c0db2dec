package fr.gouv.guichet.identite.web;

import fr.gouv.guichet.compte.UsagerCourant;
import fr.gouv.guichet.identite.Mairie;
import fr.gouv.guichet.identite.NumeroPreDemande;
import fr.gouv.guichet.identite.PreDemande;
import fr.gouv.guichet.identite.RendezVous;
import fr.gouv.guichet.identite.internal.Mairies;
import fr.gouv.guichet.identite.internal.PreDemandes;
import fr.gouv.guichet.identite.internal.RechercheCreneaux;
import fr.gouv.guichet.identite.internal.Reservations;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The public search of slots across town halls, then, signed in, the booking with a pré-demande number, the
 * appointment's page, its move and its cancellation.
 */
@Controller
class RendezVousController {

    private final RechercheCreneaux recherche;
    private final Reservations reservations;
    private final PreDemandes preDemandes;
    private final Mairies mairies;
    private final UsagerCourant usagerCourant;
    private final Clock horloge;

    RendezVousController(RechercheCreneaux recherche, Reservations reservations, PreDemandes preDemandes, Mairies mairies,
                         UsagerCourant usagerCourant, Clock horloge) {
        this.recherche = recherche;
        this.reservations = reservations;
        this.preDemandes = preDemandes;
        this.mairies = mairies;
        this.usagerCourant = usagerCourant;
        this.horloge = horloge;
    }

    @GetMapping("/rendez-vous-titres")
    String rechercher(@RequestParam(defaultValue = "") String lieu, @RequestParam(defaultValue = "20") String rayon,
                      @RequestParam(defaultValue = "") String date, @RequestParam(defaultValue = "") String numero, Model model) {
        LocalDate aujourdhui = LocalDate.now(horloge.withZone(PreDemandes.PARIS));
        Map<String, String> erreurs = new LinkedHashMap<>();
        int km = RechercheCreneaux.RAYONS.stream().filter(r -> String.valueOf(r).equals(rayon)).findFirst().orElse(20);
        LocalDate depuis = aujourdhui;
        if (!date.isBlank()) {
            try {
                depuis = LocalDate.parse(date.strip());
                if (depuis.isBefore(aujourdhui)) {
                    depuis = aujourdhui;
                }
            } catch (DateTimeParseException e) {
                erreurs.put("date", "La date s’écrit au format JJ/MM/AAAA, par exemple 15/01/2027.");
            }
        }
        model.addAttribute("lieu", lieu.length() > 100 ? lieu.substring(0, 100) : lieu);
        model.addAttribute("rayon", km);
        model.addAttribute("rayons", RechercheCreneaux.RAYONS);
        model.addAttribute("date", date.length() > 10 ? "" : date);
        model.addAttribute("numero", NumeroPreDemande.estValide(NumeroPreDemande.normaliser(numero)) ? NumeroPreDemande.normaliser(numero) : "");
        if (!lieu.isBlank() && lieu.length() <= 100 && erreurs.isEmpty()) {
            Optional<RechercheCreneaux.Position> position = recherche.situer(lieu);
            if (position.isEmpty()) {
                erreurs.put("lieu", "Commune ou code postal introuvable. Vérifiez l’orthographe ou indiquez une commune voisine.");
            } else {
                model.addAttribute("reponse", recherche.rechercher(position.get(), km, depuis));
            }
        } else if (lieu.length() > 100) {
            erreurs.put("lieu", "Indiquez une commune ou un code postal (100 caractères au plus).");
        }
        model.addAttribute("erreurs", erreurs);
        model.addAttribute("enErreur", !erreurs.isEmpty());
        return "identite/recherche";
    }

    @GetMapping("/usager/identite/reserver")
    String confirmer(@RequestParam String mairie, @RequestParam String debut, @RequestParam(defaultValue = "") String numero,
                     Model model) {
        return vueConfirmation(model, mairieDemandee(mairie), instant(debut), NumeroPreDemande.normaliser(numero), null, null);
    }

    @PostMapping("/usager/identite/reserver")
    String reserver(@RequestParam String mairie, @RequestParam String debut, @RequestParam(defaultValue = "") String numero,
                    @RequestParam(defaultValue = "false") boolean deplacer, @RequestParam(defaultValue = "false") boolean malgreAilleurs,
                    Model model, RedirectAttributes redirection) {
        long usager = usagerCourant.exiger().id();
        Mairie m = mairieDemandee(mairie);
        LocalDateTime quand = instant(debut);
        String saisi = NumeroPreDemande.normaliser(numero);
        if (!NumeroPreDemande.estValide(saisi)) {
            return vueConfirmation(model, m, quand, saisi, "Le numéro de pré-demande compte 10 caractères (chiffres et lettres) : "
                    + "vérifiez-le sur votre récapitulatif.", null);
        }
        Reservations.Resultat resultat;
        try {
            resultat = reservations.reserver(usager, new NumeroPreDemande(saisi), m.service(), quand, deplacer, malgreAilleurs);
        } catch (Reservations.CreneauPrisPendantDeplacement e) {
            resultat = new Reservations.CreneauPris();
        }
        return switch (resultat) {
            case Reservations.Reserve r -> {
                redirection.addFlashAttribute("messageSucces", (deplacer ? "Rendez-vous déplacé" : "Rendez-vous réservé")
                        + " : un courriel de confirmation vous est envoyé.");
                yield "redirect:/usager/identite/rendez-vous/" + r.rendezVous().id();
            }
            case Reservations.DejaReserve d -> vueConfirmation(model, m, quand, saisi, null, d.existant());
            case Reservations.CreneauPris p -> {
                redirection.addFlashAttribute("messageErreur", "Ce créneau vient d’être réservé par une autre personne : "
                        + "choisissez-en un autre.");
                yield "redirect:/rendez-vous-titres?lieu=" + java.net.URLEncoder.encode(m.commune(), java.nio.charset.StandardCharsets.UTF_8)
                        + "&numero=" + saisi;
            }
            case Reservations.CreneauInvalide c -> {
                redirection.addFlashAttribute("messageErreur", "Ce créneau n’est pas proposé (passé, fermé ou inexistant) : "
                        + "choisissez-en un autre.");
                yield "redirect:/rendez-vous-titres";
            }
            case Reservations.PreDemandeInutilisable i -> vueConfirmation(model, m, quand, saisi, i.raison(), null);
            case Reservations.PlateformeIndisponible i -> vueConfirmation(model, m, quand, saisi, i.message(), null);
            case Reservations.DejaReserveAilleurs a -> {
                model.addAttribute("ailleurs", a.ailleurs());
                yield vueConfirmation(model, m, quand, saisi, null, null);
            }
        };
    }

    @GetMapping("/usager/identite/rendez-vous/{id}")
    String rendezVous(@PathVariable long id, Model model) {
        RendezVous rdv = sien(id);
        model.addAttribute("rdv", rdv);
        model.addAttribute("mairie", mairies.parService(rdv.mairie()).orElseThrow());
        model.addAttribute("pd", preDemandes.parNumero(rdv.numero()).orElseThrow());
        model.addAttribute("futur", rdv.actif() && rdv.debut().isAfter(LocalDateTime.now(horloge.withZone(PreDemandes.PARIS))));
        return "identite/rendez-vous";
    }

    @PostMapping("/usager/identite/rendez-vous/{id}/annuler")
    String annuler(@PathVariable long id, RedirectAttributes redirection) {
        RendezVous rdv = sien(id);
        boolean annule = reservations.annuler(usagerCourant.exiger().id(), rdv.id());
        redirection.addFlashAttribute(annule ? "messageSucces" : "messageErreur", annule
                ? "Rendez-vous annulé : la place est de nouveau proposée. Votre pré-demande reste valable."
                : "Ce rendez-vous ne peut plus être annulé en ligne (passé ou déjà annulé) : contactez la mairie.");
        return "redirect:/usager/identite/rendez-vous/" + id;
    }

    private String vueConfirmation(Model model, Mairie m, LocalDateTime debut, String numero, @Nullable String erreur,
                                   @Nullable RendezVous existant) {
        long usager = usagerCourant.exiger().id();
        LocalDate aujourdhui = LocalDate.now(horloge.withZone(PreDemandes.PARIS));
        List<PreDemande> utilisables = preDemandes.toutesDeLUsager(usager).stream().filter(p -> p.utilisableLe(aujourdhui)).toList();
        model.addAttribute("mairie", m);
        model.addAttribute("debut", debut);
        model.addAttribute("numero", numero.isEmpty() && utilisables.size() == 1 ? utilisables.getFirst().numero().valeur() : numero);
        model.addAttribute("utilisables", utilisables);
        model.addAttribute("erreur", erreur);
        model.addAttribute("enErreur", erreur != null);
        model.addAttribute("existant", existant);
        return "identite/reserver";
    }

    private RendezVous sien(long id) {
        long usager = usagerCourant.exiger().id();
        return reservations.parId(id).filter(r -> r.usagerId() != null && r.usagerId() == usager).orElseThrow(Introuvable::new);
    }

    private Mairie mairieDemandee(String service) {
        return mairies.parService(service.length() > 40 ? "" : service).filter(Mairie::agendaGuichet).orElseThrow(Introuvable::new);
    }

    private static LocalDateTime instant(String debut) {
        try {
            return LocalDateTime.parse(debut.length() > 30 ? "" : debut);
        } catch (DateTimeParseException e) {
            throw new Introuvable();
        }
    }
}
