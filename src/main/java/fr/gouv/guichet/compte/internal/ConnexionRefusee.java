package fr.gouv.guichet.compte.internal;

import org.springframework.security.core.AuthenticationException;

import java.io.Serial;

/** Why a sign-in was refused, as shown on the sign-in page. */
public class ConnexionRefusee extends AuthenticationException {

    @Serial
    private static final long serialVersionUID = 1L;

    public enum Motif { IDENTIFIANTS, NON_ACTIVE, FREINEE }

    private final Motif motif;

    public ConnexionRefusee(Motif motif) {
        super(motif.name());
        this.motif = motif;
    }

    public Motif motif() {
        return motif;
    }
}
