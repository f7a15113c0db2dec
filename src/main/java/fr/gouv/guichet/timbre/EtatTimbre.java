package fr.gouv.guichet.timbre;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What the timbre service knows of a timbre.
 *
 * @param dossier the dossier that reserved or consumed it (only told to that dossier's calls), or null
 */
public record EtatTimbre(NumeroTimbre numero, StatutTimbre statut, BigDecimal montant, LocalDate dateAchat,
                         LocalDate valableJusquau, @Nullable String dossier) {

    public enum StatutTimbre {
        DISPONIBLE, RESERVE, CONSOMME, EXPIRE, REMBOURSE
    }
}
