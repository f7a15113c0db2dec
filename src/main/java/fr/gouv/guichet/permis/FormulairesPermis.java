package fr.gouv.guichet.permis;

import fr.gouv.guichet.formulaire.CatalogueFormulaires;
import fr.gouv.guichet.formulaire.DefinitionFormulaire;
import fr.gouv.guichet.formulaire.DefinitionFormulaireInvalideException;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * The versioned form definitions of the licence procedures, read from {@value #EMPLACEMENT} and checked by the
 * form engine's own checker (through {@link CatalogueFormulaires}) when the application starts. They live apart
 * from the catalogue of {@code classpath:formulaires/*.json} until the platform (issue 12, part A) lets a feature
 * declare its procedures; this class is not a {@link CatalogueFormulaires} bean, so the existing one stays unique.
 */
@Component
public class FormulairesPermis {

    public static final String EMPLACEMENT = "classpath*:formulaires/permis/*.json";

    private final CatalogueFormulaires catalogue;

    @org.springframework.beans.factory.annotation.Autowired
    public FormulairesPermis() {
        this(CatalogueFormulaires.chargerDepuisClasspath(EMPLACEMENT));
    }

    /** Every procedure has a definition, and every definition belongs to a procedure. */
    FormulairesPermis(CatalogueFormulaires catalogue) {
        for (DemarchePermis demarche : DemarchePermis.values()) {
            if (catalogue.versions(demarche.formulaire()).isEmpty()) {
                throw new DefinitionFormulaireInvalideException("Aucune définition de formulaire « " + demarche.formulaire()
                        + " » pour la démarche « " + demarche.libelle() + " » sous " + EMPLACEMENT);
            }
        }
        for (String id : catalogue.identifiants()) {
            if (DemarchePermis.depuisFormulaire(id).isEmpty()) {
                throw new DefinitionFormulaireInvalideException("Le formulaire « " + id + " » ne correspond à aucune "
                        + "démarche du permis (DemarchePermis)");
            }
        }
        this.catalogue = catalogue;
    }

    /** The version new dossiers of this procedure start on. */
    public DefinitionFormulaire derniereVersion(DemarchePermis demarche) {
        return catalogue.derniereVersion(demarche.formulaire());
    }

    /** The version a dossier was started on. */
    public Optional<DefinitionFormulaire> trouver(String id, String version) {
        return catalogue.trouver(id, version);
    }

    public List<String> versions(DemarchePermis demarche) {
        return catalogue.versions(demarche.formulaire());
    }
}
