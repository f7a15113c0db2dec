package fr.gouv.guichet.permis.externe.http;

import fr.gouv.guichet.permis.CategoriePermis;
import fr.gouv.guichet.permis.externe.CommandeTitre;
import fr.gouv.guichet.permis.externe.DemandeFabrication;
import fr.gouv.guichet.permis.externe.ProductionTitres;
import fr.gouv.guichet.permis.externe.ReferenceDossier;
import fr.gouv.guichet.externe.ReglagesServiceExterne;
import fr.gouv.guichet.permis.externe.ServiceExterne;
import fr.gouv.guichet.permis.externe.SuiviTitre;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** {@link ProductionTitres} over HTTP: {@code POST /v1/commandes}, {@code GET /v1/commandes/{numero}}. */
public class ClientHttpProductionTitres extends ClientHttpPermis implements ProductionTitres {

    public ClientHttpProductionTitres(ReglagesServiceExterne reglages, Supplier<String> adresse) {
        super(ServiceExterne.PRODUCTION, reglages, adresse);
    }

    @Override
    public CommandeTitre commander(DemandeFabrication d) {
        Map<String, Object> corps = new LinkedHashMap<>();
        corps.put("dossier", d.dossier().valeur());
        corps.put("neph", d.neph().valeur());
        corps.put("nom", d.nom());
        corps.put("prenoms", d.prenoms());
        corps.put("dateNaissance", d.dateNaissance().toString());
        corps.put("lieuNaissance", d.lieuNaissance());
        corps.put("categories", d.categories().stream().map(CategoriePermis::name).sorted().toList());
        corps.put("ephoto", d.ephoto().valeur());
        corps.put("adresse", d.adresse());
        corps.put("codePostal", d.codePostal());
        corps.put("commune", d.commune());
        return modifier("/v1/commandes", corps, r -> new CommandeTitre(texte(r, "numeroCommande"),
                new ReferenceDossier(texte(r, "dossier")), LocalDate.parse(texte(r, "productionPrevueLe"))));
    }

    @Override
    public SuiviTitre suivre(String numeroCommande) {
        if (!numeroCommande.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("Numéro de commande invalide : " + numeroCommande);
        }
        return lire("/v1/commandes/" + numeroCommande, r -> {
            String expedieLe = texteFacultatif(r, "expedieLe");
            return new SuiviTitre(texte(r, "numeroCommande"), SuiviTitre.Etape.valueOf(texte(r, "etape")),
                    texteFacultatif(r, "numeroSuivi"), expedieLe == null ? null : LocalDate.parse(expedieLe),
                    LocalDate.parse(texte(r, "livraisonPrevueLe")));
        });
    }
}
