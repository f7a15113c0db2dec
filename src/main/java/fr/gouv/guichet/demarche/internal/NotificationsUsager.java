package fr.gouv.guichet.demarche.internal;

import fr.gouv.guichet.compte.Usagers;
import fr.gouv.guichet.demarche.DemandePieces;
import fr.gouv.guichet.demarche.Dossier;
import fr.gouv.guichet.demarche.EtatDossier;
import fr.gouv.guichet.demarche.Evenements.DocumentOfficielJoint;
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
        if (e.transition().acteur() != fr.gouv.guichet.demarche.TypeActeur.AGENT || codeActe(e.transition()) != null) {
            // A decision is announced with its act, once the act is rendered (see documentOfficiel).
            return;
        }
        // One e-mail per firing (its recorded row), not per pair of states: a second request for documents is news too.
        annoncer("notification-transition:" + e.dossierId() + ":" + e.transitionId(), e.dossierId(), e.transition(), e.vers(),
                List.of());
    }

    /**
     * The préfet's decision (arrêté, refusal) goes with the e-mail that announces it: sent when the act's PDF, rendered
     * after the decision's transaction (issue 10, point 4), is attached to the dossier.
     */
    @ApplicationModuleListener
    void documentOfficiel(DocumentOfficielJoint e) {
        Transition transition = java.util.Arrays.stream(Transition.values()).filter(t -> e.code().equals(codeActe(t)))
                .findFirst().orElse(null);
        Dossier dossier = dossiers.parId(e.dossierId()).orElse(null);
        if (transition == null || dossier == null) {
            return;
        }
        List<Courriel.Fichier> fichiers = historique.piece(e.dossierId(), e.pieceId()).map(p -> {
            try (var in = stockage.ouvrir(p.cleStockage())) {
                return List.of(new Courriel.Fichier(p.nom(), "application/pdf", in.readAllBytes()));
            } catch (java.io.IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            }
        }).orElse(List.of());
        annoncer("notification-acte:" + e.pieceId(), e.dossierId(), transition, dossier.etat(), fichiers);
    }

    private void annoncer(String cle, long dossierId, Transition transition, EtatDossier vers, List<Courriel.Fichier> fichiers) {
        List<String> paragraphes = new ArrayList<>(List.of(
                "Nouveau statut de votre dossier %s : « " + vers.libelleUsager() + " ».",
                explication(transition)));
        if (transition == Transition.DEMANDER_PIECES) {
            dossiers.derniereDemandePieces(dossierId).ifPresent(d -> paragraphes.addAll(demandePieces(d)));
        }
        paragraphes.add("Consultez votre dossier pour voir le détail et, le cas échéant, répondre à la préfecture.");
        envoyerUneFois(cle, dossierId, "Votre dossier %s : " + sujet(transition), paragraphes, fichiers);
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

    /** The code of the document a decision issues (its e-mail waits for it), or null. */
    private static @org.jspecify.annotations.Nullable String codeActe(Transition transition) {
        return switch (transition) {
            case AUTORISER -> "arrete";
            case AUTORISER_PROVISOIREMENT -> "arrete_provisoire";
            case REFUSER -> "refus";
            default -> null;
        };
    }

    @ApplicationModuleListener
    void message(MessagePrefecture e) {
        envoyerUneFois("notification-message:" + e.messageId(), e.dossierId(), "Nouveau message de la préfecture sur votre dossier %s",
                List.of("La préfecture vous a écrit au sujet de votre dossier %s.", "Lisez son message dans votre espace Guichet."), List.of());
    }

    /** Claims the sending first (see {@link EnvoiRecepisse}): a concurrent run for the same key waits, then does nothing. */
    private void envoyerUneFois(String cle, long dossierId, String sujet, List<String> paragraphes, List<Courriel.Fichier> fichiers) {
        if (!dossiers.marquerEffet(cle)) {
            return;
        }
        Dossier dossier = dossiers.parId(dossierId).orElse(null);
        if (dossier == null || dossier.usagerId() == null) {
            return;
        }
        usagers.profil(dossier.usagerId()).ifPresent(u -> courriels.envoyer(new Courriel(u.email(), sujet.formatted(dossier.numero()),
                paragraphes.stream().map(p -> p.replace("%s", dossier.numero())).toList(),
                "Voir mon dossier", env.getProperty("guichet.url-publique", "http://localhost:8080") + "/usager/dossiers/" + dossier.id(),
                fichiers)));
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
