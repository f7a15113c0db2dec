package fr.gouv.guichet.demarche;

import java.util.List;

/**
 * Extension point: sentences a feature adds to a dossier's page, shown alike to its usager and to its agents, e.g. who
 * deposited it on whose behalf, or that the holder objected. Features declare beans; {@link Mentions} gathers them.
 * The sentences are neutral facts recorded by the feature, never advice.
 */
public interface MentionsDossier {

    /** The sentences about this dossier, in order; empty when the feature has nothing to say about it. */
    List<String> mentions(long dossierId);
}
