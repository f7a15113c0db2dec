package fr.gouv.guichet.demarche;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** Timeline entries of a dossier. */
public final class Historique {

    private Historique() {
    }

    public record TransitionEnregistree(@Nullable Etat de, Etat vers, TypeActeur acteur,
                                        @Nullable String motif, Instant moment) {
    }

    public record Message(long id, TypeActeur auteur, String texte, Instant moment) {
    }

    public record PieceJointe(long id, String codePiece, String nom, String typeContenu, long taille, String sha256,
                              String cleStockage, Instant deposeLe) {
    }
}
