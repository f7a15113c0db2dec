package fr.gouv.guichet.demarche.internal;

import fr.gouv.guichet.compte.Usagers;
import fr.gouv.guichet.demarche.DemandePieces;
import fr.gouv.guichet.demarche.Dossier;
import fr.gouv.guichet.demarche.EtatDossier;
import fr.gouv.guichet.demarche.Evenements.DossierTransitionne;
import fr.gouv.guichet.demarche.Evenements.MessagePrefecture;
import fr.gouv.guichet.demarche.Transition;
import fr.gouv.guichet.notification.Courriel;
import fr.gouv.guichet.notification.Courriels;
import org.springframework.core.env.Environment;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Tells the usager by e-mail when their dossier moves or the préfecture writes (their timeline shows it too). */
@Component
class NotificationsUsager {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRANCE);

    private final DossierRepository dossiers;
    private final HistoriqueRepository historique;
    private final fr.gouv.guichet.piece.StockageFichiers stockage;
    private final Usagers usagers;
    private final Courriels courriels;
    private final Environment env;

    NotificationsUsager(DossierRepository dossiers, HistoriqueRepository historique, fr.gouv.guichet.piece.StockageFichiers stockage,
                        Usagers usagers, Courriels courriels, Environment env) {
        this.dossiers = dossiers;
        this.historique = historique;
        this.stockage = stockage;
        this.usagers = usagers;
        this.courriels = courriels;
        this.env = env;
    }

    @ApplicationModuleListener
    void transition(DossierTransitionne e) {
        if (e.transition().acteur() != fr.gouv.guichet.demarche.TypeActeur.AGENT) {
            return;
        }
        // One e-mail per firing (its recorded row), not per pair of states: a second request for documents is news too.
        String cle = "notification-transition:" + e.dossierId() + ":" + e.transitionId();
        List<String> paragraphes = new ArrayList<>(List.of(
                "Nouveau statut de votre dossier %s : « " + e.vers().libelleUsager() + " ».",
                explication(e.transition())));
        if (e.transition() == Transition.DEMANDER_PIECES) {
            dossiers.derniereDemandePieces(e.dossierId()).ifPresent(d -> paragraphes.addAll(demandePieces(d)));
        }
        paragraphes.add("Consultez votre dossier pour voir le détail et, le cas échéant, répondre à la préfecture.");
        envoyerUneFois(cle, e.dossierId(), "Votre dossier %s : " + sujet(e.transition()), paragraphes, decision(e.dossierId(), e.transition()));
    }

    /** CRPA L114-5: the documents asked, the deadline, and what happens to the clock. */
    private static List<String> demandePieces(DemandePieces d) {
        String echeance = DATE.format(d.echeance());
        return List.of("Pièces et informations demandées : " + d.pieces() + ".",
                "Date limite pour les fournir : " + echeance + ".",
                "Le délai au terme duquel le silence de la préfecture vaut rejet de votre demande est suspendu jusqu’à la réception "
                        + "de ces pièces, et au plus tard jusqu’au " + echeance + " (article L114-5 du code des relations entre le public "
                        + "et l’administration). Il reprendra alors là où il s’était arrêté : la nouvelle date figure dans votre dossier.");
    }

    /** The préfet's decision (arrêté, refusal) goes with the e-mail that announces it. */
    private List<Courriel.Fichier> decision(long dossierId, Transition transition) {
        String code = switch (transition) {
            case AUTORISER -> "arrete";
            case AUTORISER_PROVISOIREMENT -> "arrete_provisoire";
            case REFUSER -> "refus";
            default -> null;
        };
        if (code == null) {
            return List.of();
        }
        return historique.pieces(dossierId).stream().filter(p -> p.codePiece().equals(code)).reduce((a, b) -> b)
                .map(p -> {
                    try (var in = stockage.ouvrir(p.cleStockage())) {
                        return List.of(new Courriel.Fichier(p.nom(), "application/pdf", in.readAllBytes()));
                    } catch (java.io.IOException ex) {
                        throw new java.io.UncheckedIOException(ex);
                    }
                }).orElse(List.of());
    }

    @ApplicationModuleListener
    void message(MessagePrefecture e) {
        envoyerUneFois("notification-message:" + e.messageId(), e.dossierId(), "Nouveau message de la préfecture sur votre dossier %s",
                List.of("La préfecture vous a écrit au sujet de votre dossier %s.", "Lisez son message dans votre espace Guichet."), List.of());
    }

    /** Sent once per key ({@link Courriels#envoyerUneFois}), with a Message-ID fixed by the key. */
    private void envoyerUneFois(String cle, long dossierId, String sujet, List<String> paragraphes, List<Courriel.Fichier> fichiers) {
        Dossier dossier = dossiers.parId(dossierId).orElse(null);
        if (dossier == null || dossier.usagerId() == null) {
            return;
        }
        usagers.profil(dossier.usagerId()).ifPresent(u -> courriels.envoyerUneFois(cle, new Courriel(u.email(),
                sujet.formatted(dossier.numero()), paragraphes.stream().map(p -> p.replace("%s", dossier.numero())).toList(),
                "Voir mon dossier", env.getProperty("guichet.url-publique", "http://localhost:8080") + "/usager/dossiers/" + dossier.id(),
                fichiers, cle.replace(':', '.'))));
    }

    private static String sujet(Transition t) {
        return switch (t) {
            case DEMANDER_PIECES -> "des pièces complémentaires sont demandées";
            case AUTORISER -> "décision d’autorisation";
            case AUTORISER_PROVISOIREMENT -> "autorisation provisoire";
            case REFUSER -> "décision de refus";
            case CLASSER_SANS_SUITE -> "classement sans suite";
            default -> "nouvelle étape";
        };
    }

    private static String explication(Transition t) {
        return switch (t) {
            case PRENDRE_EN_CHARGE -> "Un agent de la préfecture a pris votre dossier en charge.";
            case DEMANDER_PIECES -> "La préfecture a besoin de documents complémentaires. Joignez-les dans votre dossier puis indiquez "
                    + "que vous les avez transmis.";
            case INSCRIRE_COMMISSION -> "Votre dossier est inscrit à l’ordre du jour de la commission départementale de vidéoprotection, "
                    + "qui rendra un avis au préfet.";
            case AUTORISER -> "Le préfet a autorisé votre système : l’arrêté est disponible dans votre dossier.";
            case AUTORISER_PROVISOIREMENT -> "Le préfet a autorisé votre système à titre provisoire, dans l’attente de l’avis de la commission.";
            case REFUSER -> "Le préfet a refusé l’autorisation : la décision motivée et les voies de recours sont dans votre dossier.";
            case CLASSER_SANS_SUITE -> "Votre dossier a été classé sans suite : le motif figure dans votre dossier.";
            default -> "";
        };
    }

}
