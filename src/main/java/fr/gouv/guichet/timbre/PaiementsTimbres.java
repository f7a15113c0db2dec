package fr.gouv.guichet.timbre;

import fr.gouv.guichet.externe.ServiceExterneIndisponibleException;
import fr.gouv.guichet.timbre.internal.UtilisationsTimbres;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Paying a dossier with an electronic timbre, exactly once. The procedure passes a <em>motif</em> (its code in
 * the dated table, {@link BaremeTimbres}); the timbre must be worth exactly the amount due that day. It is
 * reserved for the dossier when the usager validates, consumed once when the dossier is deposited, released when
 * the dossier is abandoned.
 * <p>
 * Every use is recorded in Guichet's database ({@code timbre_utilisation}, one active row per timbre enforced by a
 * unique index): even if the timbre service answered two dossiers alike, one timbre never pays two dossiers in
 * Guichet. The external service is called after the local row is taken, and the row is given back when the service
 * refuses or cannot be reached (the usager may try again: nothing typed is lost, the calls are idempotent).
 *
 * @see ServiceTimbres
 */
@Component
public class PaiementsTimbres {

    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final ServiceTimbres timbres;
    private final BaremeTimbres bareme;
    private final UtilisationsTimbres utilisations;
    private final Clock horloge;

    public PaiementsTimbres(ServiceTimbres timbres, BaremeTimbres bareme, UtilisationsTimbres utilisations, Clock horloge) {
        this.timbres = timbres;
        this.bareme = bareme;
        this.utilisations = utilisations;
        this.horloge = horloge;
    }

    /** The amount due today for this motif (0: no timbre). */
    public BigDecimal montantDu(String motif) {
        return bareme.montant(motif, LocalDate.now(horloge));
    }

    public boolean timbreExige(String motif) {
        return montantDu(motif).signum() > 0;
    }

    /**
     * Checks the amount, then reserves the timbre for the dossier (again for the same dossier: same result).
     *
     * @param dossier the dossier's reference, 1 to 64 letters, digits, dots, dashes or underscores
     * @throws TimbreRefuseException               {@link RefusTimbre#MONTANT}, {@link RefusTimbre#RESERVE} or
     *                                             {@link RefusTimbre#DEJA_UTILISE} (another dossier holds it), or the
     *                                             refusals of {@link ServiceTimbres#reserver}
     * @throws ServiceExterneIndisponibleException when the timbre service cannot be reached (nothing is kept)
     * @throws IllegalStateException               when the motif asks for no timbre today
     */
    public EtatTimbre reserver(String motif, NumeroTimbre numero, String dossier) {
        verifierReference(dossier);
        BigDecimal du = montantDu(motif);
        if (du.signum() == 0) {
            throw new IllegalStateException("Le motif « " + motif + " » ne demande pas de timbre.");
        }
        Optional<UtilisationTimbre> tenue = utilisations.active(numero);
        if (tenue.isPresent()) {
            refuserSiAutreDossier(tenue.get(), dossier);
            return timbres.reserver(numero, dossier);
        }
        EtatTimbre etat = timbres.verifier(numero);
        if (etat.montant().compareTo(du) != 0) {
            throw new TimbreRefuseException(RefusTimbre.MONTANT);
        }
        if (!utilisations.prendre(numero, dossier, motif, du)) {
            refuserSiAutreDossier(utilisations.active(numero).orElseThrow(), dossier);
        }
        try {
            return timbres.reserver(numero, dossier);
        } catch (TimbreRefuseException | ServiceExterneIndisponibleException e) {
            utilisations.rendre(numero, dossier);
            throw e;
        }
    }

    /**
     * Consumes the timbre reserved for the dossier, once: called again for the same dossier, it does nothing more.
     *
     * @throws TimbreRefuseException {@link RefusTimbre#NON_RESERVE} when Guichet holds no reservation of this timbre
     *                               for this dossier, or the refusals of {@link ServiceTimbres#consommer}
     */
    public void consommer(NumeroTimbre numero, String dossier) {
        UtilisationTimbre tenue = utilisations.active(numero).filter(u -> u.dossier().equals(dossier))
                .orElseThrow(() -> new TimbreRefuseException(RefusTimbre.NON_RESERVE));
        if (tenue.statut() == UtilisationTimbre.Statut.CONSOMME) {
            return;
        }
        timbres.consommer(numero, dossier);
        utilisations.consommer(numero, dossier);
    }

    /**
     * Releases the dossier's reservation (abandoned dossier, or another timbre typed). A consumed timbre stays
     * consumed; a timbre held by another dossier is left alone.
     */
    public void liberer(NumeroTimbre numero, String dossier) {
        Optional<UtilisationTimbre> tenue = utilisations.active(numero).filter(u -> u.dossier().equals(dossier));
        if (tenue.isPresent() && tenue.get().statut() == UtilisationTimbre.Statut.CONSOMME) {
            return;
        }
        timbres.liberer(numero, dossier);
        tenue.ifPresent(u -> utilisations.rendre(numero, dossier));
    }

    /** The timbre the dossier holds now (reserved or consumed), if any. */
    public Optional<UtilisationTimbre> duDossier(String dossier) {
        return utilisations.duDossier(dossier);
    }

    private static void refuserSiAutreDossier(UtilisationTimbre tenue, String dossier) {
        if (!tenue.dossier().equals(dossier)) {
            throw new TimbreRefuseException(tenue.statut() == UtilisationTimbre.Statut.CONSOMME
                    ? RefusTimbre.DEJA_UTILISE : RefusTimbre.RESERVE);
        }
    }

    private static void verifierReference(String dossier) {
        if (!REFERENCE.matcher(dossier).matches()) {
            throw new IllegalArgumentException("Référence de dossier invalide : « " + dossier + " »");
        }
    }
}
