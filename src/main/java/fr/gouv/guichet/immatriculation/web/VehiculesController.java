package fr.gouv.guichet.immatriculation.web;

import fr.gouv.guichet.compte.UsagerCourant;
import fr.gouv.guichet.immatriculation.ErreursSaisie;
import fr.gouv.guichet.immatriculation.Operation;
import fr.gouv.guichet.immatriculation.RegistreVehicules;
import fr.gouv.guichet.immatriculation.Vehicule;
import fr.gouv.guichet.immatriculation.VehiculeIntrouvable;
import fr.gouv.guichet.immatriculation.internal.Cessions;
import fr.gouv.guichet.immatriculation.internal.DemandesUsager;
import fr.gouv.guichet.immatriculation.internal.DocumentsImmatriculation;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** Mes véhicules, a vehicle's page and history, the declaration of sale and its documents: the holder's only. */
@Controller
class VehiculesController {

    private final UsagerCourant usager;
    private final RegistreVehicules registre;
    private final Cessions cessions;
    private final DemandesUsager demandes;
    private final DocumentsImmatriculation documents;

    VehiculesController(UsagerCourant usager, RegistreVehicules registre, Cessions cessions, DemandesUsager demandes,
                        DocumentsImmatriculation documents) {
        this.usager = usager;
        this.registre = registre;
        this.cessions = cessions;
        this.demandes = demandes;
        this.documents = documents;
    }

    @GetMapping("/usager/vehicules")
    String mesVehicules(Model model) {
        long id = usager.exiger().id();
        model.addAttribute("vehicules", registre.duTitulaire(id));
        model.addAttribute("cessions", cessions.duVendeur(id));
        model.addAttribute("demandes", demandes.deLUsager(id));
        return "immatriculation/mes-vehicules";
    }

    @GetMapping("/usager/vehicules/{id}")
    String vehicule(@PathVariable long id, Model model) {
        Vehicule v = duTitulaire(id);
        model.addAttribute("vehicule", v);
        model.addAttribute("historique", registre.historique(v.id()));
        return "immatriculation/vehicule";
    }

    @GetMapping("/usager/vehicules/{id}/cession")
    String cession(@PathVariable long id, Model model) {
        model.addAttribute("vehicule", duTitulaire(id));
        model.addAttribute("valeurs", Map.of("dateVente", LocalDate.now().toString()));
        return "immatriculation/cession";
    }

    @PostMapping("/usager/vehicules/{id}/cession")
    String declarer(@PathVariable long id, @RequestParam Map<String, String> saisie, Model model, RedirectAttributes redirection) {
        Vehicule v = duTitulaire(id);
        try {
            Cessions.Declaree d = cessions.declarer(usager.exiger().id(), v.immatriculation(), date(saisie.get("dateVente")),
                    entier(saisie.get("kilometrage")), saisie.getOrDefault("acquereurNom", ""), saisie.getOrDefault("acquereurPrenoms", ""));
            // The code is shown once, on the next page: only its digest is kept.
            redirection.addFlashAttribute("code", d.code().valeur());
            return "redirect:/usager/vehicules/cessions/" + d.cessionId();
        } catch (ErreursSaisie e) {
            model.addAttribute("vehicule", v);
            model.addAttribute("valeurs", saisie);
            model.addAttribute("erreurs", e.parChamp());
            return "immatriculation/cession";
        }
    }

    @GetMapping("/usager/vehicules/cessions/{id}")
    String declaration(@PathVariable long id, Model model) {
        model.addAttribute("cession", cessions.duVendeur(id, usager.exiger().id()));
        model.addAttribute("validiteJours", fr.gouv.guichet.immatriculation.CodeCession.VALIDITE.toDays());
        return "immatriculation/declaration";
    }

    @GetMapping("/usager/vehicules/cessions/{id}/situation.pdf")
    ResponseEntity<byte[]> situation(@PathVariable long id) {
        return pdf(documents.situation(id, usager.exiger().id()), "certificat-situation-administrative.pdf");
    }

    @PostMapping("/usager/vehicules/{id}/adresse")
    String changerAdresse(@PathVariable long id) {
        Vehicule v = duTitulaire(id);
        return "redirect:/usager/vehicules/demandes/" + demandes.commencer(usager.exiger().id(), v.immatriculation(),
                Operation.CHANGEMENT_ADRESSE, null);
    }

    @PostMapping("/usager/vehicules/{id}/duplicata")
    String duplicata(@PathVariable long id, @RequestParam(defaultValue = "") String motif, RedirectAttributes redirection) {
        Vehicule v = duTitulaire(id);
        if (!motif.equals("perte") && !motif.equals("vol") && !motif.equals("deterioration")) {
            redirection.addFlashAttribute("erreurDuplicata", "Choisissez le motif du duplicata : perte, vol ou détérioration.");
            return "redirect:/usager/vehicules/" + id + "#duplicata";
        }
        return "redirect:/usager/vehicules/demandes/" + demandes.commencer(usager.exiger().id(), v.immatriculation(), Operation.DUPLICATA, motif);
    }

    private Vehicule duTitulaire(long id) {
        long moi = usager.exiger().id();
        return registre.parId(id).filter(v -> v.usagerId() != null && v.usagerId() == moi).orElseThrow(VehiculeIntrouvable::new);
    }

    static ResponseEntity<byte[]> pdf(byte[] octets, String nom) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + nom + "\"").body(octets);
    }

    static java.time.@org.jspecify.annotations.Nullable LocalDate date(@org.jspecify.annotations.Nullable String texte) {
        if (texte == null || texte.isBlank() || texte.length() > 10) {
            return null;
        }
        try {
            return LocalDate.parse(texte.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static @org.jspecify.annotations.Nullable Integer entier(@org.jspecify.annotations.Nullable String texte) {
        if (texte == null || !texte.strip().replace(" ", "").matches("\\d{1,7}")) {
            return null;
        }
        return Integer.parseInt(texte.strip().replace(" ", ""));
    }
}
