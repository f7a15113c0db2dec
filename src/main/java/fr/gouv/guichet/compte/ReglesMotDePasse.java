package fr.gouv.guichet.compte;

import org.jspecify.annotations.Nullable;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Password policy (ANSSI / CNIL recommendations for a password alone): 12 to 128 characters, not among the
 * 30,000 most common passwords (nor one of them followed by digits or symbols), not the e-mail address.
 */
public final class ReglesMotDePasse {

    public static final int LONGUEUR_MIN = 12;
    public static final int LONGUEUR_MAX = 128;

    private static final Set<String> COURANTS = charger();

    private ReglesMotDePasse() {
    }

    /** The French message saying what is wrong with the password, or empty if it is acceptable. */
    public static Optional<String> verifier(@Nullable String motDePasse, @Nullable String email) {
        if (motDePasse == null || motDePasse.isEmpty()) {
            return Optional.of("Saisissez un mot de passe.");
        }
        int longueur = motDePasse.codePointCount(0, motDePasse.length());
        if (longueur < LONGUEUR_MIN) {
            return Optional.of("Le mot de passe doit contenir au moins " + LONGUEUR_MIN + " caractères (il en contient "
                    + longueur + ").");
        }
        if (longueur > LONGUEUR_MAX) {
            return Optional.of("Le mot de passe ne peut pas dépasser " + LONGUEUR_MAX + " caractères.");
        }
        String minuscule = motDePasse.toLowerCase(Locale.ROOT);
        if (estCourant(minuscule)) {
            return Optional.of("Ce mot de passe est trop courant et facile à deviner : choisissez-en un autre, "
                    + "par exemple une phrase de plusieurs mots.");
        }
        if (email != null && !email.isBlank()) {
            String local = email.toLowerCase(Locale.ROOT).split("@")[0];
            if (local.length() >= 4 && minuscule.contains(local)) {
                return Optional.of("Le mot de passe ne doit pas contenir votre adresse électronique.");
            }
        }
        return Optional.empty();
    }

    private static boolean estCourant(String minuscule) {
        if (COURANTS.contains(minuscule)) {
            return true;
        }
        String base = minuscule.replaceAll("[^\\p{L}]+$", "").replaceAll("^[^\\p{L}]+", "");
        if (base.length() >= 4 && COURANTS.contains(base)) {
            return true;
        }
        return minuscule.chars().distinct().count() <= 3;
    }

    private static Set<String> charger() {
        Set<String> mots = new HashSet<>();
        try (InputStream in = ReglesMotDePasse.class.getResourceAsStream("/compte/mots-de-passe-courants.txt")) {
            if (in == null) {
                throw new IllegalStateException("Liste des mots de passe courants absente");
            }
            BufferedReader lecteur = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String ligne;
            while ((ligne = lecteur.readLine()) != null) {
                if (!ligne.isBlank() && !ligne.startsWith("#")) {
                    mots.add(ligne.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(mots);
    }
}
