package fr.gouv.guichet.compte.web;

import fr.gouv.guichet.compte.ReglesMotDePasse;
import fr.gouv.guichet.compte.internal.ServiceCompte;
import fr.gouv.guichet.compte.internal.TypeJeton;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Sign-up, activation link, resending the activation link. */
@Controller
class InscriptionController {

    private final ServiceCompte comptes;
    private final EnvoisFreines envois;

    InscriptionController(ServiceCompte comptes, EnvoisFreines envois) {
        this.comptes = comptes;
        this.envois = envois;
    }

    static final class FormulaireInscription {
        private String email = "";
        private String motDePasse = "";
        private String confirmation = "";

        public String getEmail() { return email; }
        public void setEmail(String email) { this.email = email; }
        public String getMotDePasse() { return motDePasse; }
        public void setMotDePasse(String motDePasse) { this.motDePasse = motDePasse; }
        public String getConfirmation() { return confirmation; }
        public void setConfirmation(String confirmation) { this.confirmation = confirmation; }
    }

    @GetMapping("/inscription")
    String formulaire(Model model) {
        model.addAttribute("inscription", new FormulaireInscription());
        return "compte/inscription";
    }

    @PostMapping("/inscription")
    String inscrire(@ModelAttribute("inscription") FormulaireInscription form, BindingResult erreurs,
                    jakarta.servlet.http.HttpServletRequest requete) {
        fr.gouv.guichet.socle.securite.AdressesElectroniques.erreur(form.getEmail()).ifPresent(m -> erreurs.rejectValue("email", "email", m));
        ReglesMotDePasse.verifier(form.getMotDePasse(), form.getEmail())
                .ifPresent(m -> erreurs.rejectValue("motDePasse", "motDePasse", m));
        if (form.getConfirmation() == null || form.getConfirmation().isEmpty()) {
            erreurs.rejectValue("confirmation", "confirmation", "Saisissez à nouveau le mot de passe pour le confirmer.");
        } else if (!form.getConfirmation().equals(form.getMotDePasse())) {
            erreurs.rejectValue("confirmation", "confirmation",
                    "La confirmation ne correspond pas au mot de passe : saisissez deux fois le même mot de passe.");
        }
        if (!erreurs.hasErrors() && !envois.autoriser(form.getEmail(), requete)) {
            erreurs.rejectValue("email", "freine", EnvoisFreines.MESSAGE);
        }
        if (erreurs.hasErrors()) {
            return "compte/inscription";
        }
        comptes.inscrire(form.getEmail(), form.getMotDePasse());
        return "redirect:/inscription/envoyee";
    }

    @GetMapping("/inscription/envoyee")
    String envoyee() {
        return "compte/inscription-envoyee";
    }

    @GetMapping("/activation")
    String confirmerActivation(@RequestParam(name = "jeton", defaultValue = "") String jeton, Model model) {
        model.addAttribute("jeton", jeton);
        model.addAttribute("valide", !jeton.isBlank() && comptes.jetonValide(jeton, TypeJeton.ACTIVATION));
        return "compte/activation";
    }

    @PostMapping("/activation")
    String activer(@RequestParam(name = "jeton", defaultValue = "") String jeton, RedirectAttributes redirection, Model model) {
        if (!jeton.isBlank() && comptes.activer(jeton)) {
            redirection.addFlashAttribute("messageSucces", "Votre compte est activé. Vous pouvez maintenant vous connecter.");
            return "redirect:/connexion";
        }
        model.addAttribute("jeton", jeton);
        model.addAttribute("valide", false);
        return "compte/activation";
    }

    @PostMapping("/activation/renvoyer")
    String renvoyer(@RequestParam(name = "email", defaultValue = "") String email, RedirectAttributes redirection,
                    jakarta.servlet.http.HttpServletRequest requete) {
        if (fr.gouv.guichet.socle.securite.AdressesElectroniques.erreur(email).isEmpty() && envois.autoriser(email, requete)) {
            comptes.renvoyerActivation(email);
        }
        redirection.addFlashAttribute("messageInfo", "Si cette adresse correspond à un compte qui n’est pas encore activé, "
                + "un nouveau lien d’activation vient de lui être envoyé. Pour éviter les abus, un nouvel envoi n’est "
                + "possible que toutes les 2 minutes, 5 fois par jour au plus.");
        return "redirect:/connexion";
    }
}
