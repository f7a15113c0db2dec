package fr.gouv.guichet.mediation.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Assisted sessions (issue 16, point 3): opening, the usager's consent, activity and end. */
@Service
public class SessionsAccompagnees {

    private final SessionAccompagneeRepository depot;
    private final Clock horloge;
    private final int inactiviteSecondes;

    SessionsAccompagnees(SessionAccompagneeRepository depot, Clock horloge,
                         @Value("${guichet.mediation.inactivite:PT10M}") Duration inactivite) {
        this.depot = depot;
        this.horloge = horloge;
        this.inactiviteSecondes = (int) Math.clamp(inactivite.toSeconds(), 1, 3600);
    }

    /** Opens a session at the médiateur's place; the caller then signs the médiateur out of this browser. */
    @Transactional
    public SessionAccompagnee demarrer(MediateurConnecte mediateur) {
        depot.terminerInactives(horloge.instant());
        UUID id = UUID.randomUUID();
        depot.ouvrir(id, mediateur.id(), mediateur.lieuId(), horloge.instant(), inactiviteSecondes);
        return depot.parId(id).orElseThrow();
    }

    public Optional<SessionAccompagnee> parId(UUID id) {
        return depot.parId(id);
    }

    public boolean finie(SessionAccompagnee session) {
        return session.finieA(horloge.instant());
    }

    /** Records the usager's consent; false if the session is over or another usager already consented. */
    @Transactional
    public boolean consentir(UUID id, long usagerId) {
        return depot.parId(id).filter(s -> !finie(s)).map(s -> depot.consentir(id, usagerId, horloge.instant()))
                .orElse(false);
    }

    /** A request of the session; {@code etape} (the page's path, numbers masked) is kept when given. */
    public void activite(UUID id, @org.jspecify.annotations.Nullable String etape) {
        depot.activite(id, horloge.instant(), etape != null && etape.length() > 200 ? etape.substring(0, 200) : etape);
    }

    /** Ends the session (if open); a session found idle past its delay is recorded as ended by inactivity. */
    @Transactional
    public SessionAccompagnee.Motif terminer(UUID id, SessionAccompagnee.Motif motif) {
        Optional<SessionAccompagnee> session = depot.parId(id);
        if (session.isEmpty()) {
            return motif;
        }
        if (session.get().fin() != null) {
            return SessionAccompagnee.Motif.valueOf(session.get().motifFin());
        }
        if (finie(session.get())) {
            depot.terminerInactives(horloge.instant());
            return SessionAccompagnee.Motif.INACTIVITE;
        }
        depot.terminer(id, motif.name(), horloge.instant());
        return motif;
    }

    public List<SessionAccompagnee.Bilan> duMediateur(long mediateurId) {
        depot.terminerInactives(horloge.instant());
        return depot.duMediateur(mediateurId, 50);
    }

    /** A dossier deposited during the consented session of its usager: "réalisé avec l'aide de <lieu>". */
    @Transactional
    public boolean noterDepot(UUID id, long usagerId, long dossierId, String demarche) {
        return depot.parId(id).filter(s -> !finie(s) && s.consentie() && Long.valueOf(usagerId).equals(s.usagerId()))
                .map(s -> {
                    depot.noterDepot(dossierId, id, s.lieuId(), s.lieuNom(), demarche, horloge.instant());
                    return true;
                }).orElse(false);
    }

    /** The help place a dossier was filed with, for the préfecture ("réalisé avec l'aide de …"). */
    public Optional<String> lieuAyantAide(long dossierId) {
        return depot.lieuAyantAide(dossierId);
    }

    public void terminerInactives() {
        depot.terminerInactives(horloge.instant());
    }
}
