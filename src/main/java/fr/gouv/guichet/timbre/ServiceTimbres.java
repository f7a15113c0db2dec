package fr.gouv.guichet.timbre;

import fr.gouv.guichet.externe.ServiceExterneIndisponibleException;
import fr.gouv.guichet.externe.SystemeExterne;

/**
 * The electronic timbre fiscal service (port; its real HTTP client is configured by {@code guichet.timbres.*}).
 * Every change is idempotent for one dossier (sent again after a lost answer, it gives the same result); a timbre
 * reserved or consumed by one dossier is refused to every other one. Refusals: {@link TimbreRefuseException};
 * unreachable: {@link ServiceExterneIndisponibleException}. Callers go through {@link PaiementsTimbres}, which
 * also records each use in Guichet's database.
 */
public interface ServiceTimbres {

    SystemeExterne SYSTEME = SystemeExterne.de("timbres", "le service des timbres fiscaux électroniques");

    /** State, amount and validity of the timbre. Refused: {@link RefusTimbre#INCONNU}. */
    EtatTimbre verifier(NumeroTimbre numero);

    /**
     * Reserves the timbre for this dossier (again: same result). Refused: {@link RefusTimbre#INCONNU},
     * {@link RefusTimbre#EXPIRE}, {@link RefusTimbre#RESERVE} (by another dossier), {@link RefusTimbre#DEJA_UTILISE},
     * {@link RefusTimbre#REMBOURSE}.
     */
    EtatTimbre reserver(NumeroTimbre numero, String dossier);

    /**
     * Consumes the timbre reserved for this dossier (again: same result). Refused: {@link RefusTimbre#NON_RESERVE}
     * when it is not reserved for this dossier, {@link RefusTimbre#DEJA_UTILISE} when another dossier consumed it.
     */
    EtatTimbre consommer(NumeroTimbre numero, String dossier);

    /** Releases this dossier's reservation; nothing happens when it holds none (the timbre is left as it is). */
    EtatTimbre liberer(NumeroTimbre numero, String dossier);
}
