package fr.gouv.guichet.permis.externe;

import fr.gouv.guichet.permis.NumeroTimbre;

/**
 * The electronic timbre fiscal service. A timbre pays one dossier only: Guichet checks it, reserves it for the
 * dossier when the usager enters it, consumes it when the dossier is validated, and releases the reservation when
 * the dossier is abandoned. Every change is idempotent for one dossier (sent again after a lost answer, it gives
 * the same result); a timbre reserved or consumed by one dossier is refused to every other one.
 */
public interface ServiceTimbres {

    /** State, amount and validity of the timbre. @throws RefusServiceExterneException {@link Refus#TIMBRE_INCONNU} */
    EtatTimbre verifier(NumeroTimbre numero);

    /**
     * Reserves the timbre for this dossier (again: same result).
     *
     * @throws RefusServiceExterneException {@link Refus#TIMBRE_INCONNU}, {@link Refus#TIMBRE_EXPIRE},
     *                                      {@link Refus#TIMBRE_RESERVE} (by another dossier),
     *                                      {@link Refus#TIMBRE_DEJA_UTILISE}, {@link Refus#TIMBRE_REMBOURSE}
     */
    EtatTimbre reserver(NumeroTimbre numero, ReferenceDossier dossier);

    /**
     * Consumes the timbre reserved for this dossier (again: same result).
     *
     * @throws RefusServiceExterneException {@link Refus#TIMBRE_NON_RESERVE} when it is not reserved for this dossier,
     *                                      {@link Refus#TIMBRE_DEJA_UTILISE} when another dossier consumed it
     */
    EtatTimbre consommer(NumeroTimbre numero, ReferenceDossier dossier);

    /** Releases this dossier's reservation; nothing happens when it holds none (the timbre is left as it is). */
    EtatTimbre liberer(NumeroTimbre numero, ReferenceDossier dossier);
}
