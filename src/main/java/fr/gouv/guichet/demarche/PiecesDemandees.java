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
}
