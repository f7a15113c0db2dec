package fr.gouv.guichet.permis.internal;

import fr.gouv.guichet.compte.EntreeEspaceUsager;
import fr.gouv.guichet.demarche.Procedure;
import fr.gouv.guichet.permis.DemarchePermis;
import fr.gouv.guichet.permis.FormulairesPermis;
import fr.gouv.guichet.permis.PiecesPermis;
import fr.gouv.guichet.socle.EntreeCatalogue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.beans.factory.BeanRegistrar;
import org.springframework.beans.factory.BeanRegistry;
import org.springframework.core.env.Environment;

/**
 * Declares the driving licence procedures, each with its form, its lifecycle, its family in the competence table
 * and its documents; their entry in the usager's space and in the public catalogue.
 */
@Configuration(proxyBeanMethods = false)
@Import(ProceduresPermis.Enregistrement.class)
class ProceduresPermis {

    /** One {@link Procedure} bean per {@link DemarchePermis}, named {@code procedurePC_<DEMARCHE>}. */
    static final class Enregistrement implements BeanRegistrar {
        @Override
        public void register(BeanRegistry registry, Environment env) {
            for (DemarchePermis demarche : DemarchePermis.values()) {
                registry.registerBean("procedure" + demarche.code(), Procedure.class,
                        spec -> spec.supplier(contexte -> procedure(demarche, contexte.bean(FormulairesPermis.class))));
            }
        }
    }

    static Procedure procedure(DemarchePermis demarche, FormulairesPermis formulaires) {
        return new Procedure(demarche.code(), demarche.libelle(), DemarchePermis.PREFIXE, demarche.formulaire(),
                formulaires.derniereVersion(demarche).cerfa(), demarche.famille(), demarche.cycle(), PiecesPermis.regle(demarche));
    }

    static final String TITRE = "Permis de conduire";
    static final String DESCRIPTION = "Inscription à l’examen (NEPH), titre après réussite, perte, vol, détérioration, "
            + "renouvellement, changement d’état civil, échange d’un permis étranger, permis international.";

    /** The decision refusing a request, checked publicly by its code like the préfet's acts. */
    @Bean
    fr.gouv.guichet.demarche.TypeDocument documentRefusPermis() {
        return DecisionRefusPermis.DOCUMENT;
    }

    @Bean
    EntreeEspaceUsager entreePermis() {
        return new EntreeEspaceUsager() {
            @Override
            public String titre() {
                return TITRE;
            }

            @Override
            public String description() {
                return DESCRIPTION;
            }

            @Override
            public String url() {
                return "/usager/permis";
            }

            @Override
            public int ordre() {
                return 20;
            }
        };
    }

    @Bean
    EntreeCatalogue cataloguePermis() {
        return new EntreeCatalogue("Titres", TITRE, DESCRIPTION, "/usager/permis", 20);
    }
}
