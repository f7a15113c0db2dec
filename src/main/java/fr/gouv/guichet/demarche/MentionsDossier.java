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

    /**
     * Whether the feature may have something to say about a dossier of this procedure: a page asks {@link #mentions}
     * (a query) only then, so that the pages of other procedures do not pay for it.
     */
    default boolean concerne(String demarche) {
        return true;
    }
}
