package fr.gouv.guichet.signalement;

import fr.gouv.guichet.demarche.InstructionDossiers;
import fr.gouv.guichet.signalement.internal.SignalRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Raises and lists signals. Raising is idempotent: the same rule finding the same object on the same dossier again
 * (a check run twice, two instances at once) records nothing more. Listing is not access-checked here: callers show a
 * dossier's signals on a page already reserved to its service, a service's list to that service's agents.
 */
@Service
public class Signaux {

    private final SignalRepository depot;
    private final InstructionDossiers dossiers;
    private final ApplicationEventPublisher evenements;
    private final Clock horloge;

    Signaux(SignalRepository depot, InstructionDossiers dossiers, ApplicationEventPublisher evenements, Clock horloge) {
        this.depot = depot;
        this.dossiers = dossiers;
        this.evenements = evenements;
        this.horloge = horloge;
    }

    /**
     * Records the signal for the agents of the dossier's service instructeur, once, and publishes {@link SignalLeve}.
     *
     * @return the new signal, or empty when this rule already raised it for this object on this dossier
     * @throws IllegalStateException when the dossier is not deposited (no service instructes a draft)
     */
    @Transactional
    public Optional<Signal> lever(NouveauSignal signal) {
        String service = dossiers.service(signal.dossierId())
                .orElseThrow(() -> new IllegalStateException("Signal sur un dossier non déposé : " + signal.dossierId()));
        Optional<Signal> leve = depot.inserer(signal, service, horloge.instant());
        leve.ifPresent(s -> evenements.publishEvent(new SignalLeve(s.id(), s.dossierId(), s.service(), s.regle())));
        return leve;
    }

    /** The dossier's signals, oldest first (one query). */
    public List<Signal> duDossier(long dossierId) {
        return depot.duDossier(dossierId);
    }

    /** One page of the service's signals, newest first, filtered by rule. */
    public PageSignaux duService(String service, FiltreSignaux filtre) {
        long total = depot.compter(service, filtre.regle());
        int pages = (int) Math.max(1, (total + FiltreSignaux.PAR_PAGE - 1) / FiltreSignaux.PAR_PAGE);
        int page = Math.min(filtre.page(), pages);
        return new PageSignaux(depot.duService(service, filtre.regle(), FiltreSignaux.PAR_PAGE,
                (long) (page - 1) * FiltreSignaux.PAR_PAGE), page, pages, total, depot.regles(service));
    }
}
