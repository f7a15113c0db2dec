package fr.gouv.guichet.identite;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A validated pré-demande, as the town halls need it.
 *
 * @param mairieRecueil the town hall (service code) that took the application; set when it is consumed
 */
public record PreDemande(NumeroPreDemande numero, long dossierId, @Nullable Long usagerId, TitresDemandes titres, String motif,
                         String nom, String prenoms, LocalDate dateNaissance, String email, LocalDate valideJusquau,
                         Instant creeLe, @Nullable Instant consommeeLe, @Nullable String mairieRecueil,
                         @Nullable Instant titreDisponibleLe, @Nullable Instant remisLe) {

    /** The procedure's code ({@code dossier.demarche}), its form and its family in the competence table. */
    public static final String DEMARCHE = "ID_PRE_DEMANDE";
    public static final String FORMULAIRE = "identite-pre-demande";
    public static final String FAMILLE = "IDENTITE";

    /** Validity of a pré-demande (issue 14, point 1; the official one is not in the sources). */
    public static final java.time.Period VALIDITE = java.time.Period.ofYears(1);

    public boolean consommee() {
        return consommeeLe != null;
    }

    public boolean expireeLe(LocalDate jour) {
        return jour.isAfter(valideJusquau);
    }

    /** Can still be booked and taken at a town hall on {@code jour}. */
    public boolean utilisableLe(LocalDate jour) {
        return !consommee() && !expireeLe(jour);
    }

    public boolean mineurLe(LocalDate jour) {
        return java.time.Period.between(dateNaissance, jour).getYears() < 18;
    }
}
