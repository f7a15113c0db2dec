package fr.gouv.guichet.permis;

import fr.gouv.guichet.demarche.Dossier;
import fr.gouv.guichet.externe.ServiceExterneIndisponibleException;
import fr.gouv.guichet.formulaire.Reponses;
import fr.gouv.guichet.timbre.NumeroTimbre;
import fr.gouv.guichet.timbre.PaiementsTimbres;
import fr.gouv.guichet.timbre.TimbreRefuseException;
import fr.gouv.guichet.timbre.UtilisationTimbre;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The timbre of a licence dossier (loss, theft: 25 €, dated amounts of {@code tarifs-timbres/permis.csv}): reserved
 * when the usager validates, consumed once after the deposit, released when the draft is deleted. Through the
 * {@code timbre} module, under the dossier's reference ({@link PhotoPermis#reference}).
 */
@Component
public class TimbrePermis {

    /** The form field of the number. */
    public static final String CHAMP = "numero_timbre";

    private final PaiementsTimbres paiements;

    TimbrePermis(PaiementsTimbres paiements) {
        this.paiements = paiements;
    }

    public boolean exige(DemarchePermis demarche) {
        return paiements.timbreExige(demarche.motifTimbre());
    }

    public java.math.BigDecimal montant(DemarchePermis demarche) {
        return paiements.montantDu(demarche.motifTimbre());
    }

    /** An amount as a person reads it: {@code 25}, {@code 17,50}. */
    public static String euros(java.math.BigDecimal montant) {
        java.math.BigDecimal m = montant.stripTrailingZeros();
        return (m.scale() <= 0 ? m.setScale(0) : montant.setScale(2, java.math.RoundingMode.UNNECESSARY)).toPlainString().replace('.', ',');
    }

    /**
     * Reserves the timbre typed in the draft (releasing another one it held); the error to show, empty when reserved or
     * when the procedure asks for none.
     */
    public Optional<String> reserver(DemarchePermis demarche, Dossier brouillon) {
        if (!exige(demarche)) {
            return Optional.empty();
        }
        Optional<NumeroTimbre> numero = NumeroTimbre.depuisSaisie(new Reponses(brouillon.reponses()).texte(CHAMP));
        if (numero.isEmpty()) {
            return Optional.of("Le numéro du timbre fiscal compte 16 chiffres.");
        }
        String reference = PhotoPermis.reference(brouillon).valeur();
        try {
            paiements.duDossier(reference).filter(u -> !u.numero().equals(numero.get()))
                    .ifPresent(ancien -> paiements.liberer(ancien.numero(), reference));
            paiements.reserver(demarche.motifTimbre(), numero.get(), reference);
            return Optional.empty();
        } catch (TimbreRefuseException e) {
            return Optional.of(e.messageUsager());
        } catch (ServiceExterneIndisponibleException e) {
            return Optional.of(e.messageUsager());
        }
    }

    /** Consumes the dossier's reserved timbre, once (again: nothing more). */
    public void consommer(Dossier dossier) {
        String reference = PhotoPermis.reference(dossier).valeur();
        paiements.duDossier(reference).filter(u -> u.statut() == UtilisationTimbre.Statut.RESERVE)
                .ifPresent(u -> paiements.consommer(u.numero(), reference));
    }

    /** Releases the timbre a deleted draft held. */
    public void liberer(long dossierId) {
        String reference = PhotoPermis.reference(dossierId).valeur();
        paiements.duDossier(reference).ifPresent(u -> paiements.liberer(u.numero(), reference));
    }

    public Optional<UtilisationTimbre> duDossier(Dossier dossier) {
        return paiements.duDossier(PhotoPermis.reference(dossier).valeur());
    }
}
