package fr.gouv.guichet.demarche;

import org.jspecify.annotations.Nullable;

import java.util.Objects;
import java.util.Set;

/**
 * One transition of a procedure's lifecycle ({@link CycleDeVie}): the states it may start from, where it leads, who
 * may fire it, and what the usager is told when an agent fires it. Only {@link InstructionDossiers#appliquer} fires it
 * (the usager's {@link Dossiers#signalerPiecesTransmises} goes through the same code).
 *
 * @param avis the e-mail to the usager when an agent fires it
 */
public record Transition(String code, TypeActeur acteur, Set<Etat> depuis, Etat vers, String libelle, Avis avis) {

    /**
     * What the usager's e-mail says: its subject after "Votre dossier n° … : ", a paragraph of explanation, and the
     * code of the document issued with the transition (attached to the e-mail), if any.
     */
    public record Avis(String sujet, String explication, @Nullable String pieceJointe) {

        public static final Avis PAR_DEFAUT = new Avis("nouvelle étape", "", null);
    }

    public Transition {
        Objects.requireNonNull(acteur);
        depuis = Set.copyOf(depuis);
        if (code.isBlank() || depuis.isEmpty() || libelle.isBlank()) {
            throw new IllegalArgumentException("Transition incomplète : " + code);
        }
    }

    public static Transition de(String code, TypeActeur acteur, String libelle, Etat vers, Etat... depuis) {
        return new Transition(code, acteur, Set.of(depuis), vers, libelle, Avis.PAR_DEFAUT);
    }

    /** The same transition, announcing itself to the usager with this subject and explanation. */
    public Transition avecAvis(String sujet, String explication) {
        return new Transition(code, acteur, depuis, vers, libelle, new Avis(sujet, explication, avis.pieceJointe()));
    }

    /** The same transition, whose e-mail carries the document issued with it (piece code, e.g. a decision). */
    public Transition joignant(String codePiece) {
        return new Transition(code, acteur, depuis, vers, libelle, new Avis(avis.sujet(), avis.explication(), codePiece));
    }

    public boolean possibleDepuis(Etat etat) {
        return depuis.contains(etat);
    }

    public boolean autoriseA(TypeActeur qui) {
        return acteur == qui;
    }
}
