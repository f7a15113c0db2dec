package fr.gouv.guichet.compte.web;

import fr.gouv.guichet.compte.UsagerCourant;
import fr.gouv.guichet.referentiel.Departement;
import fr.gouv.guichet.referentiel.Departements;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in usager (address and chosen préfecture) in every page's header. */
@ControllerAdvice
class UsagerConnecteAdvice {

    /** @param prefecture e.g. "Préfecture du Var — Var (83)", or null before the choice */
    public record UsagerConnecte(@Nullable String email, @Nullable String prefecture) {
    }

    private final UsagerCourant usagerCourant;
    private final Departements departements;

    UsagerConnecteAdvice(UsagerCourant usagerCourant, Departements departements) {
        this.usagerCourant = usagerCourant;
        this.departements = departements;
    }

    @ModelAttribute("usagerConnecte")
    @Nullable
    UsagerConnecte usagerConnecte() {
        return usagerCourant.profil().map(p -> new UsagerConnecte(p.email(),
                p.codeDepartement() == null ? null : departements.parCode(p.codeDepartement())
                        .map(UsagerConnecteAdvice::libelle).orElse(null))).orElse(null);
    }

    private static String libelle(Departement d) {
        return d.libellePrefecture() + " — " + d.libelle();
    }
}
