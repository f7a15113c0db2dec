package fr.gouv.guichet.compte.web;

import fr.gouv.guichet.compte.internal.ConnexionRefusee.Motif;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; the form is processed by Spring Security, which sends refusals back here. */
@Controller
class ConnexionController {

    static final class FormulaireConnexion {
        private String email = "";
        private String motDePasse = "";

        public String getEmail() { return email; }
        public void setEmail(String email) { this.email = email; }
        public String getMotDePasse() { return motDePasse; }
        public void setMotDePasse(String motDePasse) { this.motDePasse = motDePasse; }
    }

    @GetMapping("/connexion")
    String connexion(Model model) {
        FormulaireConnexion form = new FormulaireConnexion();
        Object email = model.getAttribute("emailSaisi");
        if (email != null) {
            form.setEmail(email.toString());
        }
        BindingResult erreurs = new BeanPropertyBindingResult(form, "connexion");
        Object motif = model.getAttribute("motifRefus");
        if (motif != null) {
            switch (Motif.valueOf(motif.toString())) {
                case IDENTIFIANTS -> erreurs.rejectValue("motDePasse", "identifiants",
                        "L’adresse électronique ou le mot de passe est incorrect. Vérifiez votre saisie ou réinitialisez votre mot de passe.");
                case NON_ACTIVE -> {
                    erreurs.rejectValue("email", "nonActive",
                            "Ce compte n’est pas encore activé : ouvrez le lien d’activation reçu par courriel. "
                                    + "Vous pouvez recevoir un nouveau lien avec le bouton « Renvoyer le lien d’activation ».");
                    model.addAttribute("proposerRenvoi", true);
                }
                case FREINEE -> erreurs.rejectValue("email", "freinee",
                        "Trop de tentatives de connexion ont échoué : pour protéger ce compte, la connexion est suspendue "
                                + "pendant 15 minutes. Réessayez plus tard ou réinitialisez votre mot de passe.");
            }
        }
        model.addAttribute("connexion", form);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "connexion", erreurs);
        return "compte/connexion";
    }
}
