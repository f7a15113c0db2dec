package fr.gouv.guichet.tiers.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The public directory (seeds 001/002: the list of habilitated professionals is public): habilitated companies —
 * and suspended ones, whose habilitation still stands pending review — by name, commune or postal code, and kind.
 * Withdrawn ones are not listed. Only public facts are shown: name, commune, activities.
 */
@Service
public class Annuaire {

    public static final int LIMITE = 100;
    public static final int LONGUEUR_MAX = 100;

    public record Fiche(String nom, String commune, String codePostal, String type, List<String> activites) {
    }

    public record Recherche(String texte, @Nullable String type, List<Fiche> fiches, boolean tronquee) {
    }

    private final EntrepriseRepository entreprises;

    Annuaire(EntrepriseRepository entreprises) {
        this.entreprises = entreprises;
    }

    public Recherche rechercher(String saisie, String type) {
        String texte = saisie.strip();
        if (texte.length() > LONGUEUR_MAX) {
            texte = texte.substring(0, LONGUEUR_MAX);
        }
        TypeTiers choisi = Arrays.stream(TypeTiers.values()).filter(t -> t.name().equals(type)).findFirst().orElse(null);
        List<Entreprise> trouvees = entreprises.annuaire(texte, choisi, LIMITE + 1);
        List<Fiche> fiches = trouvees.stream().limit(LIMITE).map(e -> new Fiche(e.raisonSociale(), e.commune(), e.codePostal(),
                e.type().libelle(), e.libellesActivites())).toList();
        return new Recherche(texte, choisi == null ? null : choisi.name(), fiches, trouvees.size() > LIMITE);
    }

    public Map<String, String> types() {
        return Arrays.stream(TypeTiers.values()).collect(Collectors.toMap(Enum::name, TypeTiers::libelle, (a, b) -> a,
                java.util.LinkedHashMap::new));
    }
}
