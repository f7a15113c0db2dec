package fr.gouv.guichet.compte.web;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.jspecify.annotations.Nullable;

import java.util.Optional;
import java.util.regex.Pattern;

/** Checks an e-mail address typed in a form and says, in French, what is wrong. */
final class AdresseElectronique {

    private static final Pattern FORME = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");

    private AdresseElectronique() {
    }

    static Optional<String> erreur(@Nullable String email) {
        if (email == null || email.isBlank()) {
            return Optional.of("Saisissez votre adresse électronique.");
        }
        String e = email.strip();
        if (e.length() > 254 || !FORME.matcher(e).matches() || !distribuable(e)) {
            return Optional.of("L’adresse électronique n’est pas valide : saisissez-la au format nom@domaine.fr.");
        }
        return Optional.empty();
    }

    /** What the mail library would refuse to send to (quotes, angle brackets, commas…) is refused here, not in the outbox. */
    private static boolean distribuable(String email) {
        try {
            InternetAddress adresse = new InternetAddress(email, true);
            adresse.validate();
            return email.equals(adresse.getAddress());
        } catch (AddressException e) {
            return false;
        }
    }
}
