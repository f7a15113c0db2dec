package fr.gouv.guichet.identite;

import fr.gouv.guichet.externe.ServiceExterneIndisponibleException;
import fr.gouv.guichet.externe.SystemeExterne;

import java.time.LocalDateTime;
import java.util.List;

/**
 * The ANTS national appointment coordination (port; its real HTTP client is configured by
 * {@code guichet.identite.ants.*}, its demonstration by the embedded server {@code fr.gouv.fauxservices}). Every
 * booking site declares there the appointments it takes for a pré-demande number, so that one pré-demande has one
 * appointment across all of them (shared/domain/titres-verification-2026-11.md §3): Guichet asks the number's
 * status and appointments before a booking, and declares each appointment it creates, moves or cancels. Unreachable:
 * {@link ServiceExterneIndisponibleException} (the booking is then blocked, the usager asked to retry).
 */
public interface PlateformeNationaleRendezVous {

    SystemeExterne SYSTEME = SystemeExterne.de("rdv-ants", "la plateforme nationale des rendez-vous (ANTS)");

    /** An appointment as the platform knows it. */
    record RendezVousNational(String lieu, String lieuId, LocalDateTime date, String urlGestion) {
    }

    /**
     * The number's national status ({@code validated}: bookable; {@code consumed}, {@code declared}, {@code expired},
     * {@code unknown}) and its appointments at every booking site.
     */
    record StatutNational(String statut, List<RendezVousNational> rendezVous) {
        public boolean reservable() {
            return statut.equals("validated");
        }
    }

    StatutNational statut(NumeroPreDemande numero);

    /** Declares an appointment taken by Guichet (again: no change). */
    void declarer(NumeroPreDemande numero, RendezVousNational rendezVous);

    /** Withdraws an appointment Guichet had declared (cancelled or moved; again: no change). */
    void retirer(NumeroPreDemande numero, RendezVousNational rendezVous);
}
