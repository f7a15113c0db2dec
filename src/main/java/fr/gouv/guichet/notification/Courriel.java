package fr.gouv.guichet.notification;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * An e-mail in Guichet's single layout: a greeting, paragraphs, an optional call-to-action link, a closing line.
 *
 * @param lienLibelle label of the button (e.g. "Activer mon compte"), or null
 * @param lienUrl     absolute URL of the button, or null
 * @param identifiant stable identity of this e-mail (e.g. "recepisse.VP-083-2026-000123-K"), made its Message-ID so
 *                    that a copy sent again after a crash is recognised as the same message by mailboxes; or null
 */
public record Courriel(String destinataire, String sujet, List<String> paragraphes,
                       @Nullable String lienLibelle, @Nullable String lienUrl, List<Fichier> fichiers,
                       @Nullable String identifiant) {

    /** An attached file. */
    public record Fichier(String nom, String typeMime, byte[] contenu) {
    }

    private static final java.util.regex.Pattern IDENTIFIANT = java.util.regex.Pattern.compile("[A-Za-z0-9._-]{1,120}");

    public Courriel {
        paragraphes = List.copyOf(paragraphes);
        fichiers = List.copyOf(fichiers);
        if (identifiant != null && !IDENTIFIANT.matcher(identifiant).matches()) {
            throw new IllegalArgumentException("Identifiant de courriel invalide : " + identifiant);
        }
    }

    public Courriel(String destinataire, String sujet, List<String> paragraphes, @Nullable String lienLibelle,
                    @Nullable String lienUrl, List<Fichier> fichiers) {
        this(destinataire, sujet, paragraphes, lienLibelle, lienUrl, fichiers, null);
    }

    public Courriel(String destinataire, String sujet, List<String> paragraphes, @Nullable String lienLibelle,
                    @Nullable String lienUrl) {
        this(destinataire, sujet, paragraphes, lienLibelle, lienUrl, List.of());
    }

    public static Courriel simple(String destinataire, String sujet, List<String> paragraphes) {
        return new Courriel(destinataire, sujet, paragraphes, null, null);
    }
}
