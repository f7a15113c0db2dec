package fr.gouv.guichet.demarche;

import java.util.Optional;

/**
 * A lifecycle rule a feature adds to a transition (e.g. "an opinion is recorded, or the time to give it has run out").
 * {@link InstructionDossiers#appliquer} asks every guard before changing the state, in the transition's transaction: a
 * guard that answers a reason stops the transition with {@link TransitionRefusee}.
 */
public interface GardeTransition {

    /** The transition this guard protects. */
    Transition transition();

    /** Why the transition cannot be fired on this dossier now (a French sentence for the agent), or empty. */
    Optional<String> refus(Dossier dossier);
}
