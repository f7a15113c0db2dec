package fr.gouv.guichet.tiers.internal;

import fr.gouv.guichet.demarche.Procedure;
import fr.gouv.guichet.formulaire.CatalogueFormulaires;
import fr.gouv.guichet.formulaire.PieceAttendue;
import fr.gouv.guichet.tiers.CycleHabilitation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.ArrayList;
import java.util.List;

/**
 * Declares the request for habilitation of a trusted third party as a procedure of the platform: its form
 * ({@value #FORMULAIRE}, generic pages of {@code demarche}), its lifecycle ({@link CycleHabilitation}), its family in
 * the competence table (the préfecture of the premises' département) and the documents it must come with.
 */
@Configuration(proxyBeanMethods = false)
class ProceduresTiers {

    static final String FORMULAIRE = "tiers-habilitation";
    static final String PREFIXE = "TC";

    @Bean
    Procedure procedureHabilitationTiers(CatalogueFormulaires catalogue) {
        return new Procedure(CycleHabilitation.PROCEDURE, "Habilitation d’un tiers de confiance (professionnel de l’automobile, "
                + "auto-école agréée)", PREFIXE, FORMULAIRE, catalogue.derniereVersion(FORMULAIRE).cerfa(), CycleHabilitation.FAMILLE,
                CycleHabilitation.CYCLE, (definition, reponses) -> pieces(reponses.texte("type_tiers")));
    }

    /** K-bis, the manager's identity document and criminal record (bulletin n° 2), the approval of a driving school. */
    static List<PieceAttendue> pieces(String typeTiers) {
        List<PieceAttendue> pieces = new ArrayList<>(List.of(
                new PieceAttendue("kbis", "Extrait K-bis de moins de 3 mois",
                        "L’extrait d’immatriculation au registre du commerce, où figurent vos activités."),
                new PieceAttendue("identite_gerant", "Pièce d’identité du gérant", "Carte nationale d’identité ou passeport en cours de validité."),
                new PieceAttendue("casier_b2", "Bulletin n° 2 du casier judiciaire du gérant",
                        "Il doit être vierge (arrêté du 9 février 2009, article 18-1) ; la préfecture le demande elle-même si vous ne l’avez pas.")));
        if ("auto_ecole".equals(typeTiers)) {
            pieces.add(new PieceAttendue("agrement", "Arrêté préfectoral d’agrément de l’école de conduite",
                    "L’arrêté qui porte le numéro d’agrément indiqué dans la demande."));
        }
        return pieces;
    }
}
