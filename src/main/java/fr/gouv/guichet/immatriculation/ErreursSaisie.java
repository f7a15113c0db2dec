package fr.gouv.guichet.immatriculation;

import java.util.LinkedHashMap;
import java.util.Map;

/** What a person typed cannot be accepted: a French message per field (shown next to it), nothing recorded. */
public class ErreursSaisie extends RuntimeException {

    private final Map<String, String> parChamp;

    public ErreursSaisie(Map<String, String> parChamp) {
        super("Saisie refusée : " + parChamp.keySet(), null, false, false);
        this.parChamp = Map.copyOf(new LinkedHashMap<>(parChamp));
    }

    public static ErreursSaisie sur(String champ, String message) {
        return new ErreursSaisie(Map.of(champ, message));
    }

    public Map<String, String> parChamp() {
        return parChamp;
    }
}
