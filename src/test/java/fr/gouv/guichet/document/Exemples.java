package fr.gouv.guichet.document;

import fr.gouv.guichet.videoprotection.DonneesArrete;
import fr.gouv.guichet.videoprotection.DonneesRefus;
import fr.gouv.guichet.commission.DonneesOrdreDuJour;

import fr.gouv.guichet.videoprotection.DonneesArrete.Cameras;
import fr.gouv.guichet.videoprotection.DonneesArrete.ContactDroitAcces;
import fr.gouv.guichet.videoprotection.DonneesArrete.Lieu;
import fr.gouv.guichet.videoprotection.DonneesArrete.Regime;
import fr.gouv.guichet.videoprotection.DonneesArrete.Titulaire;
import fr.gouv.guichet.commission.DonneesOrdreDuJour.DossierInscrit;
import fr.gouv.guichet.document.DonneesRecepisse.Demandeur;
import fr.gouv.guichet.document.DonneesRecepisse.PieceAttendue;
import fr.gouv.guichet.document.DonneesRecepisse.Reponse;
import fr.gouv.guichet.document.DonneesRecepisse.Service;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.stream.IntStream;

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
                new Service("Préfecture de l’Aude", "Bureau de la vidéoprotection",
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
                "https://guichet.interieur.gouv.fr/verifier",
                new TribunalAdministratif("tribunal administratif de Montpellier", List.of("6 rue Pitot", "CS 99002", "34063 Montpellier Cedex 2")));
    }

    static Autorite autorite() {
        return new Autorite("Préfecture du Var", "Bureau de la vidéoprotection", "Le préfet du Var", "Toulon", tribunal());
    }

    static TribunalAdministratif tribunal() {
        return new TribunalAdministratif("tribunal administratif de Toulon", List.of("5 rue Racine", "CS 40510", "83041 Toulon Cedex 9"));
    }

    static Verification verification() {
        return new Verification("P3XR-7KLM", "https://guichet.interieur.gouv.fr/verifier");
    }

    static DonneesArrete arrete(Regime regime) {
        return new DonneesArrete(
                "2026-083-VP-0042",
                LocalDate.of(2026, 3, 24),
                autorite(),
                List.of("Vu l’arrêté préfectoral du 2 janvier 2026 portant délégation de signature à M. Jean Martin"),
                "VP-2025-000987",
                LocalDate.of(2025, 11, 23),
                new Titulaire("M. Éloi Dupré, gérant", "Boulangerie Éloïse & Fils " + SCRIPT),
                new Lieu("Boulangerie Éloïse", List.of("3 place Carnot", "83000 Toulon")),
                new Cameras(3, 2, 0),
                List.of("Sécurité des personnes", "Prévention des atteintes aux biens"),
                15,
                new ContactDroitAcces("Le gérant", "04 94 00 00 00"),
                List.of("M. Éloi Dupré, gérant", "Mme Léa Roux, responsable de magasin"),
                regime,
                new Signataire("Le secrétaire général de la préfecture", "Jean Martin"),
                verification());
    }

    static DonneesArrete arrete() {
        return arrete(new Regime.Definitif("Vu l’avis favorable avec réserves émis par la commission départementale de vidéoprotection "
                + "lors de sa séance du 10 mars 2026", LocalDate.of(2026, 3, 10),
                "Masquer les fenêtres des immeubles voisins.\nNe filmer ni la terrasse & ni la rue " + SCRIPT
                        + "\n\nTransmettre le plan actualisé."));
    }

    static DonneesArrete arreteProvisoire() {
        return arrete(new Regime.Provisoire(LocalDate.of(2026, 7, 23)));
    }

    static DonneesRefus refus() {
        return new DonneesRefus(
                autorite(),
                new DonneesRefus.Coordonnees(List.of("Boulevard du 112e Régiment d’Infanterie", "83070 Toulon Cedex"),
                        "04 94 18 83 83", "pref-videoprotection@var.gouv.fr"),
                LocalDate.of(2026, 3, 24),
                new DonneesRefus.Destinataire("Boulangerie Éloïse & Fils " + SCRIPT,
                        List.of("3 place Carnot", "83000 Toulon")),
                "VP-2025-000987",
                LocalDate.of(2025, 11, 23),
                LocalDate.of(2026, 3, 10),
                """
                        Deux caméras extérieures filment la voie publique au-delà des abords immédiats.
                        Un commerçant ne peut filmer que les abords immédiats de son commerce.

                        Le plan de détail & les photographies ne permettent pas de vérifier le champ de vision.
                        """ + SCRIPT,
                List.of("Article L251-2 du code de la sécurité intérieure (visionnage de la voie publique)",
                        "Article L252-2 du code de la sécurité intérieure (abords immédiats des commerces)"),
                new Signataire("La directrice de cabinet", "Claire Lefèvre"),
                verification());
    }

    static DonneesOrdreDuJour ordreDuJour(int nombreDossiers) {
        List<DossierInscrit> dossiers = IntStream.rangeClosed(1, nombreDossiers)
                .mapToObj(i -> new DossierInscrit("VP-2026-%06d".formatted(i),
                        i == 1 ? "<i>Éloïse</i> & Fils" : "Demandeur n° " + i,
                        i == 1 ? "Hyères" : "Toulon", i % 3 == 0 ? "Renouvellement" : "Nouveau système", i,
                        i == 2 || i == 5))
                .toList();
        return new DonneesOrdreDuJour("Préfecture du Var", LocalDateTime.of(2026, 6, 1, 14, 30),
                List.of("Salle Jean Moulin", "Préfecture du Var, boulevard du 112e Régiment d’Infanterie, Toulon"),
                dossiers);
    }
}
