package fr.gouv.guichet.permis;

import fr.gouv.guichet.permis.externe.EtatTimbre;
import fr.gouv.guichet.permis.externe.ReferenceDossier;
import fr.gouv.guichet.permis.externe.Refus;
import fr.gouv.guichet.permis.externe.RefusServiceExterneException;
import fr.gouv.guichet.permis.externe.ServiceExterne;
import fr.gouv.guichet.permis.externe.ServiceTimbres;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;

/**
 * Payment of a licence procedure by an electronic timbre: the timbre must be worth exactly the amount the dated
 * table asks on that day ({@link BaremeTimbres}); it is then reserved for the dossier when the usager enters it,
 * consumed when the dossier is validated, released when the dossier is abandoned. The timbre service guarantees
 * that a timbre pays one dossier only.
 */
@Component
public class PaiementTimbre {

    private final ServiceTimbres timbres;
    private final BaremeTimbres bareme;
    private final Clock horloge;

    public PaiementTimbre(ServiceTimbres timbres, BaremeTimbres bareme, Clock horloge) {
        this.timbres = timbres;
        this.bareme = bareme;
        this.horloge = horloge;
    }

    /** The amount due today for this procedure (0: no timbre). */
    public BigDecimal montantDu(DemarchePermis demarche) {
        return bareme.montant(demarche, LocalDate.now(horloge));
    }

    /**
     * Checks the amount, then reserves the timbre for the dossier.
     *
     * @throws RefusServiceExterneException {@link Refus#TIMBRE_MONTANT} when the timbre is not worth the amount due,
     *                                      or the refusals of {@link ServiceTimbres#reserver}
     * @throws IllegalStateException        when the procedure asks for no timbre
     */
    public EtatTimbre reserver(DemarchePermis demarche, NumeroTimbre numero, ReferenceDossier dossier) {
        BigDecimal du = montantDu(demarche);
        if (du.signum() == 0) {
            throw new IllegalStateException("La démarche « " + demarche.libelle() + " » ne demande pas de timbre.");
        }
        EtatTimbre etat = timbres.verifier(numero);
        if (etat.montant().compareTo(du) != 0) {
            throw new RefusServiceExterneException(ServiceExterne.TIMBRES, Refus.TIMBRE_MONTANT);
        }
        return timbres.reserver(numero, dossier);
    }

    /** Consumes the timbre reserved for the dossier, when it is validated. */
    public EtatTimbre consommer(NumeroTimbre numero, ReferenceDossier dossier) {
        return timbres.consommer(numero, dossier);
    }

    /** Releases the dossier's reservation, when it is abandoned or the usager changes the timbre. */
    public EtatTimbre liberer(NumeroTimbre numero, ReferenceDossier dossier) {
        return timbres.liberer(numero, dossier);
    }
}
