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
    private final Usagers usagers;
    private final DepotRepository depots;
    private final InspecteurFichier inspecteur;
    private final StockageFichiers stockage;
    private final Departements departements;
    private final ControlesFraude controles;
    private final ApplicationEventPublisher evenements;
    private final TransactionTemplate transaction;
    private final Clock horloge;
    private final org.springframework.core.env.Environment env;

    DepotsPourClient(AccesTiers acces, ProceduresOuvertes ouvertes, Procedures procedures, CatalogueFormulaires catalogue,
                     MoteurValidation moteur, Dossiers dossiers, Usagers usagers, DepotRepository depots, InspecteurFichier inspecteur,
                     StockageFichiers stockage, Departements departements, ControlesFraude controles,
                     ApplicationEventPublisher evenements, TransactionTemplate transaction, Clock horloge, org.springframework.core.env.Environment env) {
        this.acces = acces;
        this.ouvertes = ouvertes;
        this.procedures = procedures;
        this.catalogue = catalogue;
        this.moteur = moteur;
        this.dossiers = dossiers;
        this.usagers = usagers;
        this.depots = depots;
        this.inspecteur = inspecteur;
        this.stockage = stockage;
        this.departements = departements;
        this.controles = controles;
        this.evenements = evenements;
        this.transaction = transaction;
        this.horloge = horloge;
        this.env = env;
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
        return catalogue.derniereVersion(procedures.get(procedure).formulaireId());
    }

    public Resultat deposer(Demande demande) {
        Entreprise entreprise = acces.entreprisePourDeposer();
        long collaborateur = acces.usager().id();
        DefinitionFormulaire definition = formulaire(demande.procedure());
        Reponses reponses = new Reponses(demande.reponses()).nettoyer(definition);
        String departement = departement(reponses.texte("code_postal"), entreprise);
        List<ErreurChamp> erreurs = new ArrayList<>(moteur.validerTout(definition, reponses,
                new ContexteValidation(departement, LocalDate.now(horloge))));
        FichierAccepte fichier = null;
        Mandat mandat = demande.mandat();
        if (mandat.signataire().isBlank() || mandat.signataire().length() > Mandat.SIGNATAIRE_MAX) {
            erreurs.add(new ErreurChamp(CHAMP_MANDAT, "Indiquez le nom du client qui signe le mandat (" + Mandat.SIGNATAIRE_MAX
                    + " caractères au plus)."));
        } else if (!mandat.signeALEcran()) {
            if (mandat.fichier() == null || mandat.fichier().length == 0) {
                erreurs.add(new ErreurChamp(CHAMP_MANDAT, "Joignez le mandat signé par le client (PDF, JPEG ou PNG), ou faites-le "
                        + "signer à l’écran."));
            } else {
                switch (inspecteur.inspecter(mandat.nomFichier(), mandat.fichier())) {
                    case FichierRefuse refus -> erreurs.add(new ErreurChamp(CHAMP_MANDAT, refus.message()));
                    case FichierAccepte accepte -> fichier = accepte;
                }
            }
        }
        if (!erreurs.isEmpty()) {
            return new Resultat(erreurs, null, null);
        }
        String cle = fichier == null ? null : stockage.enregistrer(new ByteArrayInputStream(Objects.requireNonNull(mandat.fichier())),
                inspecteur.tailleMax());
        FichierAccepte accepte = fichier;
        String jeton = Jetons.nouveau();
        try {
            return Objects.requireNonNull(transaction.execute(statut -> enregistrer(entreprise, collaborateur, demande, definition,
                    reponses, departement, accepte, cle, jeton)));
        } catch (RuntimeException e) {
            if (cle != null) {
                stockage.supprimer(cle);
            }
            throw e;
        }
    }

    private Resultat enregistrer(Entreprise entreprise, long collaborateur, Demande demande, DefinitionFormulaire definition,
                                 Reponses reponses, String departement, @Nullable FichierAccepte fichier, @Nullable String cle,
                                 String jeton) {
        Procedure procedure = procedures.get(demande.procedure());
        long dossier = dossiers.creerBrouillon(collaborateur, departement, procedure.code(), definition.id(), definition.version(),
                reponses.valeurs(), null, null);
        NumeroDossier numero = dossiers.deposer(dossier, collaborateur, UUID.randomUUID(), procedure.prefixeNumero(),
                lu -> moteur.validerTout(definition, new Reponses(lu.reponses()), new ContexteValidation(departement,
                        LocalDate.now(horloge))).isEmpty());
        Mandat mandat = demande.mandat();
        String empreinte;
        if (fichier != null && cle != null) {
            dossiers.ajouterPiece(dossier, collaborateur, "mandat", fichier.nomNettoye(), fichier.typeContenu().name(),
                    fichier.taille(), fichier.sha256(), cle);
            empreinte = fichier.sha256();
        } else {
            empreinte = Jetons.empreinte("mandat-ecran:" + dossier + ":" + mandat.signataire() + ":" + horloge.instant());
        }
        String email = reponses.texte("courriel").strip();
        dossiers.confier(dossier, collaborateur, usagers.activeParEmail(email).map(u -> u.id()).orElse(null));
        long depot = depots.enregistrer(entreprise.id(), collaborateur, dossier, procedure.code(), reponses.texte("nom").strip(),
                reponses.texte("prenoms").strip(), email, adresse(reponses), mandat.signeALEcran() ? "SIGNE_A_L_ECRAN" : "TELEVERSE",
                empreinte, cle, mandat.signataire().strip(), demande.lieu(), Jetons.empreinte(jeton), horloge.instant());
        evenements.publishEvent(new EvenementsTiers.DepotPourClient(depot, email, entreprise.raisonSociale(), numero.valeur(),
                procedure.libelle(), base() + "/tiers/depots/" + jeton));
        controles.apresDepot(entreprise, depots.parId(depot).orElseThrow());
        return new Resultat(List.of(), depot, numero.valeur());
    }

    /** The client's address, normalized (case, accents, punctuation, spaces) so that one address counts once. */
    static String adresse(Reponses r) {
        String brut = r.texte("adresse") + " " + r.texte("complement_adresse") + " " + r.texte("code_postal") + " " + r.texte("commune");
        String sansAccents = Normalizer.normalize(brut, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String adresse = sansAccents.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
        return adresse.length() > 400 ? adresse.substring(0, 400) : adresse;
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

    /** Read at use: the public address may depend on the port the server got. */
    private String base() {
        return env.getProperty("guichet.url-publique", "http://localhost:8080");
    }
}
