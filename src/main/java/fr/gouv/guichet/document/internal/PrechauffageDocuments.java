package fr.gouv.guichet.document.internal;

import fr.gouv.guichet.document.DonneesRecepisse;
import fr.gouv.guichet.document.GenerateurPdf;
import fr.gouv.guichet.socle.Prechauffage;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Renders an example accusé de réception at start-up (issue 18, point 5): Thymeleaf's PDF templates, openhtmltopdf
 * and its default stylesheet, PDFBox, the fonts and their metrics ({@link PolicesPdf}), the QR code and the render
 * lanes are loaded and compiled before the first usager or agent asks for a document; every document shares them.
 */
@Component
class PrechauffageDocuments implements Prechauffage {

    private final GenerateurPdf generateur;

    PrechauffageDocuments(GenerateurPdf generateur) {
        this.generateur = generateur;
    }

    @Override
    public String nom() {
        return "rendu PDF (accusé de réception d’exemple)";
    }

    @Override
    public void prechauffer() {
        generateur.genererRecepisse(exemple());
    }

    static DonneesRecepisse exemple() {
        return new DonneesRecepisse("EX-2026-000001", "Démarche d’exemple (préchauffage)",
                ZonedDateTime.of(2026, 1, 5, 10, 0, 0, 0, ZoneId.of("Europe/Paris")),
                new DonneesRecepisse.Service("Préfecture d’exemple", "Service d’exemple", List.of("1 place de la République", "00000 Exemple"),
                        "01 00 00 00 00", "service@exemple.gouv.fr"),
                LocalDate.of(2026, 5, 5),
                new DonneesRecepisse.Demandeur("Demandeur d’exemple", List.of("1 rue de l’Exemple", "00000 Exemple")),
                List.of(new DonneesRecepisse.Reponse("Question d’exemple", "Réponse d’exemple, accentuée : « éàç »")),
                List.of(new DonneesRecepisse.PieceAttendue("Pièce d’exemple", "Explication d’exemple.")),
                "EXEM-PLE1", "https://exemple.gouv.fr/verifier/EXEM-PLE1",
                new fr.gouv.guichet.document.TribunalAdministratif("tribunal administratif d’exemple",
                        List.of("1 rue de l’Exemple", "00000 Exemple")));
    }
}
