package fr.gouv.guichet.permis.externe.http;

import fr.gouv.guichet.permis.NumeroTimbre;
import fr.gouv.guichet.permis.externe.EtatTimbre;
import fr.gouv.guichet.permis.externe.ReferenceDossier;
import fr.gouv.guichet.permis.externe.ServiceExterne;
import fr.gouv.guichet.permis.externe.ServiceTimbres;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@link ServiceTimbres} over HTTP: {@code GET /v1/timbres/{numero}} and {@code POST /v1/timbres/{numero}/reservation},
 * {@code /consommation}, {@code /liberation} with {@code {"dossier": …}}.
 */
public class ClientHttpTimbres extends ClientHttpServiceExterne implements ServiceTimbres {

    public ClientHttpTimbres(ReglagesServiceExterne reglages, Supplier<String> adresse) {
        super(ServiceExterne.TIMBRES, reglages, adresse);
    }

    @Override
    public EtatTimbre verifier(NumeroTimbre numero) {
        return lire("/v1/timbres/" + numero.valeur(), this::etat);
    }

    @Override
    public EtatTimbre reserver(NumeroTimbre numero, ReferenceDossier dossier) {
        return changer(numero, "reservation", dossier);
    }

    @Override
    public EtatTimbre consommer(NumeroTimbre numero, ReferenceDossier dossier) {
        return changer(numero, "consommation", dossier);
    }

    @Override
    public EtatTimbre liberer(NumeroTimbre numero, ReferenceDossier dossier) {
        return changer(numero, "liberation", dossier);
    }

    private EtatTimbre changer(NumeroTimbre numero, String operation, ReferenceDossier dossier) {
        return modifier("/v1/timbres/" + numero.valeur() + "/" + operation, Map.of("dossier", dossier.valeur()), this::etat);
    }

    private EtatTimbre etat(Map<String, Object> r) {
        String dossier = texteFacultatif(r, "dossier");
        return new EtatTimbre(new NumeroTimbre(texte(r, "numero")), EtatTimbre.StatutTimbre.valueOf(texte(r, "statut")),
                new BigDecimal(texte(r, "montant")), LocalDate.parse(texte(r, "dateAchat")),
                LocalDate.parse(texte(r, "valableJusquau")), dossier == null ? null : new ReferenceDossier(dossier));
    }
}
