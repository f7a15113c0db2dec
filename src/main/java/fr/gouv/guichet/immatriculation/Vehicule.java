package fr.gouv.guichet.immatriculation;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.List;

/**
 * A vehicle as the register knows it: identification, holder(s) and address, administrative situation, and the number
 * of address labels stuck on its current card.
 *
 * @param usagerId the Guichet account of the main holder, when the holder has one
 */
public record Vehicule(long id, String immatriculation, String vin, String marque, String modele, int puissanceFiscale,
                       LocalDate premiereImmatriculation, String categorie, @Nullable Long usagerId, Titulaire titulaire,
                       List<Titulaire> cotitulaires, Adresse adresse, SituationAdministrative situation, int etiquettesAdresse) {

    /** At most three address labels on one card (titres.md, SIV): the fourth change needs a new card. */
    public static final int ETIQUETTES_MAX = 3;

    public Vehicule {
        cotitulaires = List.copyOf(cotitulaires);
    }

    public record Titulaire(String nom, String prenoms) {
        public String complet() {
            return prenoms + " " + nom;
        }
    }

    public record Adresse(String ligne, String codePostal, String commune, String codeDepartement) {
        public String enLigne() {
            return ligne + ", " + codePostal + " " + commune;
        }
    }

    /** The old FNI format ({@code 1234 AB 83}), replaced by a number of the national series at the next change of holder. */
    public boolean numeroAncienFormat() {
        return NumeroImmatriculation.lire(immatriculation).isEmpty();
    }
}
