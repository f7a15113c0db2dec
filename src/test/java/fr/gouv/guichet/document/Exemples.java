package fr.gouv.guichet.document;

import fr.gouv.guichet.document.DonneesRecepisse.Demandeur;
import fr.gouv.guichet.document.DonneesRecepisse.PieceAttendue;
import fr.gouv.guichet.document.DonneesRecepisse.Reponse;
import fr.gouv.guichet.document.DonneesRecepisse.Service;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Shared test data, and a Thymeleaf engine configured like Spring Boot's (SpEL expressions, templates under
 * {@code templates/}), without a Spring context.
 */
final class Exemples {

    static final String SCRIPT = "<script>alert(1)</script>";

    private Exemples() {
    }

    static TemplateEngine moteur() {
        ClassLoaderTemplateResolver resolveur = new ClassLoaderTemplateResolver();
        resolveur.setPrefix("templates/");
        resolveur.setSuffix(".html");
        resolveur.setTemplateMode(TemplateMode.HTML);
        resolveur.setCharacterEncoding("UTF-8");
        TemplateEngine moteur = new SpringTemplateEngine();
        moteur.setTemplateResolver(resolveur);
        return moteur;
    }

    static DonneesRecepisse recepisse() {
        return new DonneesRecepisse(
                "VP-2026-000123",
                "Demande d’autorisation d’un système de vidéoprotection",
                ZonedDateTime.of(2026, 11, 23, 14, 5, 0, 0, ZoneId.of("Europe/Paris")),
                Service.bureauVideoprotection("Préfecture de l’Aude",
                        List.of("52 rue Jean Bringer", "11000 Carcassonne"), "04 68 10 27 00",
                        "pref-videoprotection@aude.gouv.fr"),
                LocalDate.of(2027, 3, 23),
                new Demandeur("Boulangerie Éloïse & Fils " + SCRIPT, List.of("3 place Carnot", "11000 Carcassonne")),
                List.of(new Reponse("Nature de la demande", "Nouveau système"),
                        new Reponse("Nombre de caméras intérieures", "3"),
                        new Reponse("Commentaire", "Caméra « entrée » & caisse " + SCRIPT)),
                List.of(new PieceAttendue("Modèle d’affiche", "L’affiche informant le public, avec le pictogramme."),
                        new PieceAttendue("Exposé succinct", "Caméras numérotées, emplacement et champ de vision.")),
                "K7Q2-9XWD",
                "https://guichet.interieur.gouv.fr/verifier");
    }
}
