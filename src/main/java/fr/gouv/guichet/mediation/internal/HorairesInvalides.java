package fr.gouv.guichet.mediation.internal;

/** An {@code opening_hours} value outside the supported subset, with a French reason fit for the import report. */
@org.springframework.modulith.NamedInterface("lieux")
public class HorairesInvalides extends Exception {

    public HorairesInvalides(String motif) {
        super(motif);
    }
}
