package fr.gouv.guichet.tiers.internal;

import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.immatriculation.DepotParUnProfessionnel;
import fr.gouv.guichet.immatriculation.ErreursSaisie;
import fr.gouv.guichet.immatriculation.Operation;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A habilitated car professional files a change of holder for their client (issue 15, point 3, vehicle registration):
 * the access is decided by {@link AccesTiers} (habilitation in force, activity opening the procedure, the company's
 * own deposits only); the operation itself is the registration module's ({@link DepotParUnProfessionnel}: code de
 * cession, holder, taxes); this class adds what every deposit for a client has — the client's e-mail, the mandate, the
 * fraud rules — then the professional pays the taxes and the paid dossier is handed to the client
 * ({@link ConsignationDepots}).
 */
@Service
public class DepotsVehicule {

    public static final String PROCEDURE = Operation.CHANGEMENT_TITULAIRE.code();

    /** What the collaborator typed; {@code titulaire}: the holder's fields of the registration module. */
    public record Demande(String immatriculation, String codeCession, String courriel, Map<String, String> titulaire, Mandat mandat,
                          String lieu) {
    }

    /** Either the French messages by field (nothing recorded, except a wrong code's attempt), or the deposit. */
    public record Resultat(Map<String, String> erreurs, @Nullable Long depotId) {
    }

    private final AccesTiers acces;
    private final DepotParUnProfessionnel immatriculation;
    private final MandatsClients mandats;
    private final ConsignationDepots consignation;
    private final TransactionTemplate transaction;
    private final Dossiers dossiers;

    DepotsVehicule(AccesTiers acces, DepotParUnProfessionnel immatriculation, MandatsClients mandats, ConsignationDepots consignation,
                   TransactionTemplate transaction, Dossiers dossiers) {
        this.dossiers = dossiers;
        this.acces = acces;
        this.immatriculation = immatriculation;
        this.mandats = mandats;
        this.consignation = consignation;
        this.transaction = transaction;
    }

    public Resultat deposer(Demande demande) {
        Entreprise entreprise = acces.entreprisePourDeposer(PROCEDURE);
        long collaborateur = acces.usager().id();
        Map<String, String> erreurs = new LinkedHashMap<>();
        String courriel = demande.courriel().strip();
        if (courriel.length() > 254 || !Collaborateurs.EMAIL.matcher(courriel).matches()) {
            erreurs.put("courriel", "Saisissez l’adresse électronique du client, par exemple prenom.nom@exemple.fr : il y reçoit le "
                    + "lien pour suivre le dossier ou s’y opposer.");
        }
        MandatsClients.Verifie verifie = mandats.verifier(demande.mandat());
        if (verifie.erreur() != null) {
            erreurs.put(MandatsClients.CHAMP, verifie.erreur());
        }
        if (!erreurs.isEmpty()) {
            return new Resultat(erreurs, null);
        }
        Map<String, String> t = demande.titulaire();
        ConsignationDepots.Client client = new ConsignationDepots.Client(t.getOrDefault("nom", ""), t.getOrDefault("prenoms", ""),
                courriel, t.getOrDefault("adresse", ""), "", t.getOrDefault("code_postal", ""), t.getOrDefault("commune", ""));
        Boolean adresseConnue = consignation.adresseConnue(client);
        long dossier;
        try {
            dossier = immatriculation.ouvrirChangementTitulaire(collaborateur, demande.immatriculation(), demande.codeCession(), t);
        } catch (ErreursSaisie e) {
            return new Resultat(e.parChamp(), null);
        }
        String cle = mandats.stocker(demande.mandat(), verifie);
        try {
            long depot = Objects.requireNonNull(transaction.execute(s -> {
                // The number as the register writes it (the rule on chains compares it across deposits).
                String numero = dossiers.deLUsager(dossier, collaborateur).map(d -> String.valueOf(d.reponses().get("immatriculation")))
                        .orElse(demande.immatriculation().strip());
                return consignation.consigner(entreprise, collaborateur, dossier, PROCEDURE, client, demande.mandat(), verifie, cle,
                        demande.lieu(), numero, adresseConnue, false);
            }));
            return new Resultat(Map.of(), depot);
        } catch (RuntimeException e) {
            mandats.oublier(cle);
            throw e;
        }
    }

    /** The amount the professional pays for this deposit's dossier. */
    public String montant(Depot depot) {
        return immatriculation.montant(depot.dossier());
    }

    /** Opens the payment of a deposit of the company waiting for it; the page leading to the provider. */
    public String payer(long depotId) {
        acces.entreprisePourDeposer(PROCEDURE);
        Depot d = acces.depot(depotId);
        if (d.transmisLe() != null) {
            throw ErreursSaisie.sur("paiement", "Ce dossier est déjà payé et transmis.");
        }
        return immatriculation.payer(d.dossier(), acces.usager().id(), "/usager/pro/depots/" + d.id() + "/paiement?reference=%s");
    }

    /** The browser is back from the provider; what became of this payment (the dossier paid is transmitted to the client). */
    public fr.gouv.guichet.immatriculation.DepotParUnProfessionnel.RetourPaiement retour(long depotId, String reference) {
        Depot d = acces.depot(depotId);
        return immatriculation.retourPaiement(d.dossier(), reference);
    }
}
