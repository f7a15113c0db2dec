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
    /**
     * Condition ({@code @ApplicationModuleListener(condition = …)}) of the module's listeners of an event carrying the
     * procedure code ({@code demarche()}): only the pré-demandes' events are stored for them (ADR 0032).
     */
    public static final String SI_EVENEMENT_D_UNE_PRE_DEMANDE = "T(fr.gouv.guichet.identite.PreDemande).estUnePreDemande(#p0.demarche())";
    public static final String FAMILLE = "IDENTITE";

    /**
     * Whether this procedure code ({@code dossier.demarche}) is the pré-demande: the one test of the module, used by
     * its code and by the conditions of its event listeners (ADR 0032). False for {@code null}.
     */
    public static boolean estUnePreDemande(@Nullable String code) {
        return DEMARCHE.equals(code);
    }

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
