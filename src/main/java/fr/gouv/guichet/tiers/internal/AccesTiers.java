package fr.gouv.guichet.tiers.internal;

import fr.gouv.guichet.compte.ProfilUsager;
import fr.gouv.guichet.compte.UsagerCourant;
import fr.gouv.guichet.demarche.DossierIntrouvable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The one place that decides what a professional may see and do: a signed-in usager acts for the company they are a
 * collaborator of, and only for it; a deposit is reached only by its company's collaborators (404 for anyone else,
 * another company or the client alike: the client follows their dossier through their own space or their link); a
 * suspended, withdrawn or terminated company reads but no longer files (403), nor files a procedure outside its
 * habilitated activities (403); only the manager invites or removes collaborators and ends the convention.
 */
@Component
public class AccesTiers {

    private final UsagerCourant usagerCourant;
    private final EntrepriseRepository entreprises;
    private final DepotRepository depots;
    private final Resiliations resiliations;
    private final ProceduresOuvertes ouvertes;

    AccesTiers(UsagerCourant usagerCourant, EntrepriseRepository entreprises, DepotRepository depots, Resiliations resiliations,
               ProceduresOuvertes ouvertes) {
        this.usagerCourant = usagerCourant;
        this.resiliations = resiliations;
        this.ouvertes = ouvertes;
        this.entreprises = entreprises;
        this.depots = depots;
    }

    /** Refused: the company is suspended or withdrawn, or the procedure is not among its habilitated activities. */
    @ResponseStatus(HttpStatus.FORBIDDEN)
    public static class DepotInterdit extends RuntimeException {
        public DepotInterdit(String message) {
            super(message);
        }
    }

    public ProfilUsager usager() {
        return usagerCourant.exiger();
    }

    /** The signed-in usager's company, or 404 when they act for none. */
    public Entreprise entreprise() {
        return resiliations.cloreSiEchue(entreprises.duCollaborateur(usager().id()).orElseThrow(DossierIntrouvable::new));
    }

    /** Whether the signed-in usager acts for a company (to offer the professional space). */
    public boolean estCollaborateur() {
        return usagerCourant.profil().flatMap(p -> entreprises.duCollaborateur(p.id())).isPresent();
    }

    /** The company, if it may file now. @throws DepotInterdit when it is suspended or withdrawn */
    public Entreprise entreprisePourDeposer() {
        Entreprise entreprise = entreprise();
        if (!entreprise.peutDeposer()) {
            throw new DepotInterdit("L’habilitation de " + entreprise.raisonSociale() + " est "
                    + entreprise.statut().libelle().toLowerCase(java.util.Locale.ROOT)
                    + " : vous pouvez consulter vos dossiers mais plus en déposer.");
        }
        return entreprise;
    }

    /**
     * The company, if it may file this procedure now: not suspended, withdrawn or terminated, and the procedure among
     * those its habilitated activities open. @throws DepotInterdit otherwise
     */
    public Entreprise entreprisePourDeposer(String procedure) {
        Entreprise entreprise = entreprisePourDeposer();
        if (!ouvertes.ouverte(entreprise, procedure)) {
            throw new DepotInterdit("Cette démarche n’est pas ouverte à vos activités habilitées.");
        }
        return entreprise;
    }

    /** The company, if the signed-in usager is its manager. */
    public Entreprise entreprisePourGerer() {
        Entreprise entreprise = entreprise();
        if (!entreprises.role(usager().id()).map("GERANT"::equals).orElse(false)) {
            throw new DossierIntrouvable();
        }
        return entreprise;
    }

    /** A deposit of the signed-in usager's company, or 404. */
    public Depot depot(long id) {
        Entreprise entreprise = entreprise();
        return depots.parId(id).filter(d -> d.entreprise() == entreprise.id()).orElseThrow(DossierIntrouvable::new);
    }
}
