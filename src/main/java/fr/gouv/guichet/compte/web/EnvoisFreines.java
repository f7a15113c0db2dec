package fr.gouv.guichet.compte.web;

import fr.gouv.guichet.socle.securite.Frein;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Anonymous forms that send an e-mail (sign-up, forgotten password, resending the activation link): at most 3
 * requests an hour per address typed, 20 per client network (IPv4, IPv6 /64), whether an account exists or not.
 */
@Component
class EnvoisFreines {

    static final String MESSAGE = "Trop de demandes pour cette adresse ou depuis votre réseau : pour éviter les abus, "
            + "réessayez dans une heure.";

    private static final Frein.Limite PAR_ADRESSE = new Frein.Limite("envoi-courriel-adresse", 3, Duration.ofHours(1));
    private static final Frein.Limite PAR_RESEAU = new Frein.Limite("envoi-courriel-reseau", 20, Duration.ofHours(1));

    private final Frein frein;

    EnvoisFreines(Frein frein) {
        this.frein = frein;
    }

    boolean autoriser(String email, HttpServletRequest requete) {
        return frein.autoriser(PAR_ADRESSE.pour(fr.gouv.guichet.socle.securite.AdressesElectroniques.normaliser(email)), PAR_RESEAU.pourReseau(requete.getRemoteAddr()));
    }
}
