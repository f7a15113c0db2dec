package fr.gouv.guichet.tiers.internal;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * A habilitated company (or driving school), as copied from its habilitation dossier when the préfecture habilitated
 * it; {@code statut} mirrors the dossier's state (written in the same transaction as each transition).
 */
public record Entreprise(long id, long dossierHabilitation, @Nullable Long gerant, String raisonSociale, String siret,
                         TypeTiers type, List<String> activites, @Nullable String numeroAgrement, String adresse,
                         String codePostal, String commune, String codeDepartement, int effectif, int volumeAnnuel,
                         Statut statut, Instant habiliteeLe, @Nullable Instant finLe) {

    public enum Statut {
        HABILITEE("Habilitée"), SUSPENDUE("Suspendue"), RETIREE("Retirée"),
        RESILIATION_NOTIFIEE("Habilitée (résiliation notifiée)"), RESILIEE("Résiliée");

        private final String libelle;

        Statut(String libelle) {
            this.libelle = libelle;
        }

        public String libelle() {
            return libelle;
        }
    }

    /**
     * Whether it may file for its clients now: habilitated (during the notice of its termination too), neither
     * suspended, withdrawn nor terminated. {@link AccesTiers} ends a convention whose notice is over before asking.
     */
    public boolean peutDeposer() {
        return statut == Statut.HABILITEE || statut == Statut.RESILIATION_NOTIFIEE;
    }

    /** The activities as the directory shows them. */
    public List<String> libellesActivites() {
        return activites.stream().map(TypeTiers::libelleActivite).toList();
    }
}
