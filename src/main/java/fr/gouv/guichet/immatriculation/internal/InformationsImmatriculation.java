package fr.gouv.guichet.immatriculation.internal;

import fr.gouv.guichet.demarche.Dossier;
import fr.gouv.guichet.demarche.InformationsDossier;
import fr.gouv.guichet.immatriculation.CycleImmatriculation;
import fr.gouv.guichet.immatriculation.Operation;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a registration dossier shows on the usager's dossier page and in the accusé de réception e-mail: the amount
 * paid with its payment reference (a receipt), a second payment refunded, the new number, and the links to the
 * provisional certificate and to the request's follow-up. Reads nothing for other procedures.
 */
@Component
class InformationsImmatriculation implements InformationsDossier {

    private final Paiements paiements;
    private final Demandes demandes;

    InformationsImmatriculation(Paiements paiements, Demandes demandes) {
        this.paiements = paiements;
        this.demandes = demandes;
    }

    @Override
    public Optional<Encart> pour(Dossier dossier) {
        if (Operation.deCode(dossier.demarche()).isEmpty() || dossier.estBrouillon()) {
            return Optional.empty();
        }
        List<String> lignes = new ArrayList<>();
        List<Paiements.Paiement> tous = paiements.duDossier(dossier.id());
        tous.stream().filter(p -> p.statut() == Paiements.EtatPaiement.PAYE).forEach(p -> lignes.add("Taxes payées : " + p.montant()
                + " (paiement en ligne, référence " + p.reference() + (p.termineLe() == null ? "" : ", le "
                + DocumentsImmatriculation.DATE.format(p.termineLe().atZone(Cessions.PARIS))) + ")."));
        if (tous.stream().noneMatch(p -> p.statut() == Paiements.EtatPaiement.PAYE)) {
            lignes.add("Démarche gratuite : aucun paiement.");
        }
        tous.stream().filter(p -> p.statut().enDouble()).forEach(p -> lignes.add("Second paiement de " + p.montant() + " (référence "
                + p.reference() + ") : " + (p.statut() == Paiements.EtatPaiement.REMBOURSE
                ? "remboursé le " + p.rembourseLeTexte() + " (remboursement n° " + p.identifiantRemboursement() + ")."
                : "remboursement demandé au prestataire de paiement.")));
        demandes.parDossier(dossier.id()).map(Demandes.Demande::numeroAttribue)
                .ifPresent(n -> lignes.add("Nouveau numéro d’immatriculation : " + n + "."));
        List<Lien> liens = new ArrayList<>();
        if (!dossier.etat().equals(CycleImmatriculation.REJETE)) {
            liens.add(new Lien("Certificat provisoire d’immatriculation (PDF)", "/usager/vehicules/demandes/" + dossier.id()
                    + "/certificat-provisoire.pdf"));
        }
        liens.add(new Lien("Suivre la demande et la fabrication de la carte", "/usager/vehicules/demandes/" + dossier.id()));
        return Optional.of(new Encart("Votre demande d’immatriculation", lignes, liens));
    }
}
