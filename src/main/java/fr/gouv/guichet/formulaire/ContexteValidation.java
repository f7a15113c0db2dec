package fr.gouv.guichet.formulaire;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

/**
 * What validation needs besides the answers.
 *
 * @param codeDepartement département of the chosen préfecture ("83", "2A", "971"); when absent postal codes are not
 *                        checked against it
 * @param aujourdhui      today's date (injected, so tests are stable)
 */
public record ContexteValidation(@Nullable String codeDepartement, LocalDate aujourdhui) {
}
