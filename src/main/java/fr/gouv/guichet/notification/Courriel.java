package fr.gouv.guichet.notification;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * An e-mail in Guichet's single layout: a greeting, paragraphs, an optional call-to-action link, a closing line.
 *
 * @param lienLibelle label of the button (e.g. "Activer mon compte"), or null
 * @param lienUrl     absolute URL of the button, or null
 */
public record Courriel(String destinataire, String sujet, List<String> paragraphes,
                       @Nullable String lienLibelle, @Nullable String lienUrl, List<Fichier> fichiers) {

    /** An attached file. */
    public record Fichier(String nom, String typeMime, byte[] contenu) {
    }

    public Courriel {
        paragraphes = List.copyOf(paragraphes);
        fichiers = List.copyOf(fichiers);
    }

    public Courriel(String destinataire, String sujet, List<String> paragraphes, @Nullable String lienLibelle,
                    @Nullable String lienUrl) {
        this(destinataire, sujet, paragraphes, lienLibelle, lienUrl, List.of());
    }

    public static Courriel simple(String destinataire, String sujet, List<String> paragraphes) {
        return new Courriel(destinataire, sujet, paragraphes, null, null);
    }
}
