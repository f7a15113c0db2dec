package fr.gouv.guichet.permis.externe;

import fr.gouv.guichet.permis.CategoriePermis;
import fr.gouv.guichet.permis.Neph;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** A candidate of the driving test as the examination results know them, for the CERT to compare with the dossier. */
public record DossierCandidat(Neph neph, String nom, String prenoms, LocalDate dateNaissance, List<Reussite> reussites) {

    public DossierCandidat {
        reussites = List.copyOf(reussites);
    }

    /** One category passed on one date. */
    public record Reussite(CategoriePermis categorie, LocalDate date) {
    }

    /** The date this category was passed, or empty. */
    public Optional<LocalDate> reussiteLe(CategoriePermis categorie) {
        return reussites.stream().filter(r -> r.categorie() == categorie).map(Reussite::date).findFirst();
    }
}
