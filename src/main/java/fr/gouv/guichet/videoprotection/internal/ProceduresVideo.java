package fr.gouv.guichet.videoprotection.internal;

import fr.gouv.guichet.compte.EntreeEspaceUsager;
import fr.gouv.guichet.demarche.Procedure;
import fr.gouv.guichet.demarche.TypeDocument;
import fr.gouv.guichet.socle.EntreeCatalogue;
import fr.gouv.guichet.videoprotection.DocumentsVideoprotection;
import fr.gouv.guichet.videoprotection.DemarcheVideo;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Declares the videoprotection procedures and their entry in the usager's space. */
@Configuration(proxyBeanMethods = false)
class ProceduresVideo {

    @Bean
    Procedure procedureVideoAutorisation() {
        return DemarcheVideo.AUTORISATION.procedure();
    }

    @Bean
    Procedure procedureVideoModification() {
        return DemarcheVideo.MODIFICATION.procedure();
    }

    @Bean
    Procedure procedureVideoRenouvellement() {
        return DemarcheVideo.RENOUVELLEMENT.procedure();
    }

    @Bean
    Procedure procedureVideoBanque() {
        return DemarcheVideo.BANQUE.procedure();
    }

    @Bean
    TypeDocument documentArrete() {
        return DocumentsVideoprotection.ARRETE;
    }

    @Bean
    TypeDocument documentArreteProvisoire() {
        return DocumentsVideoprotection.ARRETE_PROVISOIRE;
    }

    @Bean
    TypeDocument documentRefus() {
        return DocumentsVideoprotection.REFUS;
    }

    @Bean
    EntreeCatalogue catalogueVideoprotection() {
        return new EntreeCatalogue("Vidéoprotection", "Demande d’autorisation d’un système de vidéoprotection",
                "Commerce, banque, mairie, transporteur : demandez à la préfecture du département d’installation "
                        + "l’autorisation d’installer un système, déclarez une modification ou demandez le renouvellement "
                        + "d’une autorisation (formulaires CERFA 13806 et 14095).", "/usager", 10);
    }

    @Bean
    EntreeEspaceUsager entreeVideoprotection() {
        return new EntreeEspaceUsager() {
            @Override
            public String titre() {
                return "Vidéoprotection";
            }

            @Override
            public String description() {
                return "Demander l’autorisation d’installer un système de vidéoprotection, déclarer une modification, "
                        + "demander un renouvellement (CERFA 13806, et 14095 pour les banques).";
            }

            @Override
            public String url() {
                return "/usager/videoprotection";
            }

            @Override
            public int ordre() {
                return 10;
            }
        };
    }
}
