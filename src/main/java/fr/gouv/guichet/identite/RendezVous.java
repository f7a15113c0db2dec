package fr.gouv.guichet.identite;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDateTime;

/**
 * An appointment at a town hall for a pré-demande.
 *
 * @param debut local start, heure de Paris
 * @param poste which device of the slot (1 to the town hall's number of devices)
 */
public record RendezVous(long id, String mairie, String nomMairie, LocalDateTime debut, int poste, NumeroPreDemande numero,
                         @Nullable Long usagerId, Statut statut, Instant reserveLe) {

    public enum Statut {
        ACTIF("À venir"), ANNULE("Annulé"), HONORE("Demande recueillie"), ABSENT("Absence");

        private final String libelle;

        Statut(String libelle) {
            this.libelle = libelle;
        }

        public String libelle() {
            return libelle;
        }
    }

    public boolean actif() {
        return statut == Statut.ACTIF;
    }
}
