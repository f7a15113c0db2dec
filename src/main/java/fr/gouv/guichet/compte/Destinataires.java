package fr.gouv.guichet.compte;

import fr.gouv.guichet.compte.internal.DestinataireRepository;
import fr.gouv.guichet.socle.securite.AdressesElectroniques;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where a usager's notifications go when the usager chooses (issue 16, point 4): the address of a trusted person or
 * a help place (letter to print or to collect). Each designation records the usager's consent; it is revocable, and
 * a revoked one is kept with its dates. Without designation, notifications go to the account's own address, if any.
 */
@Service
public class Destinataires {

    /** A designation in force or revoked. */
    public sealed interface Designation {
        Instant consentiLe();

        @Nullable Instant revoqueLe();

        record PersonneConfiance(String nom, String email, Instant consentiLe, @Nullable Instant revoqueLe)
                implements Designation {
        }

        record LieuAide(String lieuId, String lieuNom, Instant consentiLe, @Nullable Instant revoqueLe)
                implements Designation {
        }
    }

    private final DestinataireRepository depot;
    private final Clock horloge;

    Destinataires(DestinataireRepository depot, Clock horloge) {
        this.depot = depot;
        this.horloge = horloge;
    }

    public Optional<Designation> enVigueur(long usagerId) {
        return depot.enVigueur(usagerId).map(Destinataires::designation);
    }

    public List<Designation> historique(long usagerId) {
        return depot.historique(usagerId).stream().map(Destinataires::designation).toList();
    }

    /** Replaces the designation in force by a trusted person's address (checked by the caller). */
    @Transactional
    public void designerPersonneConfiance(long usagerId, String nom, String email) {
        Instant maintenant = horloge.instant();
        depot.revoquer(usagerId, maintenant);
        depot.inserer(usagerId, "PERSONNE_CONFIANCE", AdressesElectroniques.normaliser(email), nom.strip(), null, null, maintenant);
    }

    /** Replaces the designation in force by a help place (its id and name, checked by the caller). */
    @Transactional
    public void designerLieu(long usagerId, String lieuId, String lieuNom) {
        Instant maintenant = horloge.instant();
        depot.revoquer(usagerId, maintenant);
        depot.inserer(usagerId, "LIEU_AIDE", null, null, lieuId, lieuNom, maintenant);
    }

    /** Revokes the designation in force; false when there was none. */
    @Transactional
    public boolean revoquer(long usagerId) {
        return depot.revoquer(usagerId, horloge.instant());
    }

    private static Designation designation(DestinataireRepository.Ligne l) {
        return "LIEU_AIDE".equals(l.type())
                ? new Designation.LieuAide(java.util.Objects.requireNonNull(l.lieuId()), java.util.Objects.requireNonNull(l.lieuNom()),
                        l.consentiLe(), l.revoqueLe())
                : new Designation.PersonneConfiance(java.util.Objects.requireNonNull(l.nom()), java.util.Objects.requireNonNull(l.email()),
                        l.consentiLe(), l.revoqueLe());
    }
}
