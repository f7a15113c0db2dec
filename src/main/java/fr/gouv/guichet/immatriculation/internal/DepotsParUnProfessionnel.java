package fr.gouv.guichet.immatriculation.internal;

import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.immatriculation.DepotParUnProfessionnel;
import fr.gouv.guichet.immatriculation.ErreursSaisie;
import fr.gouv.guichet.immatriculation.VehiculeIntrouvable;
import fr.gouv.guichet.immatriculation.externe.PrestatairePaiement;
import fr.gouv.guichet.immatriculation.externe.ServiceIndisponible;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link DepotParUnProfessionnel} on the buyer's own services: the code de cession through
 * {@link ChangementsTitulaire} (same checks, audit and throttling, counted on the collaborator's account), the holder's
 * page through {@link DemandesUsager} (same checks and taxes), the payment through {@link Paiements}.
 */
@Service
class DepotsParUnProfessionnel implements DepotParUnProfessionnel {

    private final ChangementsTitulaire changements;
    private final DemandesUsager demandes;
    private final Demandes lignes;
    private final Paiements paiements;
    private final PrestatairePaiement prestataire;
    private final Dossiers dossiers;
    private final TransactionTemplate transaction;

    DepotsParUnProfessionnel(ChangementsTitulaire changements, DemandesUsager demandes, Demandes lignes, Paiements paiements,
                             PrestatairePaiement prestataire, Dossiers dossiers, TransactionTemplate transaction) {
        this.changements = changements;
        this.demandes = demandes;
        this.lignes = lignes;
        this.paiements = paiements;
        this.prestataire = prestataire;
        this.dossiers = dossiers;
        this.transaction = transaction;
    }

    /**
     * One transaction: a wrong code commits its failed attempt (throttling, as on the buyer's page); wrong holder's
     * fields roll everything back (the code stays unused, no draft is left).
     */
    @Override
    public long ouvrirChangementTitulaire(long collaborateurId, String immatriculation, String codeCession, Map<String, String> titulaire) {
        ErreursSaisie[] refus = new ErreursSaisie[1];
        Long dossierId = transaction.execute(statut -> {
            ChangementsTitulaire.Resultat r = changements.utiliserCode(collaborateurId, null, immatriculation, codeCession);
            if (r.dossierId() == null) {
                String erreur = r.erreur() == null ? "Ce code de cession n’est pas accepté." : r.erreur();
                refus[0] = ErreursSaisie.sur(erreur.startsWith("Le numéro") ? "immatriculation" : "code_cession", erreur);
                return null;
            }
            int version = dossiers.deLUsager(r.dossierId(), collaborateurId).orElseThrow(VehiculeIntrouvable::new).version();
            Map<String, String> saisie = new LinkedHashMap<>();
            CHAMPS_TITULAIRE.forEach(c -> saisie.put(c, titulaire.getOrDefault(c, "")));
            try {
                demandes.enregistrerPourUnClient(r.dossierId(), collaborateurId, version, saisie);
            } catch (ErreursSaisie e) {
                statut.setRollbackOnly();
                refus[0] = e;
                return null;
            }
            return r.dossierId();
        });
        if (dossierId == null) {
            throw refus[0];
        }
        return dossierId;
    }

    @Override
    public String montant(long dossierId) {
        return lignes.parDossier(dossierId).orElseThrow(VehiculeIntrouvable::new).total();
    }

    @Override
    public String payer(long dossierId, long collaborateurId, String cheminRetour) {
        try {
            return "/usager/vehicules/paiements/" + paiements.commencer(dossierId, collaborateurId, cheminRetour);
        } catch (ServiceIndisponible e) {
            throw ErreursSaisie.sur("paiement", "Le service de paiement ne répond pas pour le moment : le dossier est enregistré, "
                    + "réessayez dans quelques minutes.");
        }
    }

    @Override
    public RetourPaiement retourPaiement(long dossierId, String reference) {
        Paiements.Paiement p = paiements.duDossier(dossierId).stream().filter(x -> x.reference().equals(reference)).findFirst()
                .orElseThrow(VehiculeIntrouvable::new);
        if ((p.statut() == Paiements.EtatPaiement.EN_ATTENTE || p.statut() == Paiements.EtatPaiement.ABANDONNE)
                && p.identifiantPrestataire() != null) {
            try {
                p = paiements.recevoir(prestataire.etat(p.identifiantPrestataire())).orElse(p);
            } catch (ServiceIndisponible e) {
                // Not confirmed yet: the provider's notification will record it.
                return new RetourPaiement(RetourPaiement.Issue.NON_CONFIRME, p.montant(), p.reference());
            }
        }
        RetourPaiement.Issue issue = switch (p.statut()) {
            case PAYE -> RetourPaiement.Issue.PAYE;
            case REMBOURSE -> RetourPaiement.Issue.REMBOURSE;
            case A_REMBOURSER -> RetourPaiement.Issue.A_REMBOURSER;
            default -> RetourPaiement.Issue.NON_CONFIRME;
        };
        return new RetourPaiement(issue, p.montant(), p.reference());
    }
}
