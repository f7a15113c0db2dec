package fr.gouv.guichet.demarche;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One state of a procedure's lifecycle ({@link CycleDeVie}), as the feature declares it. The dossier stores its
 * {@code code} ({@code dossier.etat}); agents see {@code libelleAgent}, usagers {@code libelleUsager}, a precise wording
 * of one of the plain {@link StatutUsager statuses}.
 *
 * @param estFinal              the procedure is over (decided, closed): no transition leaves it
 * @param accepteDesComplements the usager may still add documents and messages
 * @param onglet                the agents' queue tab the dossier sits in while in this state ({@code dossier.onglet})
 */
public record Etat(String code, String libelleAgent, StatutUsager statut, String libelleUsager, boolean estFinal,
                   boolean accepteDesComplements, String onglet) {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

    public Etat {
        Objects.requireNonNull(statut);
        if (!CODE.matcher(code).matches() || !CODE.matcher(onglet).matches()) {
            throw new IllegalArgumentException("Code d’état ou d’onglet invalide : " + code + " / " + onglet);
        }
        if (estFinal && accepteDesComplements) {
            throw new IllegalArgumentException("Un état final n’accepte pas de compléments : " + code);
        }
        if (estFinal != (statut == StatutUsager.TERMINE)) {
            throw new IllegalArgumentException("Seul un état final a le statut « Terminé » pour l’usager : " + code);
        }
    }

    /**
     * The usual state: final when its status is {@link StatutUsager#TERMINE}, open to the usager's additions between
     * the deposit and the end.
     */
    public static Etat de(String code, String libelleAgent, StatutUsager statut, String libelleUsager, String onglet) {
        boolean fin = statut == StatutUsager.TERMINE;
        return new Etat(code, libelleAgent, statut, libelleUsager, fin, !fin && statut != StatutUsager.BROUILLON, onglet);
    }

    public boolean estBrouillon() {
        return statut == StatutUsager.BROUILLON;
    }

    /** Documents are awaited from the usager: the implicit-decision clock is suspended (CRPA L114-5). */
    public boolean attendDesPieces() {
        return statut == StatutUsager.A_COMPLETER;
    }
}
