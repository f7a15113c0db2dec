package fr.gouv.guichet.permis.externe.http;

import fr.gouv.guichet.externe.ClientHttpServiceExterne;
import fr.gouv.guichet.externe.ReglagesServiceExterne;
import fr.gouv.guichet.permis.externe.Refus;
import fr.gouv.guichet.permis.externe.RefusServiceExterneException;
import fr.gouv.guichet.permis.externe.ServiceExterne;
import org.jspecify.annotations.Nullable;

import java.util.function.Supplier;

/** The transport of {@code externe}, its refusals read as the licence's {@link Refus}. */
public abstract class ClientHttpPermis extends ClientHttpServiceExterne {

    private final ServiceExterne systeme;

    protected ClientHttpPermis(ServiceExterne systeme, ReglagesServiceExterne reglages, Supplier<String> adresse) {
        super(systeme, reglages, adresse);
        this.systeme = systeme;
    }

    @Override
    protected @Nullable RuntimeException refus(String codeErreur) {
        return Refus.depuisCode(codeErreur).map(r -> new RefusServiceExterneException(systeme, r)).orElse(null);
    }

    @Override
    protected RuntimeException demandeInvalide() {
        return new RefusServiceExterneException(systeme, Refus.DEMANDE_INVALIDE);
    }
}
