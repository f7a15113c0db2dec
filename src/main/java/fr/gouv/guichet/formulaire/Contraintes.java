package fr.gouv.guichet.formulaire;

import org.jspecify.annotations.Nullable;

/**
 * Per-field rules of a definition. Every member is optional.
 *
 * <ul>
 *   <li>{@code min} / {@code max}: bounds of a {@link TypeChamp#NOMBRE} (inclusive), with optional custom messages;</li>
 *   <li>{@code longueurMax}: maximum length of a text, at most {@link #LONGUEUR_ABSOLUE}, which also bounds every
 *       text without {@code longueurMax} (issue 10, point 4: no 200,000-character field);</li>
 *   <li>{@code motif} + {@code messageMotif}: a regular expression the whole value must match;</li>
 *   <li>{@code dateMin} / {@code dateMax}: bounds of a {@link TypeChamp#DATE}, either an ISO date ({@code 2024-01-01}),
 *       {@code aujourdhui}, or {@code aujourdhui+P5Y} / {@code aujourdhui-P1M} (ISO-8601 period). Without them a date
 *       must lie between 1990-01-01 and today + 5 years. Custom messages may use {@code {date}}.</li>
 * </ul>
 */
public record Contraintes(
        @Nullable Long min,
        @Nullable Long max,
        @Nullable String messageMin,
        @Nullable String messageMax,
        @Nullable Integer longueurMax,
        @Nullable String motif,
        @Nullable String messageMotif,
        @Nullable String dateMin,
        @Nullable String dateMax,
        @Nullable String messageDateMin,
        @Nullable String messageDateMax) {

    /** Longest text any field accepts, whatever its definition says: checked on validation and on every save. */
    public static final int LONGUEUR_ABSOLUE = 5_000;

    public static final Contraintes AUCUNE =
            new Contraintes(null, null, null, null, null, null, null, null, null, null, null);

    /** The maximum length of a text for this field: its {@code longueurMax}, never above {@link #LONGUEUR_ABSOLUE}. */
    public int longueurEffective() {
        return longueurMax == null ? LONGUEUR_ABSOLUE : Math.min(longueurMax, LONGUEUR_ABSOLUE);
    }
}
