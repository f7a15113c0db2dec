package fr.gouv.guichet.mediation.internal;

import fr.gouv.guichet.demarche.InstructionDossiers;
import fr.gouv.guichet.demarche.Evenements.DossierDepose;
import jakarta.servlet.http.HttpSession;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * A dossier deposited from a browser in a consented assisted session records the help place, in the deposit's own
 * transaction (synchronous listener): the préfecture sees "réalisé avec l'aide de <lieu>", never the médiateur.
 */
@Component
class DepotsAides {

    private final SessionsAccompagnees sessions;
    private final InstructionDossiers dossiers;

    DepotsAides(SessionsAccompagnees sessions, InstructionDossiers dossiers) {
        this.sessions = sessions;
        this.dossiers = dossiers;
    }

    @EventListener
    void depose(DossierDepose evenement) {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributs)) {
            return;
        }
        HttpSession session = attributs.getRequest().getSession(false);
        if (session == null || !(session.getAttribute(Accompagnement.CLE) instanceof Accompagnement accompagnement)) {
            return;
        }
        dossiers.pourInstruction(evenement.dossierId()).filter(d -> d.usagerId() != null).ifPresent(d ->
                sessions.noterDepot(accompagnement.id(), d.usagerId(), evenement.dossierId(), evenement.demarche()));
    }
}
