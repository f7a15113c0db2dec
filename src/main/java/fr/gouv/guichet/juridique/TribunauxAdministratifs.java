package fr.gouv.guichet.juridique;

import fr.gouv.guichet.document.TribunalAdministratif;
import fr.gouv.guichet.juridique.internal.RegistreTribunaux;
import org.springframework.stereotype.Service;

/**
 * The tribunal administratif before which a préfet's act may be contested: the one in whose jurisdiction the préfet
 * sits (code de justice administrative, siège and ressort by département). Read at each act, so a change made by the
 * national administrator is in the next act issued.
 */
@Service
public class TribunauxAdministratifs {

    private final RegistreTribunaux registre;

    TribunauxAdministratifs(RegistreTribunaux registre) {
        this.registre = registre;
    }

    /** The tribunal for the acts of the préfet of {@code codeDepartement}. */
    public TribunalAdministratif pour(String codeDepartement) {
        return registre.tribunal(codeDepartement)
                .orElseThrow(() -> new IllegalStateException("Aucun tribunal administratif pour le département " + codeDepartement));
    }
}
