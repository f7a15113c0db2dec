package fr.gouv.guichet.mediation.web;

import fr.gouv.guichet.compte.Destinataires;
import fr.gouv.guichet.compte.EnvoisUsager;
import fr.gouv.guichet.compte.ProfilUsager;
import fr.gouv.guichet.compte.UsagerCourant;
import fr.gouv.guichet.mediation.internal.Lieu;
import fr.gouv.guichet.mediation.internal.Mediateurs;
import fr.gouv.guichet.socle.securite.AdressesElectroniques;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the usager's notifications go (issue 16, point 4): a trusted person's address or a help place (letters to
 * print or to collect), chosen by the usager with an explicit consent, revocable at any time.
 */
@Controller
class NotificationsUsagerController {

    private final UsagerCourant usagerCourant;
    private final Destinataires destinataires;
    private final EnvoisUsager envois;
    private final Mediateurs mediateurs;

    NotificationsUsagerController(UsagerCourant usagerCourant, Destinataires destinataires, EnvoisUsager envois,
                                  Mediateurs mediateurs) {
        this.usagerCourant = usagerCourant;
        this.destinataires = destinataires;
        this.envois = envois;
        this.mediateurs = mediateurs;
    }

    @GetMapping("/usager/notifications")
    String page(Model model) {
        return afficher(model, Map.of(), Map.of());
    }

    @PostMapping("/usager/notifications")
    String choisir(@RequestParam(name = "choix", defaultValue = "") String choix,
                   @RequestParam(name = "nom", defaultValue = "") String nom,
                   @RequestParam(name = "email", defaultValue = "") String email,
                   @RequestParam(name = "lieu", defaultValue = "") String lieuId,
                   @RequestParam(name = "consentement", defaultValue = "false") boolean consentement,
                   Model model, RedirectAttributes redirection) {
        ProfilUsager profil = usagerCourant.exiger();
        Map<String, String> erreurs = new LinkedHashMap<>();
        Optional<Lieu> lieu = lieux(profil).stream().filter(l -> l.id().equals(lieuId)).findFirst();
        if ("personne".equals(choix)) {
            if (nom.isBlank() || nom.strip().length() > 100) {
                erreurs.put("nom", "Saisissez le nom de la personne de confiance (100 caractères au plus).");
            }
            AdressesElectroniques.erreur(email).ifPresent(m -> erreurs.put("email", m));
        } else if ("lieu".equals(choix)) {
            if (lieu.isEmpty()) {
                erreurs.put("lieu", "Choisissez dans la liste le lieu d’aide où retirer vos courriers.");
            }
        } else {
            erreurs.put("choix", "Choisissez une personne de confiance ou un lieu d’aide.");
        }
        if (!consentement) {
            erreurs.put("consentement", "Cochez la case pour donner votre accord : sans lui, rien ne leur est envoyé.");
        }
        if (!erreurs.isEmpty()) {
            return afficher(model, erreurs, Map.of("choix", choix, "nom", nom, "email", email, "lieu", lieuId));
        }
        if ("personne".equals(choix)) {
            destinataires.designerPersonneConfiance(profil.id(), nom, email);
            redirection.addFlashAttribute("messageSucces", "Vos notifications seront envoyées à " + nom.strip() + " ("
                    + AdressesElectroniques.normaliser(email) + "). Vous pouvez retirer cet accord à tout moment.");
        } else {
            destinataires.designerLieu(profil.id(), lieu.orElseThrow().id(), lieu.orElseThrow().nom());
            redirection.addFlashAttribute("messageSucces", "Vos notifications seront gardées en courrier au lieu d’aide : "
                    + lieu.orElseThrow().nom() + ". Vous pouvez retirer cet accord à tout moment.");
        }
        return "redirect:/usager/notifications";
    }

    @PostMapping("/usager/notifications/revocation")
    String revoquer(RedirectAttributes redirection) {
        boolean revoque = destinataires.revoquer(usagerCourant.exiger().id());
        redirection.addFlashAttribute(revoque ? "messageSucces" : "messageInfo", revoque
                ? "Votre accord est retiré : plus rien n’est envoyé à cette personne ou à ce lieu."
                : "Aucune personne ni aucun lieu ne reçoit vos notifications.");
        return "redirect:/usager/notifications";
    }

    private String afficher(Model model, Map<String, String> erreurs, Map<String, String> saisie) {
        ProfilUsager profil = usagerCourant.exiger();
        model.addAttribute("profil", profil);
        model.addAttribute("destination", envois.destination(profil.id()));
        model.addAttribute("historique", destinataires.historique(profil.id()));
        model.addAttribute("lieux", lieux(profil));
        model.addAttribute("erreurs", erreurs);
        model.addAttribute("saisie", saisie);
        return "mediation/notifications";
    }

    /** The help places of the usager's département (the Var's by default). */
    private List<Lieu> lieux(ProfilUsager profil) {
        return mediateurs.lieuxDuService(profil.codeDepartement() == null ? "83" : profil.codeDepartement());
    }
}
