package fr.gouv.guichet.compte;

import fr.gouv.guichet.compte.internal.UsagerPrincipal;
import fr.gouv.guichet.compte.internal.UsagerRepository;
import fr.gouv.guichet.socle.ParRequete;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

import java.util.Optional;

/** The signed-in usager of the current request, read from the database (never trusted from the request). */
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
        // Read once per request (the page's controller and its layout both ask), never trusted from the session.
        return ParRequete.memoriser("usager:" + principal.id(), () -> usagers.parId(principal.id())
                .map(u -> new ProfilUsager(u.id(), u.email(), u.codeDepartement())));
    }

    /** The signed-in usager; only for pages that Spring Security already restricts to usagers. */
    public ProfilUsager exiger() {
        return profil().orElseThrow(() -> new IllegalStateException("Aucun usager connecté"));
    }
}
