package fr.gouv.guichet.compte.web;

import fr.gouv.guichet.compte.ReglesMotDePasse;
import fr.gouv.guichet.compte.internal.ServiceCompte;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Optional;

/** Forgotten password: e-mailed single-use link (1 hour), then a new password. */
@Controller
class MotDePasseController {

    private final ServiceCompte comptes;
    private final EnvoisFreines envois;

    MotDePasseController(ServiceCompte comptes, EnvoisFreines envois) {
        this.comptes = comptes;
        this.envois = envois;
    }

    static final class NouveauMotDePasse {
        private String jeton = "";
        private String motDePasse = "";
        private String confirmation = "";

        public String getJeton() { return jeton; }
        public void setJeton(String jeton) { this.jeton = jeton; }
        public String getMotDePasse() { return motDePasse; }
        public void setMotDePasse(String motDePasse) { this.motDePasse = motDePasse; }
        public String getConfirmation() { return confirmation; }
        public void setConfirmation(String confirmation) { this.confirmation = confirmation; }
    }

    static final class DemandeReinitialisation {
        private String email = "";

        public String getEmail() { return email; }
        public void setEmail(String email) { this.email = email; }
    }

    @GetMapping("/mot-de-passe-oublie")
    String demande(Model model) {
        model.addAttribute("demande", new DemandeReinitialisation());
        return "compte/mot-de-passe-oublie";
    }

    @PostMapping("/mot-de-passe-oublie")
    String demander(@ModelAttribute("demande") DemandeReinitialisation demande, BindingResult erreurs, RedirectAttributes redirection,
                    jakarta.servlet.http.HttpServletRequest requete) {
        fr.gouv.guichet.socle.securite.AdressesElectroniques.erreur(demande.getEmail()).ifPresent(m -> erreurs.rejectValue("email", "email", m));
        if (!erreurs.hasErrors() && !envois.autoriser(demande.getEmail(), requete)) {
            erreurs.rejectValue("email", "freine", EnvoisFreines.MESSAGE);
        }
        if (erreurs.hasErrors()) {
            return "compte/mot-de-passe-oublie";
        }
        comptes.demanderReinitialisation(demande.getEmail());
        redirection.addFlashAttribute("messageInfo", "Si un compte existe pour cette adresse, un lien pour choisir un nouveau "
                + "mot de passe vient de lui être envoyé. Il est valable 1 heure. Pensez à vérifier vos courriers indésirables.");
        return "redirect:/connexion";
    }

    @GetMapping("/mot-de-passe/reinitialiser")
    String formulaire(@RequestParam(name = "jeton", defaultValue = "") String jeton, Model model) {
        NouveauMotDePasse form = new NouveauMotDePasse();
        form.setJeton(jeton);
        model.addAttribute("nouveau", form);
        model.addAttribute("valide", !jeton.isBlank() && comptes.emailPourJetonReinitialisation(jeton).isPresent());
        return "compte/reinitialiser";
    }

    @PostMapping("/mot-de-passe/reinitialiser")
    String reinitialiser(@ModelAttribute("nouveau") NouveauMotDePasse form, BindingResult erreurs, Model model,
                         RedirectAttributes redirection, jakarta.servlet.http.HttpServletRequest request,
                         jakarta.servlet.http.HttpServletResponse response) {
        Optional<String> email = form.getJeton().isBlank() ? Optional.empty() : comptes.emailPourJetonReinitialisation(form.getJeton());
        if (email.isEmpty()) {
            model.addAttribute("valide", false);
            return "compte/reinitialiser";
        }
        ReglesMotDePasse.verifier(form.getMotDePasse(), email.get()).ifPresent(m -> erreurs.rejectValue("motDePasse", "motDePasse", m));
        if (!form.getMotDePasse().equals(form.getConfirmation())) {
            erreurs.rejectValue("confirmation", "confirmation",
                    "La confirmation ne correspond pas au mot de passe : saisissez deux fois le même mot de passe.");
        }
        if (erreurs.hasErrors() || !comptes.reinitialiser(form.getJeton(), form.getMotDePasse())) {
            model.addAttribute("valide", !erreurs.hasErrors() ? Boolean.FALSE : Boolean.TRUE);
            return "compte/reinitialiser";
        }
        // The new password closed every session of the account (ADR 0030), this browser's too if it was signed in.
        fr.gouv.guichet.compte.internal.ProfilEnSession.quitterSessionUsager(request, response);
        redirection.addFlashAttribute("messageSucces", "Votre mot de passe a été modifié. Vous pouvez vous connecter.");
        return "redirect:/connexion";
    }
}
