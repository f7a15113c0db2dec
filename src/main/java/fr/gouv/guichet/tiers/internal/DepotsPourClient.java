package fr.gouv.guichet.tiers.internal;

import fr.gouv.guichet.compte.Usagers;
import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.demarche.NumeroDossier;
import fr.gouv.guichet.demarche.Procedure;
import fr.gouv.guichet.demarche.Procedures;
import fr.gouv.guichet.formulaire.CatalogueFormulaires;
import fr.gouv.guichet.formulaire.CodePostal;
import fr.gouv.guichet.formulaire.ContexteValidation;
import fr.gouv.guichet.formulaire.DefinitionFormulaire;
import fr.gouv.guichet.formulaire.ErreurChamp;
import fr.gouv.guichet.formulaire.MoteurValidation;
import fr.gouv.guichet.formulaire.Reponses;
import fr.gouv.guichet.piece.FichierAccepte;
import fr.gouv.guichet.piece.FichierRefuse;
import fr.gouv.guichet.piece.InspecteurFichier;
import fr.gouv.guichet.piece.StockageFichiers;
import fr.gouv.guichet.referentiel.Departements;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.ByteArrayInputStream;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A collaborator files a procedure for a client (issue 15, point 3): the answers of the procedure's own form are
 * checked by the form engine, the mandate is required (uploaded, checked and stored — it is attached to the dossier
 * for the instructing service — or signed on screen), the dossier is deposited through the platform by the
 * collaborator's account and handed to the client (their account if the address has one, else none: they follow it
 * through their link). The client is e-mailed a link to see the dossier and object; the fraud rules run in the same
 * transaction.
 */
@Service
public class DepotsPourClient {

    public record Demande(String procedure, Map<String, Object> reponses, Mandat mandat, String lieu) {
    }

    /** Either the errors to show next to the fields (nothing recorded), or the deposit. */
    public record Resultat(List<ErreurChamp> erreurs, @Nullable Long depotId, @Nullable String numero) {
        public boolean depose() {
            return depotId != null;
        }
    }

    public static final String CHAMP_MANDAT = "mandat";

    private final AccesTiers acces;
    private final ProceduresOuvertes ouvertes;
    private final Procedures procedures;
    private final CatalogueFormulaires catalogue;
    private final MoteurValidation moteur;
    private final Dossiers dossiers;
    private final Departements departements;
    private final MandatsClients mandats;
    private final ConsignationDepots consignation;
    private final TransactionTemplate transaction;
    private final Clock horloge;

    DepotsPourClient(AccesTiers acces, ProceduresOuvertes ouvertes, Procedures procedures, CatalogueFormulaires catalogue,
                     MoteurValidation moteur, Dossiers dossiers, Departements departements, MandatsClients mandats,
                     ConsignationDepots consignation, TransactionTemplate transaction, Clock horloge) {
        this.acces = acces;
        this.ouvertes = ouvertes;
        this.procedures = procedures;
        this.catalogue = catalogue;
        this.moteur = moteur;
        this.dossiers = dossiers;
        this.departements = departements;
        this.mandats = mandats;
        this.consignation = consignation;
        this.transaction = transaction;
        this.horloge = horloge;
    }

    /** The procedures the signed-in collaborator's company may file. */
    public List<Procedure> ouvertes() {
        return ouvertes.pour(acces.entreprise());
    }

    /** The form of a procedure the company may file. @throws AccesTiers.DepotInterdit otherwise */
    public DefinitionFormulaire formulaire(String procedure) {
        Entreprise entreprise = acces.entreprise();
        if (!ouvertes.ouverte(entreprise, procedure)) {
            throw new AccesTiers.DepotInterdit("Cette démarche n’est pas ouverte à vos activités habilitées.");
        }
        if (procedure.equals(DepotsVehicule.PROCEDURE)) {
            // Its own page: code de cession, taxes paid before the deposit (never deposited by the generic form).
            throw new AccesTiers.DepotInterdit("Le changement de titulaire se dépose depuis sa propre page (code de cession, taxes).");
        }
        return catalogue.derniereVersion(procedures.get(procedure).formulaireId());
    }

    public Resultat deposer(Demande demande) {
        Entreprise entreprise = acces.entreprisePourDeposer(demande.procedure());
        long collaborateur = acces.usager().id();
        DefinitionFormulaire definition = formulaire(demande.procedure());
        Reponses reponses = new Reponses(demande.reponses()).nettoyer(definition);
        String departement = departement(reponses.texte("code_postal"), entreprise);
        List<ErreurChamp> erreurs = new ArrayList<>(moteur.validerTout(definition, reponses,
                new ContexteValidation(departement, LocalDate.now(horloge))));
        MandatsClients.Verifie verifie = mandats.verifier(demande.mandat());
        if (verifie.erreur() != null) {
            erreurs.add(new ErreurChamp(CHAMP_MANDAT, verifie.erreur()));
        }
        if (!erreurs.isEmpty()) {
            return new Resultat(erreurs, null, null);
        }
        ConsignationDepots.Client client = client(reponses);
        Boolean adresseConnue = consignation.adresseConnue(client);
        String cle = mandats.stocker(demande.mandat(), verifie);
        try {
            return Objects.requireNonNull(transaction.execute(statut -> {
                Procedure procedure = procedures.get(demande.procedure());
                long dossier = dossiers.creerBrouillon(collaborateur, departement, procedure.code(), definition.id(), definition.version(),
                        reponses.valeurs(), null, null);
                NumeroDossier numero = dossiers.deposer(dossier, collaborateur, UUID.randomUUID(), procedure.prefixeNumero(),
                        lu -> moteur.validerTout(definition, new Reponses(lu.reponses()), new ContexteValidation(departement,
                                LocalDate.now(horloge))).isEmpty());
                long depot = consignation.consigner(entreprise, collaborateur, dossier, procedure.code(), client, demande.mandat(), verifie,
                        cle, demande.lieu(), null, adresseConnue, true);
                return new Resultat(List.of(), depot, numero.valeur());
            }));
        } catch (RuntimeException e) {
            mandats.oublier(cle);
            throw e;
        }
    }

    static ConsignationDepots.Client client(Reponses r) {
        return new ConsignationDepots.Client(r.texte("nom"), r.texte("prenoms"), r.texte("courriel"), r.texte("adresse"),
                r.texte("complement_adresse"), r.texte("code_postal"), r.texte("commune"));
    }

    /** The client's département from their postal code (the company's when it matches, e.g. Corsica's 20…). */
    private String departement(String codePostal, Entreprise entreprise) {
        if (!CodePostal.aLeBonFormat(codePostal)) {
            return entreprise.codeDepartement();
        }
        CodePostal cp = new CodePostal(codePostal);
        if (cp.correspondAuDepartement(entreprise.codeDepartement())) {
            return entreprise.codeDepartement();
        }
        return departements.tous().stream().map(d -> d.code()).filter(cp::correspondAuDepartement).findFirst()
                .orElse(entreprise.codeDepartement());
    }
}
