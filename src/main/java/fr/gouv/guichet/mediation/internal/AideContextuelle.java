package fr.gouv.guichet.mediation.internal;

import fr.gouv.guichet.compte.UsagerCourant;
import fr.gouv.guichet.demarche.DemandePieces;
import fr.gouv.guichet.demarche.Dossier;
import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.demarche.InstructionDossiers;
import fr.gouv.guichet.demarche.Procedures;
import fr.gouv.guichet.referentiel.Departement;
import fr.gouv.guichet.referentiel.Departements;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The "J'ai besoin d'aide" page of any page: what the page is for, the FAQ of the procedure at hand, who instructs the
 * dossier and how to reach them (only for the usager who owns it), the nearest help places, the ways out of blocked
 * states.
 */
@Service
public class AideContextuelle {

    /** Only a plain local path is kept (no scheme, no host, no query): the help page links back to it. */
    private static final Pattern CHEMIN = Pattern.compile("^/(?!/)[A-Za-z0-9/_.\\-]{0,199}$");
    static final int LIEUX_PROCHES = 3;
    static final int RAYON_KM = 50;

    /** The dossier the page is about, as its owner may see it. */
    public record DossierConcerne(long id, String numero, String demarche, CoordonneesService.@Nullable Coordonnees service,
                                  @Nullable DemandePieces demandePieces) {
    }

    public record Aide(@Nullable String depuis, PagesDecrites.Page page, List<QuestionsFrequentes.Rubrique> rubriques,
                       @Nullable DossierConcerne dossier, @Nullable Departement departement,
                       List<RechercheLieux.Resultat> lieux, List<Blocages.Blocage> blocages) {
    }

    private final QuestionsFrequentes faq;
    private final CoordonneesService coordonnees;
    private final UsagerCourant usagerCourant;
    private final Dossiers dossiers;
    private final InstructionDossiers instruction;
    private final Procedures procedures;
    private final Departements departements;
    private final RechercheLieux recherche;
    private final Clock horloge;

    AideContextuelle(QuestionsFrequentes faq, CoordonneesService coordonnees, UsagerCourant usagerCourant,
                     Dossiers dossiers, InstructionDossiers instruction,
                     Procedures procedures, Departements departements, RechercheLieux recherche, Clock horloge) {
        this.faq = faq;
        this.coordonnees = coordonnees;
        this.usagerCourant = usagerCourant;
        this.dossiers = dossiers;
        this.instruction = instruction;
        this.procedures = procedures;
        this.departements = departements;
        this.recherche = recherche;
        this.horloge = horloge;
    }

    /** A path from the request, if it is a plain local path; anything else is ignored. */
    public static @Nullable String cheminValide(@Nullable String depuis) {
        return depuis != null && CHEMIN.matcher(depuis).matches() ? depuis : null;
    }

    public Aide pour(@Nullable String saisi) {
        String depuis = cheminValide(saisi);
        String chemin = depuis == null ? "/" : depuis;
        var usager = usagerCourant.profil();
        DossierConcerne dossier = null;
        Departement departement = null;
        var id = PagesDecrites.dossierUsager(chemin);
        if (id.isPresent() && usager.isPresent()) {
            // Only the owner learns anything of a dossier: someone else's number is treated as no dossier at all.
            Optional<Dossier> d = dossiers.deLUsager(id.getAsLong(), usager.get().id());
            if (d.isPresent()) {
                dossier = concerne(d.get());
                departement = departements.parCode(d.get().codeDepartement()).orElse(null);
            }
        }
        if (departement == null && usager.isPresent() && usager.get().codeDepartement() != null) {
            departement = departements.parCode(usager.get().codeDepartement()).orElse(null);
        }
        List<QuestionsFrequentes.Rubrique> rubriques = new ArrayList<>();
        faq.deLaDemarche(dossier == null ? null : dossier.numero(), chemin).ifPresent(rubriques::add);
        faq.rubrique(QuestionsFrequentes.COMPTE).ifPresent(rubriques::add);
        return new Aide(depuis, PagesDecrites.pour(chemin), List.copyOf(rubriques), dossier, departement,
                departement == null ? List.of() : lieuxProches(departement), Blocages.pour(chemin));
    }

    public List<QuestionsFrequentes.Rubrique> toutesLesQuestions() {
        return faq.toutes();
    }

    private DossierConcerne concerne(Dossier d) {
        String numero = d.numero() == null ? "brouillon" : d.numero();
        return new DossierConcerne(d.id(), numero, procedures.get(d.demarche()).libelle(),
                coordonnees.duServiceInstructeur(d.id()).orElse(null),
                d.numero() == null ? null : instruction.derniereDemandePieces(d.id()).orElse(null));
    }

    /** The nearest places around the département's chef-lieu (the usager's own commune is asked on the page). */
    private List<RechercheLieux.Resultat> lieuxProches(Departement departement) {
        var reponse = recherche.rechercher(new CritereRecherche(departement.chefLieu(), RAYON_KM, false, null, null, Set.of(), null),
                LocalDateTime.now(horloge.withZone(RechercheLieux.PARIS)));
        return reponse instanceof RechercheLieux.Trouves t ? t.resultats().stream().limit(LIEUX_PROCHES).toList() : List.of();
    }
}
