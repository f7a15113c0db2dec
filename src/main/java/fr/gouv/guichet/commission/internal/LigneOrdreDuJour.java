package fr.gouv.guichet.commission.internal;

import fr.gouv.guichet.commission.Avis;
import fr.gouv.guichet.commission.Echeance;
import fr.gouv.guichet.demarche.Etat;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** A dossier on a session's agenda, as the secretariat sees it. */
public record LigneOrdreDuJour(long dossierId, String numero, String demandeur, String commune, String demarche, int cameras,
                               boolean prioritaire, Etat etat, Instant deposeLe, @Nullable Avis avis,
                               @Nullable String texteAvis, @Nullable Echeance echeance) {
}
