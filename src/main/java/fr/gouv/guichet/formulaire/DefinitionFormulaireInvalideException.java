package fr.gouv.guichet.formulaire;

/** A form definition file cannot be read or breaks a rule of the engine (raised when the catalogue loads). */
public class DefinitionFormulaireInvalideException extends RuntimeException {

    public DefinitionFormulaireInvalideException(String message) {
        super(message);
    }

    public DefinitionFormulaireInvalideException(String message, Throwable cause) {
        super(message, cause);
    }
}
