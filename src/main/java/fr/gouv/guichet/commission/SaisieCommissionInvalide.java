package fr.gouv.guichet.commission;

import java.io.Serial;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the agent entered cannot be accepted; {@link #erreurs()} gives, per field, the French message to show next
 * to it. Fields: {@code debut}, {@code lieu} (session), {@code dossier} (inscription), {@code avis}, {@code texte}.
 */
public class SaisieCommissionInvalide extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final Map<String, String> erreurs;

    public SaisieCommissionInvalide(Map<String, String> erreurs) {
        super(String.join(" ", erreurs.values()));
        this.erreurs = Collections.unmodifiableMap(new LinkedHashMap<>(erreurs));
    }

    public SaisieCommissionInvalide(String champ, String message) {
        this(Map.of(champ, message));
    }

    public Map<String, String> erreurs() {
        return erreurs;
    }
}
