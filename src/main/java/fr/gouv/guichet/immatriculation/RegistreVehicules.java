package fr.gouv.guichet.immatriculation;

import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Optional;

/**
 * The national vehicle register (SIV) as Guichet uses it. The demonstration runs on a database implementation seeded
 * with a few thousand vehicles; the real register would replace it behind this interface. Every change writes a line
 * of the vehicle's history.
 */
public interface RegistreVehicules {

    Optional<Vehicule> parImmatriculation(String immatriculation);

    Optional<Vehicule> parId(long id);

    /** The vehicles whose main holder is this account. */
    List<Vehicule> duTitulaire(long usagerId);

    List<OperationVehicule> historique(long vehiculeId);

    void enregistrerOperation(long vehiculeId, String type, String detail, @Nullable Long dossierId, @Nullable Long usagerId);

    /** New holder(s) and address; a new number when given (old-format numbers); the address labels start again. */
    void changerTitulaire(long vehiculeId, @Nullable Long usagerId, Vehicule.Titulaire titulaire, List<Vehicule.Titulaire> cotitulaires,
                          Vehicule.Adresse adresse, @Nullable NumeroImmatriculation nouveauNumero, long dossierId);

    /** A new address, on a label ({@code etiquette}) or on a new card (labels start again). */
    void changerAdresse(long vehiculeId, Vehicule.Adresse adresse, boolean etiquette, long dossierId);
}
