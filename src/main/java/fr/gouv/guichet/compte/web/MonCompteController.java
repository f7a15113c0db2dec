package fr.gouv.guichet.compte.web;

import fr.gouv.guichet.compte.ProfilUsager;
import fr.gouv.guichet.compte.UsagerCourant;
import fr.gouv.guichet.compte.ReglesMotDePasse;
import fr.gouv.guichet.compte.internal.ComptesFranceConnect;
import fr.gouv.guichet.compte.internal.ServiceCompte;
import fr.gouv.guichet.compte.internal.ServiceCompte.ResultatChangementEmail;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "Mon compte": change password, change e-mail (confirmed by a link), delete the account. */
@Controller
class MonCompteController {

    private final ServiceCompte comptes;
    private final UsagerCourant usagerCourant;

    private final ComptesFranceConnect franceConnect;

    private final fr.gouv.guichet.referentiel.CodeOfficielGeographique cog;

    MonCompteController(ServiceCompte comptes, UsagerCourant usagerCourant, ComptesFranceConnect franceConnect,
                        fr.gouv.guichet.referentiel.CodeOfficielGeographique cog) {
        this.cog = cog;
        this.comptes = comptes;
        this.usagerCourant = usagerCourant;
        this.franceConnect = franceConnect;
    }

    public static final class ChangementMotDePasse {
        private String actuel = "";
        private String nouveau = "";
        private String confirmation = "";

        public String getActuel() { return actuel; }
        public void setActuel(String actuel) { this.actuel = actuel; }
        public String getNouveau() { return nouveau; }
        public void setNouveau(String nouveau) { this.nouveau = nouveau; }
        public String getConfirmation() { return confirmation; }
        public void setConfirmation(String confirmation) { this.confirmation = confirmation; }
    }

    public static final class ChangementEmail {
        private String nouvelEmail = "";
        private String motDePasseEmail = "";

        public String getNouvelEmail() { return nouvelEmail; }
        public void setNouvelEmail(String nouvelEmail) { this.nouvelEmail = nouvelEmail; }
        public String getMotDePasseEmail() { return motDePasseEmail; }
        public void setMotDePasseEmail(String motDePasseEmail) { this.motDePasseEmail = motDePasseEmail; }
    }

    public static final class Suppression {
        private String motDePasseSuppression = "";
        private boolean confirmeSuppression;

        public String getMotDePasseSuppression() { return motDePasseSuppression; }
        public void setMotDePasseSuppression(String m) { this.motDePasseSuppression = m; }
        public boolean isConfirmeSuppression() { return confirmeSuppression; }
        public void setConfirmeSuppression(boolean c) { this.confirmeSuppression = c; }
    }

    @GetMapping("/compte")
    String compte(Model model) {
        ProfilUsager profil = usagerCourant.exiger();
        model.addAttribute("profil", profil);
        model.addAttribute("aMotDePasse", comptes.aUnMotDePasse(profil.id()));
        var identiteFc = franceConnect.identite(profil.id()).orElse(null);
        model.addAttribute("identiteFc", identiteFc);
        model.addAttribute("lieuNaissanceFc", identiteFc == null ? null : cog.lieuDeNaissance(
                identiteFc.lieuNaissance() == null || identiteFc.neeALEtranger() ? "" : identiteFc.lieuNaissance(),
                identiteFc.paysNaissance() == null ? "" : identiteFc.paysNaissance()));
        if (!model.containsAttribute("motDePasse")) {
            model.addAttribute("motDePasse", new ChangementMotDePasse());
        }
        if (!model.containsAttribute("email")) {
            model.addAttribute("email", new ChangementEmail());
        }
        if (!model.containsAttribute("suppression")) {
            model.addAttribute("suppression", new Suppression());
        }
        return "compte/mon-compte";
    }

    @PostMapping("/compte/mot-de-passe")
    String changerMotDePasse(@ModelAttribute("motDePasse") ChangementMotDePasse form, BindingResult erreurs, Model model,
                             RedirectAttributes redirection, jakarta.servlet.http.HttpSession session) {
        ProfilUsager profil = usagerCourant.exiger();
        refuserSiIncorrect(profil, form.getActuel(), "actuel", "Le mot de passe actuel est incorrect.", erreurs);
        ReglesMotDePasse.verifier(form.getNouveau(), profil.email()).ifPresent(m -> erreurs.rejectValue("nouveau", "nouveau", m));
        if (!form.getNouveau().equals(form.getConfirmation())) {
            erreurs.rejectValue("confirmation", "confirmation",
                    "La confirmation ne correspond pas au nouveau mot de passe : saisissez deux fois le même mot de passe.");
        }
        if (erreurs.hasErrors()) {
            return compte(model);
        }
        comptes.changerMotDePasse(profil.id(), form.getNouveau(), session.getId());
        redirection.addFlashAttribute("messageSucces", "Votre mot de passe a été modifié.");
        return "redirect:/compte";
    }

