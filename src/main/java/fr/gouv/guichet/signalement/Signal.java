package fr.gouv.guichet.signalement;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.Map;

/**
 * A signal raised on a dossier, as recorded.
 *
 * @param numeroDossier the dossier's number (every signalled dossier is deposited)
 * @param service       the dossier's service instructeur, whose agents see the signal
 * @param regle         code of the rule that raised it (e.g. {@code code-reutilise})
 * @param objet         what the rule found twice (a code, a file's fingerprint…): one signal per rule and object
 * @param explication   why it is raised, a French sentence for the agent
 * @param details       what backs it (other dossiers' numbers, dates…), in order
 */
public record Signal(long id, long dossierId, @Nullable String numeroDossier, String service, String regle, String objet,
                     String explication, Map<String, String> details, Instant leveLe) {

    public Signal {
        details = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(details));
    }
}
