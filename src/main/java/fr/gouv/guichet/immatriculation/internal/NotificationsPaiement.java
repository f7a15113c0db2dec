package fr.gouv.guichet.immatriculation.internal;

import fr.gouv.guichet.immatriculation.externe.ClientHttpPaiement;
import fr.gouv.guichet.immatriculation.externe.PrestatairePaiement;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

/**
 * The provider's server-to-server notification: believed only when signed with the shared secret; recorded once
 * ({@link Paiements#recevoir}; a second payment of a dossier already paid is refunded). No session, no CSRF token (the signature is the proof), bounded body.
 */
@RestController
class NotificationsPaiement {

    static final String CHEMIN = "/immatriculation/paiements/notification";
    private static final int CORPS_MAX = 8 * 1024;
    private static final Logger log = LoggerFactory.getLogger(NotificationsPaiement.class);

    private final PrestatairePaiement prestataire;
    private final Paiements paiements;

    NotificationsPaiement(PrestatairePaiement prestataire, Paiements paiements) {
        this.prestataire = prestataire;
        this.paiements = paiements;
    }

    @PostMapping(CHEMIN)
    ResponseEntity<String> recevoir(HttpServletRequest requete) throws IOException {
        byte[] corps = requete.getInputStream().readNBytes(CORPS_MAX + 1);
        String signature = requete.getHeader(ClientHttpPaiement.EN_TETE_SIGNATURE);
        if (corps.length > CORPS_MAX || signature == null || signature.length() > 128 || !prestataire.signatureValide(corps, signature)) {
            log.warn("Notification de paiement refusée : signature absente ou fausse");
            return ResponseEntity.status(403).body("signature refusée");
        }
        PrestatairePaiement.Etat etat;
        try {
            etat = prestataire.lireNotification(corps);
        } catch (RuntimeException e) {
            return ResponseEntity.badRequest().body("notification illisible");
        }
        paiements.recevoir(etat);
        return ResponseEntity.ok("ok");
    }

    /** Its own chain: only this address, stateless, without CSRF (signed by the provider instead). */
    @Bean
    @Order(0)
    static SecurityFilterChain securiteNotificationsPaiement(HttpSecurity http) throws Exception {
        return http.securityMatcher(CHEMIN)
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }
}
