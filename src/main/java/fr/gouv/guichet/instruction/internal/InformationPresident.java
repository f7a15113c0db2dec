package fr.gouv.guichet.instruction.internal;

import fr.gouv.guichet.notification.Courriel;
import fr.gouv.guichet.notification.Courriels;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * L252-6 CSI: when the préfet authorizes a system provisionally without the commission's opinion, the president of
 * the commission départementale is informed at once — by e-mail to its secretariat at the préfecture. Sent from the
 * outbox (retried until it succeeds), once per dossier and end date.
 */
@Component
class InformationPresident {

    /** Published in the decision's transaction: the e-mail is due as soon as, and only if, the decision is committed. */
    record AutorisationProvisoire(long dossierId, String numero, String codeDepartement, LocalDate fin) {
    }

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRANCE);

    private final Courriels courriels;
    private final JdbcClient jdbc;

    InformationPresident(Courriels courriels, JdbcClient jdbc) {
        this.courriels = courriels;
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void informer(AutorisationProvisoire e) {
        String secretariat = jdbc.sql("select s.courriel from dossier d join service_instructeur s on s.code = d.service where d.id = ?").param(e.dossierId())
                .query(String.class).single();
        courriels.envoyerUneFois("president-informe:" + e.dossierId() + ":" + e.fin(), new Courriel(secretariat, "Autorisation provisoire de vidéoprotection — dossier " + e.numero(), List.of(
                "À l’attention du président de la commission départementale de vidéoprotection.",
                "En application de l’article L252-6 du code de la sécurité intérieure, le préfet a autorisé à titre provisoire, "
                        + "sans avis préalable de la commission, le système du dossier " + e.numero()
                        + " (site exposé au risque terroriste), jusqu’au " + DATE.format(e.fin()) + ".",
                "Le dossier sera inscrit à une prochaine séance de la commission, dont l’avis sera recueilli avant la décision définitive."),
                null, null, List.of(), "president-informe." + e.numero() + "." + e.fin()));
    }
}
