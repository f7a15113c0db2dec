package fr.gouv.guichet.signalement;

/** A signal was raised (published once, with the signal's row, through the outbox): a feature may act on it. */
public record SignalLeve(long signalId, long dossierId, String service, String regle) {
}
