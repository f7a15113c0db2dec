package fr.gouv.guichet.immatriculation.externe;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** {@link ProductionCertificats} over HTTP: {@code POST /v1/certificats} (idempotent by dossier), {@code GET /v1/commandes/{numero}}. */
public class ClientHttpProductionCertificats extends ClientHttp implements ProductionCertificats {

    public ClientHttpProductionCertificats(Supplier<String> adresse, Duration delai) {
        super("Le service de production des certificats", adresse, delai);
    }

    @Override
    public String commander(Commande c) {
        Map<String, Object> corps = new LinkedHashMap<>();
        corps.put("dossier", c.dossier());
        corps.put("immatriculation", c.immatriculation());
        corps.put("nom", c.titulaire());
        corps.put("adresse", c.adresse());
        corps.put("codePostal", c.codePostal());
        corps.put("commune", c.commune());
        return texte(envoyer("/v1/certificats", corps, "certificat-" + c.dossier()), "numeroCommande");
    }

    @Override
    public Suivi suivre(String numeroCommande) {
        if (!numeroCommande.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("Numéro de commande invalide");
        }
        Map<String, Object> r = lire("/v1/commandes/" + numeroCommande);
        boolean expedie = "EXPEDIE".equals(r.get("etape"));
        return new Suivi(texte(r, "numeroCommande"), expedie, expedie ? texte(r, "numeroSuivi") : null,
                expedie ? LocalDate.parse(texte(r, "expedieLe")) : null, LocalDate.parse(texte(r, "livraisonPrevueLe")));
    }
}
