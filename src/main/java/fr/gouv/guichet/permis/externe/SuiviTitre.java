package fr.gouv.guichet.permis.externe;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

/**
 * Where a title order stands: in production, then shipped with a tracking number.
 *
 * @param numeroSuivi       tracking number, once shipped
 * @param expedieLe         shipping date, once shipped
 * @param livraisonPrevueLe expected delivery date
 */
public record SuiviTitre(String numeroCommande, Etape etape, @Nullable String numeroSuivi, @Nullable LocalDate expedieLe,
                         LocalDate livraisonPrevueLe) {

    public enum Etape {
        EN_PRODUCTION, EXPEDIE
    }

    public SuiviTitre {
        if (etape == Etape.EXPEDIE && (numeroSuivi == null || expedieLe == null)) {
            throw new IllegalArgumentException("Un titre expédié a un numéro de suivi et une date d'expédition");
        }
    }
}
