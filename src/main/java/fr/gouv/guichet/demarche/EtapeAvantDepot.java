package fr.gouv.guichet.demarche;

import java.util.Optional;

/**
 * A step a procedure adds to the generic journey between its form and the deposit (e.g. confirming a photo fetched
 * from an outside service, paying). Features declare beans of this type; the validation pages of {@code demarche.web}
 * ask every one of them, in order, and names no procedure.
 * <ul>
 * <li>{@link #pageAFaire}: before the recap and again before the deposit, the page of the feature the usager must
 * go through first (the usager is sent there); empty when done or when the step does not concern this draft.</li>
 * <li>{@link #avantDepot}: when the usager validates, just before the deposit, outside its transaction (e.g. reserve
 * a payment); a refusal keeps the draft as it is and sends the usager to the given page with the message.</li>
 * </ul>
 */
public interface EtapeAvantDepot {

    /** Where the usager is sent, and why (the message is shown on arrival). */
    record Renvoi(String page, String message) {
    }

    /** The feature's page this draft must go through before its recap, if any. */
    Optional<String> pageAFaire(Dossier brouillon);

    /** Last act before the deposit of this draft; a refusal stops the deposit (nothing is lost). */
    default Optional<Renvoi> avantDepot(Dossier brouillon) {
        return Optional.empty();
    }
}
