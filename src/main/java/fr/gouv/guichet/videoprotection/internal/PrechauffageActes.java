package fr.gouv.guichet.videoprotection.internal;

import fr.gouv.guichet.document.Autorite;
import fr.gouv.guichet.document.GenerateurPdf;
import fr.gouv.guichet.document.Signataire;
import fr.gouv.guichet.document.TribunalAdministratif;
import fr.gouv.guichet.document.Verification;
import fr.gouv.guichet.socle.Prechauffage;
import fr.gouv.guichet.videoprotection.DonneesArrete;
import fr.gouv.guichet.videoprotection.DonneesRefus;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;

/**
 * Renders an example arrêté (definitive and provisional) and an example refusal letter at start-up (issue 18, point 5):
 * their own templates ({@code pdf/arrete.html}, {@code pdf/refus.html}), their fonts and the act-specific layout are
 * parsed and compiled before the first agent issues a decision, which otherwise waited for them inside its request.
 * Example data only, never stored nor sent.
 */
@Component
class PrechauffageActes implements Prechauffage {

    private final GenerateurPdf generateur;

    PrechauffageActes(GenerateurPdf generateur) {
        this.generateur = generateur;
    }

    @Override
    public String nom() {
        return "rendu PDF des actes de vidéoprotection (arrêté et refus d’exemple)";
    }

    @Override
    public void prechauffer() {
        arrete(new DonneesArrete.Regime.Definitif("Vu l’avis favorable émis par la commission départementale de "
                + "vidéoprotection lors de sa séance du 5 janvier 2026", LocalDate.of(2026, 1, 5), "Réserve d’exemple."))
                .pdf(generateur);
        arrete(new DonneesArrete.Regime.Provisoire(LocalDate.of(2026, 5, 5))).pdf(generateur);
        refus().pdf(generateur);
    }

    private static Autorite autorite() {
        return new Autorite("Préfecture d’exemple", "Service d’exemple", "Le préfet d’exemple", "Exemple",
                new TribunalAdministratif("tribunal administratif d’exemple", List.of("1 rue de l’Exemple", "00000 Exemple")));
    }

    private static Verification verification() {
        return new Verification("EXEM-PLE2", "https://exemple.gouv.fr/verifier");
    }

    static DonneesArrete arrete(DonneesArrete.Regime regime) {
        return new DonneesArrete("EX-2026-VP-0001", LocalDate.of(2026, 1, 6), autorite(),
                List.of("Vu l’arrêté d’exemple portant délégation de signature"), "EX-2026-000001", LocalDate.of(2026, 1, 2),
                new DonneesArrete.Titulaire("Titulaire d’exemple", "Organisme d’exemple « éàç »"),
                new DonneesArrete.Lieu("Lieu d’exemple", List.of("1 rue de l’Exemple", "00000 Exemple")),
                new DonneesArrete.Cameras(2, 1, 0), List.of("Prévention des atteintes aux biens"), 15,
                new DonneesArrete.ContactDroitAcces("Le responsable d’exemple", "01 00 00 00 00"),
                List.of("Personne habilitée d’exemple"), regime,
                new Signataire("Le signataire d’exemple", "Exemple"), verification());
    }

    static DonneesRefus refus() {
        return new DonneesRefus(autorite(),
                new DonneesRefus.Coordonnees(List.of("1 place de l’Exemple", "00000 Exemple"), "01 00 00 00 00", "service@exemple.gouv.fr"),
                LocalDate.of(2026, 1, 6), new DonneesRefus.Destinataire("Demandeur d’exemple", List.of("1 rue de l’Exemple", "00000 Exemple")),
                "EX-2026-000001", LocalDate.of(2026, 1, 2), null, "Motivation d’exemple.\n\nSecond paragraphe d’exemple.",
                List.of("Fondement d’exemple"), new Signataire("Le signataire d’exemple", "Exemple"), verification());
    }
}
