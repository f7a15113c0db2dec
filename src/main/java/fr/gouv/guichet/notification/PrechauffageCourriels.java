package fr.gouv.guichet.notification;

import fr.gouv.guichet.socle.Prechauffage;
import org.springframework.stereotype.Component;

import java.io.OutputStream;
import java.util.List;

/**
 * Builds and encodes an example e-mail at start-up without sending it (issue 18, point 5): the e-mail templates,
 * Jakarta Mail's classes, MIME multipart and quoted-printable encoding are loaded before the first deposit, whose
 * accusé de réception e-mail otherwise loaded them while the usager's next pages waited for the CPU.
 */
@Component
class PrechauffageCourriels implements Prechauffage {

    private final Courriels courriels;

    PrechauffageCourriels(Courriels courriels) {
        this.courriels = courriels;
    }

    @Override
    public String nom() {
        return "courriel d’exemple (construit et encodé, jamais envoyé)";
    }

    @Override
    public void prechauffer() throws Exception {
        Courriel exemple = new Courriel("exemple@exemple.invalid", "Courriel d’exemple (préchauffage)",
                List.of("Paragraphe d’exemple, accentué : « éàç ».", "Second paragraphe d’exemple."),
                "Voir l’exemple", "https://exemple.gouv.fr/");
        var message = courriels.construire(exemple);
        message.saveChanges();
        message.writeTo(OutputStream.nullOutputStream());
    }
}
