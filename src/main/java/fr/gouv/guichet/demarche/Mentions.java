package fr.gouv.guichet.demarche;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import java.util.List;

/**
 * Every {@link MentionsDossier} sentence about a dossier, for the dossier pages of usagers and agents (the templates
 * call {@code @mentionsDossier.pour(id, demarche)}). The caller has already checked who may see the dossier.
 */
@Service("mentionsDossier")
public class Mentions {

    private final ObjectProvider<MentionsDossier> sources;

    Mentions(ObjectProvider<MentionsDossier> sources) {
        this.sources = sources;
    }

    public List<String> pour(long dossierId, String demarche) {
        return sources.orderedStream().filter(s -> s.concerne(demarche)).flatMap(s -> s.mentions(dossierId).stream()).toList();
    }
}
