package fr.gouv.guichet.immatriculation.internal;

import fr.gouv.guichet.demarche.Dossier;
import fr.gouv.guichet.immatriculation.Operation;
import fr.gouv.guichet.immatriculation.OperationVehicule;
import fr.gouv.guichet.immatriculation.RegistreVehicules;
import fr.gouv.guichet.immatriculation.Vehicule;
import fr.gouv.guichet.instruction.EncartDossier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * What the CERT agent needs beside the answers to decide a registration dossier: the vehicle as the register knows it
 * (administrative situation, labels, latest operations), the declaration of sale the buyer used (sale date, buyer
 * declared by the seller, days between sale and declaration), the payments (a second one refunded) and the card's
 * order. Only for registration dossiers (decided on the procedure's code, without I/O).
 */
@Component
class EncartVehiculeCert implements EncartDossier {

    /** Latest operations of the register shown to the agent. */
    static final int OPERATIONS_AFFICHEES = 10;

    record Donnees(Vehicule vehicule, List<OperationVehicule> historique, Cessions.@Nullable Cession cession, long joursAvantDeclaration,
                   List<Paiements.Paiement> paiements, Demandes.Demande demande) {
    }

    private final Demandes demandes;
    private final RegistreVehicules registre;
    private final Cessions cessions;
    private final Paiements paiements;

    EncartVehiculeCert(Demandes demandes, RegistreVehicules registre, Cessions cessions, Paiements paiements) {
        this.demandes = demandes;
        this.registre = registre;
        this.cessions = cessions;
        this.paiements = paiements;
    }

    @Override
    public boolean concerne(Dossier dossier) {
        return Operation.deCode(dossier.demarche()).isPresent();
    }

    @Override
    public String gabarit() {
        return "immatriculation/encart-cert";
    }

    @Override
    public Object donnees(Dossier dossier) {
        Demandes.Demande demande = demandes.parDossier(dossier.id()).orElseThrow();
        Vehicule vehicule = registre.parId(demande.vehiculeId()).orElseThrow();
        List<OperationVehicule> historique = registre.historique(vehicule.id());
        historique = historique.subList(Math.max(0, historique.size() - OPERATIONS_AFFICHEES), historique.size());
        Cessions.Cession cession = demande.cessionId() == null ? null : cessions.parId(demande.cessionId()).orElse(null);
        long jours = cession == null ? 0 : ChronoUnit.DAYS.between(cession.dateVente(), cession.declareeLe().atZone(Cessions.PARIS).toLocalDate());
        return new Donnees(vehicule, historique, cession, jours, paiements.duDossier(dossier.id()), demande);
    }
}
