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
                         Statut statut, Instant habiliteeLe) {

    public enum Statut {
        HABILITEE("Habilitée"), SUSPENDUE("Suspendue"), RETIREE("Retirée");

        private final String libelle;

        Statut(String libelle) {
            this.libelle = libelle;
        }

        public String libelle() {
            return libelle;
        }
    }

    /** Whether it may file for its clients now: habilitated, neither suspended nor withdrawn. */
    public boolean peutDeposer() {
        return statut == Statut.HABILITEE;
    }

    /** The activities as the directory shows them. */
    public List<String> libellesActivites() {
        return activites.stream().map(TypeTiers::libelleActivite).toList();
    }
}
