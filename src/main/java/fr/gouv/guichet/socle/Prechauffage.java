package fr.gouv.guichet.socle;

/**
 * Something slow the first time (class loading, template parsing, JIT) that Guichet does once at start-up, before
 * the readiness probe says ready (issue 18, point 5): the first usager or agent then waits no longer than the tenth.
 * Every implementation is run by {@code socle.supervision.PrechauffageAuDemarrage}, a few times each.
 */
public interface Prechauffage {

    /** What is warmed, in French, for the start-up log. */
    String nom();

    /** Does the slow thing once; called a few times in a row, never concurrently with itself. */
    void prechauffer() throws Exception;
}
