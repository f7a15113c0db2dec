package fr.gouv.guichet.permis.externe;

import fr.gouv.guichet.permis.CategoriePermis;
import fr.gouv.guichet.permis.CodeEphoto;
import fr.gouv.guichet.permis.Neph;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What the production service needs to make a title: the holder, the categories, the photo and signature (by
 * their ePhoto code) and the delivery address.
 */
public record DemandeFabrication(ReferenceDossier dossier, Neph neph, String nom, String prenoms,
                                 LocalDate dateNaissance, String lieuNaissance, Set<CategoriePermis> categories,
                                 CodeEphoto ephoto, List<String> adresse, String codePostal, String commune) {

    public DemandeFabrication {
        categories = Set.copyOf(categories);
        adresse = List.copyOf(adresse);
        if (categories.isEmpty()) {
            throw new IllegalArgumentException("Une demande de fabrication porte au moins une catégorie");
        }
        if (adresse.isEmpty() || adresse.size() > 4) {
            throw new IllegalArgumentException("Adresse de livraison : 1 à 4 lignes");
        }
    }
}
