package fr.gouv.guichet.socle.securite;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.jspecify.annotations.Nullable;

import java.net.IDN;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one normalisation of an e-mail address, applied wherever an address comes in (sign-up, sign-in, reset,
 * change of address, agent invitation, throttles) and to every address stored: NFKC (the Kelvin sign becomes a
 * {@code k}), local part in lower case, domain in its IDNA ASCII form ({@code xn--…}) in lower case. Two spellings a
 * mail server would deliver to the same mailbox give one key; a spelling that only looks the same
 * ({@code guİchet}) gives another domain, never the account of the real one. What a mail server would not
 * deliver without SMTPUTF8 (non-ASCII local part), or what the mail library refuses, is refused with a French message.
 */
public final class AdressesElectroniques {

    public static final String SAISIR = "Saisissez votre adresse électronique.";
    public static final String INVALIDE = "L’adresse électronique n’est pas valide : saisissez-la au format nom@domaine.fr.";
    public static final String NON_ASCII = "L’adresse électronique n’est pas valide : la partie avant « @ » ne peut "
            + "contenir que des lettres sans accent, des chiffres et les signes . _ - + (format nom@domaine.fr).";

    private static final Pattern FORME = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");
    private static final Pattern ASCII_IMPRIMABLE = Pattern.compile("^[\\x21-\\x7e]+$");

    private AdressesElectroniques() {
    }

    /**
     * The normalised form of an address typed or received. Never fails: an address that cannot be normalised
     * (invalid domain) is returned in NFKC lower case, which no stored (normalised, ASCII) address equals.
     */
    public static String normaliser(@Nullable String saisie) {
        if (saisie == null) {
            return "";
        }
        String nfkc = Normalizer.normalize(saisie.strip(), Normalizer.Form.NFKC);
        int arobase = nfkc.lastIndexOf('@');
        if (arobase <= 0 || arobase == nfkc.length() - 1) {
            return nfkc.toLowerCase(Locale.ROOT);
        }
        String local = nfkc.substring(0, arobase).toLowerCase(Locale.ROOT);
        String domaine = nfkc.substring(arobase + 1);
        try {
            domaine = IDN.toASCII(domaine, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            domaine = domaine.toLowerCase(Locale.ROOT);
        }
        return local + "@" + domaine;
    }

    /** What is wrong with an address typed in a form, in French; empty when it can be stored and delivered. */
    public static Optional<String> erreur(@Nullable String saisie) {
        if (saisie == null || saisie.isBlank()) {
            return Optional.of(SAISIR);
        }
        String normalisee = normaliser(saisie);
        int arobase = normalisee.lastIndexOf('@');
        if (arobase > 0 && !ASCII_IMPRIMABLE.matcher(normalisee.substring(0, arobase)).matches()
                && !normalisee.substring(0, arobase).isBlank()) {
            return Optional.of(NON_ASCII);
        }
        if (normalisee.length() > 254 || !ASCII_IMPRIMABLE.matcher(normalisee).matches()
                || !FORME.matcher(normalisee).matches() || !domaineValide(normalisee.substring(arobase + 1))
                || !distribuable(normalisee)) {
            return Optional.of(INVALIDE);
        }
        return Optional.empty();
    }

    public static boolean valide(@Nullable String saisie) {
        return erreur(saisie).isEmpty();
    }

    /** A host name a mail server resolves: IDNA/STD3 labels (letters, digits, inner hyphens), none empty. */
    private static boolean domaineValide(String domaine) {
        try {
            IDN.toASCII(domaine, IDN.USE_STD3_ASCII_RULES);
        } catch (IllegalArgumentException e) {
            return false;
        }
        for (String etiquette : domaine.split("\\.", -1)) {
            if (etiquette.isEmpty() || etiquette.length() > 63 || etiquette.startsWith("-") || etiquette.endsWith("-")) {
                return false;
            }
        }
        return true;
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
