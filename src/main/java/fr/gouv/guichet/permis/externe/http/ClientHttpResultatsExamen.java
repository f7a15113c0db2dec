package fr.gouv.guichet.permis.externe.http;

import fr.gouv.guichet.permis.CategoriePermis;
import fr.gouv.guichet.permis.Neph;
import fr.gouv.guichet.permis.externe.DossierCandidat;
import fr.gouv.guichet.permis.externe.Refus;
import fr.gouv.guichet.permis.externe.RefusServiceExterneException;
import fr.gouv.guichet.permis.externe.ResultatsExamen;
import fr.gouv.guichet.externe.ReglagesServiceExterne;
import fr.gouv.guichet.permis.externe.ServiceExterne;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** {@link ResultatsExamen} over HTTP: {@code GET /v1/candidats/{neph}}. */
public class ClientHttpResultatsExamen extends ClientHttpPermis implements ResultatsExamen {

    public ClientHttpResultatsExamen(ReglagesServiceExterne reglages, Supplier<String> adresse) {
        super(ServiceExterne.EXAMENS, reglages, adresse);
    }

    @Override
    public Optional<DossierCandidat> candidat(Neph neph) {
        try {
            return Optional.of(lire("/v1/candidats/" + neph.valeur(), r -> new DossierCandidat(new Neph(texte(r, "neph")),
                    texte(r, "nom"), texte(r, "prenoms"), LocalDate.parse(texte(r, "dateNaissance")), reussites(r))));
        } catch (RefusServiceExterneException e) {
            if (e.refus() == Refus.NEPH_INCONNU) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private List<DossierCandidat.Reussite> reussites(Map<String, Object> r) {
        if (!(r.get("reussites") instanceof List<?> liste)) {
            throw new IllegalArgumentException("reussites absent");
        }
        return liste.stream().map(e -> (Map<?, ?>) e).map(e -> new DossierCandidat.Reussite(
                CategoriePermis.valueOf((String) e.get("categorie")), LocalDate.parse((String) e.get("date")))).toList();
    }
}
