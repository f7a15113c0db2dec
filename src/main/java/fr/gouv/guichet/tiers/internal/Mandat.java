package fr.gouv.guichet.tiers.internal;

import org.jspecify.annotations.Nullable;

/**
 * The client's mandate as the collaborator gives it: a signed document uploaded (checked and stored), or signed on
 * screen at the counter by the client, whose name is typed by the client as signature.
 *
 * @param fichier     the uploaded document's content, or null when signed on screen
 * @param signataire  who signed (typed on screen, or the client's name for an uploaded mandate)
 */
public record Mandat(@Nullable String nomFichier, byte @Nullable [] fichier, String signataire, boolean signeALEcran) {

    public static final int SIGNATAIRE_MAX = 200;
}
