package fr.gouv.guichet.tiers.web;

import fr.gouv.guichet.tiers.internal.AccesTiers;
import fr.gouv.guichet.tiers.internal.Collaborateurs;
import fr.gouv.guichet.tiers.internal.DepotsPourClient;
import fr.gouv.guichet.tiers.internal.DepotsVehicule;
import fr.gouv.guichet.tiers.internal.EspacePro;
import fr.gouv.guichet.tiers.internal.Entreprise;
import org.springframework.http.ContentDisposition;
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

import java.nio.charset.StandardCharsets;

/** The professional space: the company, its clients' dossiers (filters, CSV), its collaborators and invitations. */
@Controller
class EspaceProController {

    private final AccesTiers acces;
    private final EspacePro espace;
    private final Collaborateurs collaborateurs;
    private final DepotsPourClient depots;
    private final DepotsVehicule vehicules;

    EspaceProController(AccesTiers acces, EspacePro espace, Collaborateurs collaborateurs, DepotsPourClient depots,
                        DepotsVehicule vehicules) {
        this.vehicules = vehicules;
        this.acces = acces;
        this.espace = espace;
        this.collaborateurs = collaborateurs;
        this.depots = depots;
    }

    @GetMapping("/usager/pro")
    String espace(@RequestParam(defaultValue = "") String client, @RequestParam(required = false) String etat,
                  @RequestParam(defaultValue = "false") boolean opposes, Model model) {
        Entreprise entreprise = acces.entreprise();
        EspacePro.Filtre filtre = new EspacePro.Filtre(client, etat, opposes);
        model.addAttribute("entreprise", entreprise);
        model.addAttribute("filtre", filtre);
        model.addAttribute("lignes", espace.depots(filtre));
        model.addAttribute("limite", EspacePro.LIMITE);
        model.addAttribute("etats", espace.etats());
        model.addAttribute("procedures", entreprise.peutDeposer() ? depots.ouvertes() : java.util.List.of());
        model.addAttribute("gerant", espace.estGerant());
        model.addAttribute("collaborateurs", espace.collaborateurs());
        model.addAttribute("invitations", espace.invitations());
        model.addAttribute("procedureVehicule", DepotsVehicule.PROCEDURE);
        model.addAttribute("finPreavis", espace.finPreavis(entreprise));
        return "tiers/espace";
    }

    @GetMapping("/usager/pro/depots.csv")
    ResponseEntity<byte[]> export(@RequestParam(defaultValue = "") String client, @RequestParam(required = false) String etat,
                                  @RequestParam(defaultValue = "false") boolean opposes) {
        byte[] contenu = espace.csv(new EspacePro.Filtre(client, etat, opposes)).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("dossiers-clients.csv").build().toString())
                .body(contenu);
    }

    @GetMapping("/usager/pro/depots/{id}")
    String depot(@PathVariable long id, Model model) {
        Entreprise entreprise = acces.entreprise();
        var depot = acces.depot(id);
        model.addAttribute("entreprise", entreprise);
        model.addAttribute("ligne", espace.ligne(depot));
        model.addAttribute("aPayer", depot.transmisLe() == null);
        model.addAttribute("montant", depot.transmisLe() == null ? vehicules.montant(depot) : "");
        return "tiers/depot";
    }

    /** The manager ends the convention (explicit confirmation: it has legal consequences). */
    @PostMapping("/usager/pro/resiliation")
    String resilier(@RequestParam(defaultValue = "") String motif, @RequestParam(defaultValue = "false") boolean confirme,
                    RedirectAttributes redirection) {
        acces.entreprisePourGerer();
        var refus = confirme ? espace.resilier(motif)
                : java.util.Optional.of("Cochez la case qui confirme la résiliation de la convention.");
        refus.ifPresentOrElse(r -> redirection.addFlashAttribute("erreurResiliation", r),
                () -> redirection.addFlashAttribute("messageSucces", "La résiliation est enregistrée : la convention prend fin au "
                        + "terme du préavis de deux mois."));
        return "redirect:/usager/pro#resiliation";
    }

    @PostMapping("/usager/pro/collaborateurs")
    String inviter(@RequestParam(defaultValue = "") String email, RedirectAttributes redirection) {
        Entreprise entreprise = acces.entreprisePourGerer();
        collaborateurs.inviter(entreprise, email, acces.usager().id()).ifPresentOrElse(
                erreur -> {
                    redirection.addFlashAttribute("erreurInvitation", erreur);
                    redirection.addFlashAttribute("emailSaisi", email.length() > 254 ? "" : email);
                },
                () -> redirection.addFlashAttribute("messageSucces", "L’invitation est envoyée à " + email.strip() + "."));
        return "redirect:/usager/pro#collaborateurs";
    }

    @PostMapping("/usager/pro/collaborateurs/{usagerId}/retrait")
    String retirer(@PathVariable long usagerId, RedirectAttributes redirection) {
        Entreprise entreprise = acces.entreprisePourGerer();
        if (collaborateurs.retirer(entreprise, usagerId)) {
            redirection.addFlashAttribute("messageSucces", "Le collaborateur n’agit plus pour " + entreprise.raisonSociale() + ".");
        }
        return "redirect:/usager/pro#collaborateurs";
    }

    @GetMapping("/usager/pro/invitations/{jeton}")
    String invitation(@PathVariable String jeton, Model model) {
        // An unknown, used or expired token is a 404, as any URL that names nothing of the signed-in usager's.
        var invitation = collaborateurs.invitation(jeton).orElseThrow(fr.gouv.guichet.demarche.DossierIntrouvable::new);
        model.addAttribute("invitation", invitation);
        model.addAttribute("jeton", jeton);
        model.addAttribute("entreprise", collaborateurs.nomEntreprise(invitation));
        return "tiers/invitation";
    }

    @PostMapping("/usager/pro/invitations/{jeton}")
    String accepter(@PathVariable String jeton, RedirectAttributes redirection) {
        var profil = acces.usager();
        collaborateurs.invitation(jeton).orElseThrow(fr.gouv.guichet.demarche.DossierIntrouvable::new);
        var refus = collaborateurs.accepter(jeton, profil.id(), profil.email());
        if (refus.isPresent()) {
            redirection.addFlashAttribute("messageErreur", refus.get());
            return "redirect:/usager";
        }
        redirection.addFlashAttribute("messageSucces", "Vous agissez désormais pour cette entreprise avec votre compte.");
        return "redirect:/usager/pro";
    }
}
