package fr.gouv.guichet.demarche;

import org.jspecify.annotations.Nullable;

import java.time.Period;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The lifecycle of a procedure, declared by its feature: its states and transitions, and its clock. {@code demarche}
 * runs it (guarded atomic transition, recorded row, event, replay checker) without knowing any procedure.
 * <p>
 * Every dossier starts as a draft ({@value #BROUILLON}) and is deposited by its usager ({@value #DEPOSER} to
 * {@value #DEPOSE}): every lifecycle declares these under these codes. A lifecycle where agents ask for documents
 * declares {@value #DEMANDER_PIECES} (agent, towards a state whose status is {@link StatutUsager#A_COMPLETER}) and
 * {@value #COMPLETER} (usager, out of it).
 *
 * @param delaiDecisionImplicite how long after the dossier is complete the administration's silence is a decision
 *                               (suspended while documents are awaited); null when the procedure has none
 */
public record CycleDeVie(String code, List<Etat> etats, List<Transition> transitions, @Nullable Period delaiDecisionImplicite) {

    public static final String BROUILLON = "BROUILLON";
    public static final String DEPOSE = "DEPOSE";
    public static final String DEPOSER = "DEPOSER";
    public static final String DEMANDER_PIECES = "DEMANDER_PIECES";
    public static final String COMPLETER = "COMPLETER";

    public CycleDeVie {
        etats = List.copyOf(etats);
        transitions = List.copyOf(transitions);
        verifier(code, etats, transitions);
    }

    /** The state of this lifecycle stored under {@code code}. @throws EtatInconnu if it declares none */
    public Etat etat(String code) {
        for (Etat e : etats) {
            if (e.code().equals(code)) {
                return e;
            }
        }
        throw new EtatInconnu(code, this.code);
    }

    public Optional<Transition> transition(String code) {
        return transitions.stream().filter(t -> t.code().equals(code)).findFirst();
    }

    public boolean contient(Transition transition) {
        return transitions.contains(transition);
    }

    public Etat brouillon() {
        return etat(BROUILLON);
    }

    /** The transitions {@code acteur} may fire from {@code etat}, in declaration order. */
    public List<Transition> possibles(Etat etat, TypeActeur acteur) {
        return transitions.stream().filter(t -> t.autoriseA(acteur) && t.possibleDepuis(etat)).toList();
    }

    /** Replays a recorded step: may {@code acteur} go from {@code de} to {@code vers} by some transition? */
    public boolean permet(Etat de, Etat vers, TypeActeur acteur) {
        return transitions.stream().anyMatch(t -> t.vers().equals(vers) && t.possibleDepuis(de) && t.autoriseA(acteur));
    }

    private static void verifier(String code, List<Etat> etats, List<Transition> transitions) {
        Map<String, Etat> parCode = new LinkedHashMap<>();
        for (Etat e : etats) {
            if (parCode.put(e.code(), e) != null) {
                throw invalide(code, "l’état " + e.code() + " est déclaré deux fois");
            }
        }
        Etat brouillon = parCode.get(BROUILLON);
        Etat depose = parCode.get(DEPOSE);
        if (brouillon == null || !brouillon.estBrouillon() || depose == null || depose.estBrouillon()) {
            throw invalide(code, "il faut les états communs " + BROUILLON + " (statut brouillon) et " + DEPOSE);
        }
        Set<String> codes = new HashSet<>();
        for (Transition t : transitions) {
            if (!codes.add(t.code())) {
                throw invalide(code, "la transition " + t.code() + " est déclarée deux fois");
            }
            if (!etats.contains(t.vers()) || !etats.containsAll(t.depuis())) {
                throw invalide(code, "la transition " + t.code() + " mène vers ou part d’un état non déclaré");
            }
            if (t.depuis().stream().anyMatch(Etat::estFinal)) {
                throw invalide(code, "la transition " + t.code() + " part d’un état final");
            }
            if (t.depuis().contains(brouillon) != t.code().equals(DEPOSER)) {
                throw invalide(code, "seule la transition " + DEPOSER + " part du brouillon");
            }
        }
        Transition deposer = transitions.stream().filter(t -> t.code().equals(DEPOSER)).findFirst()
                .orElseThrow(() -> invalide(code, "il faut la transition commune " + DEPOSER));
        if (!deposer.vers().equals(depose) || deposer.acteur() != TypeActeur.USAGER) {
            throw invalide(code, DEPOSER + " mène l’usager du brouillon à l’état " + DEPOSE);
        }
        for (Transition t : transitions) {
            if (t.code().equals(DEMANDER_PIECES) && (t.acteur() != TypeActeur.AGENT || !t.vers().attendDesPieces())) {
                throw invalide(code, DEMANDER_PIECES + " est une action d’agent menant à un état « à compléter »");
            }
            if (t.code().equals(COMPLETER) && (t.acteur() != TypeActeur.USAGER || !t.depuis().stream().allMatch(Etat::attendDesPieces))) {
                throw invalide(code, COMPLETER + " est une action de l’usager sortant d’un état « à compléter »");
            }
        }
    }

    private static IllegalArgumentException invalide(String cycle, String raison) {
        return new IllegalArgumentException("Cycle de vie « " + cycle + " » invalide : " + raison);
    }
}
