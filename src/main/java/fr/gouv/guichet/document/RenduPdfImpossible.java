package fr.gouv.guichet.document;

import java.io.Serial;

/**
 * A PDF was not rendered within its bounds (input size, wait for a place, render time). Nothing is half written:
 * the caller's transaction rolls back, an outbox listener is retried later (a bounded number of times).
 */
public class RenduPdfImpossible extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    public RenduPdfImpossible(String message) {
        super(message);
    }
}
