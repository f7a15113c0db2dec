package fr.gouv.guichet.demarche;

import java.io.Serial;

/**
 * The draft changed between the read its deposit was checked on and the deposit (an autosave, another tab, a second
 * click already deposited): nothing is deposited, the transaction is rolled back (ADR 0031).
 */
public class DepotConcurrent extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    public DepotConcurrent() {
        super("Brouillon modifié depuis sa lecture : dépôt non fait");
    }
}
