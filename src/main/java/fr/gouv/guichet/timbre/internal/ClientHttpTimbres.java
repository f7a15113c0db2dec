package fr.gouv.guichet.timbre.internal;

import fr.gouv.guichet.externe.ClientHttpServiceExterne;
import fr.gouv.guichet.externe.ReglagesServiceExterne;
import fr.gouv.guichet.timbre.EtatTimbre;
import fr.gouv.guichet.timbre.NumeroTimbre;
import fr.gouv.guichet.timbre.RefusTimbre;
import fr.gouv.guichet.timbre.ServiceTimbres;
import fr.gouv.guichet.timbre.TimbreRefuseException;
import org.jspecify.annotations.Nullable;

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
        super(SYSTEME, reglages, adresse);
    }

    @Override
    public EtatTimbre verifier(NumeroTimbre numero) {
        return lire("/v1/timbres/" + numero.valeur(), this::etat);
    }

    @Override
    public EtatTimbre reserver(NumeroTimbre numero, String dossier) {
        return changer(numero, "reservation", dossier);
    }

    @Override
    public EtatTimbre consommer(NumeroTimbre numero, String dossier) {
        return changer(numero, "consommation", dossier);
    }

    @Override
    public EtatTimbre liberer(NumeroTimbre numero, String dossier) {
        return changer(numero, "liberation", dossier);
    }

    @Override
    protected @Nullable RuntimeException refus(String codeErreur) {
        return RefusTimbre.depuisCode(codeErreur).map(TimbreRefuseException::new).orElse(null);
    }

    @Override
    protected RuntimeException demandeInvalide() {
        return new TimbreRefuseException(RefusTimbre.DEMANDE_INVALIDE);
    }

    private EtatTimbre changer(NumeroTimbre numero, String operation, String dossier) {
        return modifier("/v1/timbres/" + numero.valeur() + "/" + operation, Map.of("dossier", dossier), this::etat);
    }

    private EtatTimbre etat(Map<String, Object> r) {
        return new EtatTimbre(new NumeroTimbre(texte(r, "numero")), EtatTimbre.StatutTimbre.valueOf(texte(r, "statut")),
                new BigDecimal(texte(r, "montant")), LocalDate.parse(texte(r, "dateAchat")),
                LocalDate.parse(texte(r, "valableJusquau")), texteFacultatif(r, "dossier"));
    }
}
