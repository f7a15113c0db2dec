package fr.gouv.guichet.immatriculation.externe;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

/** The production of registration certificates: ordered once per dossier (idempotent), produced, then shipped. */
public interface ProductionCertificats {

    record Commande(String dossier, String immatriculation, String titulaire, String adresse, String codePostal, String commune) {
    }

    record Suivi(String numeroCommande, boolean expedie, @Nullable String numeroSuivi, @Nullable LocalDate expedieLe,
                 LocalDate livraisonPrevueLe) {
    }

    /** @return the order number */
    String commander(Commande commande);

    Suivi suivre(String numeroCommande);
}