    @PostMapping("/compte/email")
    String changerEmail(@ModelAttribute("email") ChangementEmail form, BindingResult erreurs, Model model,
                        RedirectAttributes redirection) {
        ProfilUsager profil = usagerCourant.exiger();
        fr.gouv.guichet.socle.securite.AdressesElectroniques.erreur(form.getNouvelEmail()).ifPresent(m -> erreurs.rejectValue("nouvelEmail", "email", m));
        if (fr.gouv.guichet.socle.securite.AdressesElectroniques.normaliser(form.getNouvelEmail())
                .equals(profil.email() == null ? null : fr.gouv.guichet.socle.securite.AdressesElectroniques.normaliser(profil.email()))) {
            erreurs.rejectValue("nouvelEmail", "identique", "Cette adresse est déjà celle de votre compte : saisissez la nouvelle adresse.");
        }
        refuserSiIncorrect(profil, form.getMotDePasseEmail(), "motDePasseEmail", "Le mot de passe est incorrect.", erreurs);
        if (erreurs.hasErrors()) {
            return compte(model);
        }
        comptes.demanderChangementEmail(profil.id(), form.getNouvelEmail());
        redirection.addFlashAttribute("messageInfo", "Un lien de confirmation a été envoyé à "
                + fr.gouv.guichet.socle.securite.AdressesElectroniques.normaliser(form.getNouvelEmail())
                + ". Votre adresse sera modifiée quand vous l’aurez ouvert (il est valable 24 heures).");
        return "redirect:/compte";
    }

    @GetMapping("/compte/email/confirmer")
    String confirmationEmail(@RequestParam(name = "jeton", defaultValue = "") String jeton, Model model) {
        model.addAttribute("jeton", jeton);
        return "compte/confirmer-email";
    }

    @PostMapping("/compte/email/confirmer")
    String confirmerEmail(@RequestParam(name = "jeton", defaultValue = "") String jeton, Model model,
                          RedirectAttributes redirection, HttpServletRequest request, HttpServletResponse response) {
        ResultatChangementEmail resultat = jeton.isBlank() ? ResultatChangementEmail.LIEN_INVALIDE
                : comptes.confirmerChangementEmail(jeton);
        if (resultat == ResultatChangementEmail.CONFIRME) {
            // The new address closed every session of the account (ADR 0030): sign in again with it.
            fr.gouv.guichet.compte.internal.ProfilEnSession.quitterSessionUsager(request, response);
            redirection.addFlashAttribute("messageSucces", "Votre nouvelle adresse électronique est confirmée. "
                    + "Utilisez-la désormais pour vous connecter.");
            return "redirect:/connexion";
        }
        model.addAttribute("jeton", "");
        model.addAttribute("erreur", resultat == ResultatChangementEmail.ADRESSE_PRISE
                ? "Cette adresse électronique est déjà utilisée par un autre compte : votre adresse n’a pas été modifiée."
                : "Ce lien n’est plus valable : il a déjà servi ou a expiré. Demandez un nouveau changement depuis « Mon compte ».");
        return "compte/confirmer-email";
    }

    @PostMapping("/compte/suppression")
    String supprimer(@ModelAttribute("suppression") Suppression form, BindingResult erreurs, Model model,
                     HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirection) {
        ProfilUsager profil = usagerCourant.exiger();
        // Without a password (account created through FranceConnect), an explicit confirmation instead: never one click.
        if (!comptes.aUnMotDePasse(profil.id()) && !form.isConfirmeSuppression()) {
            erreurs.rejectValue("confirmeSuppression", "confirmation",
                    "Cochez la case pour confirmer que vous voulez supprimer définitivement votre compte.");
            return compte(model);
        }
        refuserSiIncorrect(profil, form.getMotDePasseSuppression(), "motDePasseSuppression",
                "Le mot de passe est incorrect : saisissez votre mot de passe pour confirmer la suppression.", erreurs);
        if (erreurs.hasErrors()) {
            return compte(model);
        }
        comptes.supprimer(profil.id());
        new SecurityContextLogoutHandler().logout(request, response, SecurityContextHolder.getContext().getAuthentication());
        redirection.addFlashAttribute("messageSucces", "Votre compte a été supprimé.");
        return "redirect:/";
    }

    /** The current-password check, throttled like sign-in (5 failures per account, 30 per network, 15 minutes). */
    private void refuserSiIncorrect(ProfilUsager profil, String motDePasse, String champ, String message, BindingResult erreurs) {
        String ip = ((org.springframework.web.context.request.ServletRequestAttributes)
                org.springframework.web.context.request.RequestContextHolder.currentRequestAttributes()).getRequest().getRemoteAddr();
        switch (comptes.confirmationFreinee(profil.id(), motDePasse, ip)) {
            case CORRECTE -> {
            }
            case INCORRECTE -> erreurs.rejectValue(champ, "motDePasse", message);
            case FREINEE -> erreurs.rejectValue(champ, "freine",
                    "Trop d’essais de mot de passe : pour votre sécurité, réessayez dans 15 minutes.");
        }
    }
}
