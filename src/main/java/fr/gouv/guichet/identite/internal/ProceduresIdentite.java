package fr.gouv.guichet.identite.internal;

import fr.gouv.guichet.compte.EntreeEspaceUsager;
import fr.gouv.guichet.demarche.NumeroDossier;
import fr.gouv.guichet.demarche.PiecesDemandees;
import fr.gouv.guichet.demarche.Procedure;
import fr.gouv.guichet.demarche.SuiteDepot;
import fr.gouv.guichet.identite.CycleIdentite;
import fr.gouv.guichet.identite.PreDemande;
import fr.gouv.guichet.identite.TimbresIdentite;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Declares the pré-demande procedure, its entry in the usager's space and the page shown after its validation. */
@Configuration(proxyBeanMethods = false)
class ProceduresIdentite {

    static final String CODE = PreDemande.DEMARCHE;

    @Bean
    Procedure procedurePreDemande() {
        return new Procedure(CODE, "Pré-demande de carte d’identité ou de passeport", "ID", PreDemande.FORMULAIRE,
                "sans objet (pré-demande en ligne)", PreDemande.FAMILLE, CycleIdentite.PRE_DEMANDE, PiecesDemandees.AUCUNE);
    }

    @Bean
    TimbresIdentite timbresIdentite(fr.gouv.guichet.timbre.BaremeTimbres bareme) {
        return new TimbresIdentite(bareme);
    }

    @Bean
    SuiteDepot suitePreDemande() {
        return new SuiteDepot() {
            @Override
            public String demarche() {
                return CODE;
            }

            @Override
            public String page(long dossierId) {
                return "/usager/identite/dossiers/" + dossierId;
            }

            @Override
            public String message(NumeroDossier numero) {
                return "Votre pré-demande est validée. Notez son numéro ci-dessous (ou imprimez ce récapitulatif) puis prenez "
                        + "rendez-vous dans une mairie équipée.";
            }
        };
    }

    @Bean
    EntreeEspaceUsager entreeIdentite() {
        return new EntreeEspaceUsager() {
            @Override
            public String titre() {
                return "Carte d’identité et passeport";
            }

            @Override
            public String description() {
                return "Faire une pré-demande en ligne puis prendre rendez-vous dans n’importe quelle mairie équipée "
                        + "d’un dispositif de recueil.";
            }

            @Override
            public String url() {
                return "/usager/identite";
            }

            @Override
            public int ordre() {
                return 30;
            }
        };
    }
}
