package fr.gouv.guichet.demarche;

import fr.gouv.guichet.formulaire.DefinitionFormulaire;
import fr.gouv.guichet.formulaire.PieceAttendue;
import fr.gouv.guichet.formulaire.Reponses;

import java.util.List;

/** The documents a procedure's dossier must come with, derived from its answers: each procedure declares its rule. */
@FunctionalInterface
public interface PiecesDemandees {

    /** A procedure whose form lists no document to attach. */
    PiecesDemandees AUCUNE = (definition, reponses) -> List.of();

    List<PieceAttendue> pour(DefinitionFormulaire definition, Reponses reponses);

    /**
     * What the usager's page adds after the list, in the procedure's own words (the official notice that lists the
     * documents, another way to bring them), or empty.
     */
    default String precisions() {
        return "";
    }

    /** These documents, with the procedure's words added after the list on the usager's page. */
    static PiecesDemandees avecPrecisions(PiecesDemandees pieces, String precisions) {
        return new PiecesDemandees() {
            @Override
            public List<PieceAttendue> pour(DefinitionFormulaire definition, Reponses reponses) {
                return pieces.pour(definition, reponses);
            }

            @Override
            public String precisions() {
                return precisions;
            }
        };
    }
}
