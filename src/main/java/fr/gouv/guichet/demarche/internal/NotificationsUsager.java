package fr.gouv.guichet.demarche.internal;

import fr.gouv.guichet.compte.Usagers;
import fr.gouv.guichet.demarche.DemandePieces;
import fr.gouv.guichet.demarche.Dossier;
import fr.gouv.guichet.demarche.CycleDeVie;
import fr.gouv.guichet.demarche.Etat;
import fr.gouv.guichet.demarche.Evenements.DocumentOfficielJoint;
import fr.gouv.guichet.demarche.Evenements.DossierTransitionne;
import fr.gouv.guichet.demarche.Evenements.MessagePrefecture;
import fr.gouv.guichet.demarche.Procedures;
import fr.gouv.guichet.demarche.Transition;
import fr.gouv.guichet.demarche.TypeActeur;
import fr.gouv.guichet.notification.Courriel;
import fr.gouv.guichet.notification.Courriels;
import fr.gouv.guichet.compte.EnvoisUsager;
import org.jspecify.annotations.Nullable;
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
    private final EnvoisUsager envois;
    private final Environment env;
    private final Procedures procedures;

    NotificationsUsager(DossierRepository dossiers, HistoriqueRepository historique, fr.gouv.guichet.piece.StockageFichiers stockage,
                        Usagers usagers, EnvoisUsager envois, Environment env, Procedures procedures) {
        this.procedures = procedures;
        this.dossiers = dossiers;
        this.historique = historique;
        this.stockage = stockage;
        this.usagers = usagers;
        this.envois = envois;
        this.env = env;
    }

    /** What the e-mail says comes from the transition's declaration in the procedure's lifecycle ({@link Transition.Avis}). */
    @ApplicationModuleListener
    void transition(DossierTransitionne e) {
        if (e.acteur() == TypeActeur.USAGER) {
            return;
        }
        CycleDeVie cycle = procedures.cycle(e.demarche());
        Transition.Avis avis = cycle.transition(e.transition()).map(Transition::avis).orElse(Transition.Avis.PAR_DEFAUT);
        if (e.acteur() == TypeActeur.SYSTEME) {
            // A step reported by an outside system (e.g. a title produced, then shipped) is announced when its lifecycle
            // declares what to say, with what the step recorded (numbers, expected dates).
            if (avis.equals(Transition.Avis.PAR_DEFAUT)) {
                return;
            }
            String detail = historique.motif(e.transitionId()).orElse("");
            avis = new Transition.Avis(avis.sujet(), detail.isBlank() ? avis.explication() : avis.explication() + " " + detail + ".",
                    avis.pieceJointe());
        }
        if (avis.pieceJointe() != null) {
            // A decision is announced with its act, once the act is rendered (see documentOfficiel).
            return;
        }
        // One e-mail per firing (its recorded row), not per pair of states: a second request for documents is news too.
        annoncer("notification-transition:" + e.dossierId() + ":" + e.transitionId(), e.dossierId(), e.transition(), avis,
                cycle.etat(e.vers()), List.of());
    }

    /**
     * A decision (arrêté, refusal…) goes with the e-mail that announces it: sent when the act's PDF, rendered after the
     * decision's transaction (issue 10, point 4), is attached to the dossier. Which transition it announces is read from
     * the procedure's lifecycle (the transition whose {@link Transition.Avis#pieceJointe()} is this document's code).
     */
    @ApplicationModuleListener
    void documentOfficiel(DocumentOfficielJoint e) {
        Dossier dossier = dossiers.parId(e.dossierId()).orElse(null);
        if (dossier == null) {
            return;
        }
        CycleDeVie cycle = procedures.cycle(dossier.demarche());
        Transition transition = cycle.transitions().stream().filter(t -> e.code().equals(t.avis().pieceJointe()))
                .findFirst().orElse(null);
        if (transition == null) {
            return;
        }
        List<Courriel.Fichier> fichiers = historique.piece(e.dossierId(), e.pieceId()).map(p -> {
            try (var in = stockage.ouvrir(p.cleStockage())) {
                return List.of(new Courriel.Fichier(p.nom(), "application/pdf", in.readAllBytes()));
            } catch (java.io.IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            }
        }).orElse(List.of());
        annoncer("notification-acte:" + e.pieceId(), e.dossierId(), transition.code(), transition.avis(), dossier.etat(), fichiers);
    }

    private void annoncer(String cle, long dossierId, String transition, Transition.Avis avis, Etat vers,
                          List<Courriel.Fichier> fichiers) {
        List<String> paragraphes = new ArrayList<>(List.of(
                "Nouveau statut de votre dossier %s : « " + vers.libelleUsager() + " ».", avis.explication()));
        if (transition.equals(CycleDeVie.DEMANDER_PIECES)) {
            dossiers.derniereDemandePieces(dossierId).ifPresent(d -> paragraphes.addAll(demandePieces(d)));
        }
        paragraphes.add("Consultez votre dossier pour voir le détail et, le cas échéant, répondre au service qui l’instruit.");
        envoyerUneFois(cle, dossierId, "Votre dossier %s : " + avis.sujet(), paragraphes, fichiers);
    }

    /** CRPA L114-5: the documents asked, the deadline, and what happens to the clock. */
    private static List<String> demandePieces(DemandePieces d) {
        String echeance = DATE.format(d.echeance());
        return List.of("Pièces et informations demandées : " + d.pieces() + ".",
                "Date limite pour les fournir : " + echeance + ".",
                "Le délai au terme duquel le silence de l’administration vaut rejet de votre demande est suspendu jusqu’à la réception "
                        + "de ces pièces, et au plus tard jusqu’au " + echeance + " (article L114-5 du code des relations entre le public "
                        + "et l’administration). Il reprendra alors là où il s’était arrêté : la nouvelle date figure dans votre dossier.");
    }

    @ApplicationModuleListener
    void message(MessagePrefecture e) {
        envoyerUneFois("notification-message:" + e.messageId(), e.dossierId(), "Nouveau message du service instructeur sur votre dossier %s",
                List.of("Le service qui instruit votre dossier %s vous a écrit.", "Lisez son message dans votre espace Guichet."), List.of());
    }

    /** Sent once per key ({@link Courriels#envoyerUneFois}), with a Message-ID fixed by the key. */
    private void envoyerUneFois(String cle, long dossierId, String sujet, List<String> paragraphes, List<Courriel.Fichier> fichiers) {
        Dossier dossier = dossiers.parId(dossierId).orElse(null);
        if (dossier == null || dossier.usagerId() == null) {
            return;
        }
        usagers.profil(dossier.usagerId()).ifPresent(u -> envois.envoyerUneFois(u.id(), cle, adresse -> new Courriel(adresse,
                sujet.formatted(dossier.numero()), paragraphes.stream().map(p -> p.replace("%s", dossier.numero())).toList(),
                "Voir mon dossier", env.getProperty("guichet.url-publique", "http://localhost:8080") + "/usager/dossiers/" + dossier.id(),
                fichiers, cle.replace(':', '.'))));
    }
}
