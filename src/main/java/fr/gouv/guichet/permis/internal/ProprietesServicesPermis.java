package fr.gouv.guichet.permis.internal;

import fr.gouv.guichet.permis.externe.ServiceExterne;
import fr.gouv.guichet.externe.ReglagesServiceExterne;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code guichet.permis.services.{ephoto,examens,production}.*}: one {@link ReglagesServiceExterne} each. */
@ConfigurationProperties("guichet.permis.services")
record ProprietesServicesPermis(@DefaultValue ReglagesServiceExterne ephoto,
                                @DefaultValue ReglagesServiceExterne examens,
                                @DefaultValue ReglagesServiceExterne production) {

    ReglagesServiceExterne de(ServiceExterne service) {
        return switch (service) {
            case PHOTOS -> ephoto;
            case EXAMENS -> examens;
            case PRODUCTION -> production;
        };
    }
}
