package fr.gouv.guichet.compte;

import fr.gouv.guichet.compte.internal.UsagerPrincipal;
import fr.gouv.guichet.compte.internal.UsagerRepository;
import fr.gouv.guichet.socle.ParRequete;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

import java.util.Optional;

/**
 * The signed-in usager of the current request. Their profile (id, address, chosen département) is taken from their
 * session, which is read from the database at each request (ADR 0030): any change of that profile, a deactivation or
 * a deletion deletes the usager's sessions in the same transaction (database triggers), so a session that still
 * exists carries the current profile. The session that changes its own département or password is kept and gets its
 * new profile from {@code ProfilEnSession}.
 */
@Service
public class UsagerCourant {

    private final UsagerRepository usagers;

    UsagerCourant(UsagerRepository usagers) {
        this.usagers = usagers;
    }

    public Optional<ProfilUsager> profil() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof UsagerPrincipal principal)) {
            return Optional.empty();
        }
        if (principal.profilEnSession()) {
            return Optional.of(new ProfilUsager(principal.id(), principal.email(), principal.codeDepartement()));
        }
        // A session opened before ADR 0030 (no profile in it): read once per request, as before, until it ends.
        return ParRequete.memoriser("usager:" + principal.id(), () -> usagers.parId(principal.id())
                .map(u -> new ProfilUsager(u.id(), u.email(), u.codeDepartement())));
    }

    /** The signed-in usager; only for pages that Spring Security already restricts to usagers. */
    public ProfilUsager exiger() {
        return profil().orElseThrow(() -> new IllegalStateException("Aucun usager connecté"));
    }
}
