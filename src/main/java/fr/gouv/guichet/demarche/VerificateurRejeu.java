package fr.gouv.guichet.demarche;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Replays a dossier's recorded transitions ({@code dossier_transition}) against its lifecycle: every step must start
 * where the previous one ended and be allowed to its actor; the last one must end in the state stored on the dossier
 * (else an update was lost). Used by the concurrency proof.
 */
public final class VerificateurRejeu {

    /** One recorded row: {@code de} is null for the draft's creation. */
    public record Pas(@Nullable String de, String vers, TypeActeur acteur) {
    }

    /** @param illegales steps the lifecycle forbids or that do not follow each other; @param perdue a lost update, if any */
    public record Verdict(List<String> illegales, @Nullable String perdue) {
    }

    private VerificateurRejeu() {
    }

    public static Verdict rejouer(CycleDeVie cycle, List<Pas> pas, String etatEnBase) {
        List<String> illegales = new ArrayList<>();
        String courant = null;
        for (int i = 0; i < pas.size(); i++) {
            Pas p = pas.get(i);
            if (i == 0) {
                if (p.de() != null || !p.vers().equals(CycleDeVie.BROUILLON)) {
                    illegales.add("ne commence pas par la création du brouillon : " + p);
                }
            } else if (!Objects.equals(p.de(), courant)) {
                illegales.add("pas " + i + " part de " + p.de() + " alors que le dossier était " + courant);
            } else if (!autorise(cycle, p)) {
                illegales.add("transition interdite " + p);
            }
            courant = p.vers();
        }
        String perdue = etatEnBase.equals(courant) ? null
                : "l’historique finit en " + courant + ", l’état enregistré est " + etatEnBase;
        return new Verdict(illegales, perdue);
    }

    private static boolean autorise(CycleDeVie cycle, Pas p) {
        try {
            return p.de() != null && cycle.permet(cycle.etat(p.de()), cycle.etat(p.vers()), p.acteur());
        } catch (EtatInconnu e) {
            return false;
        }
    }
}
