package fr.gouv.guichet.demarche;

import org.jspecify.annotations.Nullable;

/**
 * Outcome of saving a draft's answers with optimistic locking: saved (new version), or refused because the draft
 * was saved elsewhere in the meantime (another tab or device: the caller shows it, nothing is silently lost), or
 * because it is no longer a draft.
 */
public record ResultatEnregistrement(Statut statut, int version, @Nullable Dossier actuel) {

    public enum Statut { ENREGISTRE, CONFLIT, VERROUILLE }

    public boolean enregistre() {
        return statut == Statut.ENREGISTRE;
    }
}
