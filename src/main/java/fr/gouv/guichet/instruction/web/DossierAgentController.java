package fr.gouv.guichet.instruction.web;

import fr.gouv.guichet.agent.AgentConnecte;
import fr.gouv.guichet.demarche.CycleDeVie;
import fr.gouv.guichet.demarche.DelaisDossier;
import fr.gouv.guichet.demarche.Dossier;
import fr.gouv.guichet.demarche.DossierIntrouvable;
import fr.gouv.guichet.demarche.InstructionDossiers;
import fr.gouv.guichet.demarche.Historique;
import fr.gouv.guichet.demarche.Procedures;
import fr.gouv.guichet.demarche.Recapitulatif;
import fr.gouv.guichet.demarche.Transition;
import fr.gouv.guichet.demarche.TransitionImpossible;
import fr.gouv.guichet.demarche.TransitionRefusee;
import fr.gouv.guichet.demarche.TypeActeur;
import fr.gouv.guichet.formulaire.CatalogueFormulaires;
import fr.gouv.guichet.formulaire.DefinitionFormulaire;
import fr.gouv.guichet.formulaire.Reponses;
import fr.gouv.guichet.instruction.internal.AccesInstruction;
import fr.gouv.guichet.instruction.internal.ApercuDecisions;
import fr.gouv.guichet.instruction.internal.Decisions;
import fr.gouv.guichet.instruction.internal.FondementRefus;
import fr.gouv.guichet.instruction.internal.NotesAgents;
import fr.gouv.guichet.piece.AnalysesAntivirus;
import fr.gouv.guichet.piece.EtatAnalyse;
import fr.gouv.guichet.piece.RenvoiFichierNonDisponible;
import fr.gouv.guichet.piece.TypeContenu;
import fr.gouv.guichet.referentiel.Departements;
import fr.gouv.guichet.signalement.Signaux;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** A dossier seen by an agent of its préfecture, and the instruction actions allowed in its state. */
@Controller
class DossierAgentController {

    static final DateTimeFormatter DATE_HEURE = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH'h'mm", Locale.FRANCE)
            .withZone(ZoneId.of("Europe/Paris"));

    private final AccesInstruction acces;
    private final InstructionDossiers dossiers;
    private final Procedures procedures;
    private final CatalogueFormulaires catalogue;
    private final NotesAgents notes;
    private final Departements departements;
    private final DelaisDossier delais;
    private final AnalysesAntivirus analyses;
    private final Decisions decisions;
    private final ApercuDecisions apercus;
    private final fr.gouv.guichet.commission.Commissions commissions;
    private final Signaux signaux;
    private final org.springframework.beans.factory.ObjectProvider<fr.gouv.guichet.instruction.EncartDossier> encarts;

    DossierAgentController(AccesInstruction acces, InstructionDossiers dossiers, Procedures procedures,
                           CatalogueFormulaires catalogue, NotesAgents notes, Departements departements,
                           DelaisDossier delais, AnalysesAntivirus analyses, Decisions decisions,
                           fr.gouv.guichet.commission.Commissions commissions, ApercuDecisions apercus, Signaux signaux,
                           org.springframework.beans.factory.ObjectProvider<fr.gouv.guichet.instruction.EncartDossier> encarts) {
        this.signaux = signaux;
        this.encarts = encarts;
        this.apercus = apercus;
        this.acces = acces;
        this.dossiers = dossiers;
        this.procedures = procedures;
        this.catalogue = catalogue;
        this.notes = notes;
        this.departements = departements;
        this.delais = delais;
        this.analyses = analyses;
        this.decisions = decisions;
        this.commissions = commissions;
    }

    @GetMapping("/agent/dossiers/{id}")
    String consulter(@PathVariable long id, Model model) {
        Dossier dossier = acces.dossier(id);
        dossiers.vuParAgent(id);
        return vue(model, dossier);
    }

    /** The dossier's page from the dossier read (also rendered by the start-up warm-up, {@link PrechauffageDossierAgent}). */
    String vue(Model model, Dossier dossier) {
        long id = dossier.id();
        DefinitionFormulaire definition = catalogue.get(dossier.formulaireId(), dossier.formulaireVersion());
        Reponses reponses = new Reponses(dossier.reponses());
        model.addAttribute("dossier", dossier);
        model.addAttribute("codeService", dossiers.service(dossier.id()).orElse(dossier.codeDepartement()));
        model.addAttribute("procedure", procedures.get(dossier.demarche()));
        model.addAttribute("prefecture", departements.parCode(dossier.codeDepartement()).orElseThrow());
        model.addAttribute("blocs", Recapitulatif.de(definition, reponses));
        model.addAttribute("piecesAttendues", procedures.get(dossier.demarche()).pieces().pour(definition, reponses));
        var pieces = dossiers.pieces(id);
        model.addAttribute("pieces", pieces);
        model.addAttribute("analyses", analyses.etats(pieces.stream().map(Historique.PieceJointe::cleStockage).toList()));
        model.addAttribute("messages", dossiers.messages(id));
        model.addAttribute("transitions", dossiers.transitions(id));
        model.addAttribute("notes", notes.de(id));
        model.addAttribute("signaux", signaux.duDossier(id));
        model.addAttribute("encarts", encarts.orderedStream().filter(e -> e.concerne(dossier))
                .map(e -> new fr.gouv.guichet.instruction.EncartDossier.Rendu(e.gabarit(), e.donnees(dossier))).toList());
        model.addAttribute("actions", procedures.cycle(dossier.demarche()).possibles(dossier.etat(), TypeActeur.AGENT));
        model.addAttribute("prioriteSuggeree", prioriteSuggeree(reponses));
        model.addAttribute("horloge", delais.horloge(dossier));
        model.addAttribute("format", DATE_HEURE);
        model.addAttribute("avisCommission", commissions.avis(id).orElse(null));
        model.addAttribute("fondementsRefus", FondementRefus.values());
        model.addAttribute("avisVise", commissions.avisVise(id).orElse(null));
        model.addAttribute("echeanceCommission", commissions.echeanceAvis(id).orElse(null));
        model.addAttribute("seances", commissions.seancesAVenir(dossier.codeDepartement()));
        return "instruction/dossier";
    }

    @PostMapping("/agent/dossiers/{id}/actions/{transition}")
    String agir(@PathVariable long id, @PathVariable String transition,
                @RequestParam(name = "motif", defaultValue = "") String motif,
                @RequestParam(name = "pieces", required = false) List<String> pieces,
                @RequestParam(name = "finProvisoire", required = false) String finProvisoire,
                @RequestParam(name = "echeance", required = false) String echeance,
                @RequestParam(name = "fondements", required = false) List<String> fondements,
                @RequestParam(name = "confirme", defaultValue = "") String confirme, Model model,
                RedirectAttributes redirection) {
        Dossier dossier = acces.dossier(id);
        AgentConnecte agent = acces.agent();
        Transition t = procedures.cycle(dossier.demarche()).transition(transition).orElseThrow(DossierIntrouvable::new);
        String texte = motif.strip();
        if (t.code().equals(CycleDeVie.DEMANDER_PIECES) && pieces != null && !pieces.isEmpty()) {
            texte = String.join(" ; ", pieces) + (texte.isEmpty() ? "" : " ; " + texte);
        }
        String erreur = motifManquant(t, texte);
        if (erreur == null && echeance != null && !echeance.isBlank() && date(echeance) == null) {
            erreur = "Indiquez une date limite valide pour les pièces, au format jj/mm/aaaa.";
        }
        if (erreur != null) {
            redirection.addFlashAttribute("erreurAction", erreur);
            redirection.addFlashAttribute("actionEnErreur", t.code());
            return "redirect:/agent/dossiers/" + id + "#actions";
        }
        Decisions.Parametres parametres = new Decisions.Parametres(texte, date(finProvisoire), date(echeance),
                fondements == null ? List.of() : fondements.stream().distinct().limit(FondementRefus.values().length)
                        .map(FondementRefus::parCode).flatMap(java.util.Optional::stream).toList());
        try {
            if (ApercuDecisions.aConfirmer(t) && !confirme.equals("oui")) {
                // Issuing an act is not one click: the agent sees what it will say, then confirms.
                model.addAttribute("dossier", dossier);
        model.addAttribute("codeService", dossiers.service(dossier.id()).orElse(dossier.codeDepartement()));
                model.addAttribute("transition", t);
                model.addAttribute("apercu", apercus.apercu(dossier, t, parametres));
                model.addAttribute("parametres", parametres);
                model.addAttribute("motifSaisi", motif);
                return "instruction/apercu";
            }
            if (decisions.appliquer(dossier, t, agent, parametres)) {
                redirection.addFlashAttribute("messageSucces", t.libelle() + " : enregistré. L’usager en est informé par courriel.");
            } else {
                redirection.addFlashAttribute("messageSucces", t.libelle() + " : enregistré. Le document de la décision est en "
                        + "cours de production : il sera joint au dossier et envoyé à l’usager dans quelques minutes.");
            }
        } catch (Decisions.DecisionImpossible e) {
            redirection.addFlashAttribute("erreurAction", e.getMessage());
            redirection.addFlashAttribute("actionEnErreur", t.code());
            return "redirect:/agent/dossiers/" + id + "#actions";
        } catch (TransitionRefusee e) {
            redirection.addFlashAttribute("erreurAction", e.raison());
            redirection.addFlashAttribute("actionEnErreur", t.code());
            return "redirect:/agent/dossiers/" + id + "#actions";
        } catch (fr.gouv.guichet.document.RenduPdfImpossible e) {
            // Only when the act's text is larger than the renderer accepts: nothing recorded (the transaction rolled back).
            redirection.addFlashAttribute("erreurAction", "L’acte n’a pas pu être produit (dossier trop volumineux) : "
                    + "rien n’est enregistré. Signalez-le à l’assistance de Guichet.");
            redirection.addFlashAttribute("actionEnErreur", t.code());
            return "redirect:/agent/dossiers/" + id + "#actions";
        } catch (TransitionImpossible e) {
            redirection.addFlashAttribute("erreurAction", "Cette action n’est plus possible : le dossier a changé d’état entre-temps. "
                    + "Rechargez la page pour voir son état actuel.");
        }
        return "redirect:/agent/dossiers/" + id;
    }

    private static java.time.@org.jspecify.annotations.Nullable LocalDate date(@org.jspecify.annotations.Nullable String texte) {
        if (texte == null || texte.isBlank()) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(texte.strip());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static String motifManquant(Transition t, String texte) {
        return switch (t.code()) {
            case CycleDeVie.DEMANDER_PIECES -> texte.isEmpty() ? "Indiquez les pièces manquantes (cochez-les ou décrivez-les)." : null;
            case "REFUSER" -> texte.length() < 20 ? "Motivez le refus (20 caractères au moins) : la motivation figure dans la décision envoyée à l’usager." : null;
            case "CLASSER_SANS_SUITE" -> texte.isEmpty() ? "Indiquez le motif du classement sans suite." : null;
            default -> null;
        };
    }

    private static final String DOSSIER_DECIDE = "Ce dossier est décidé : il n’est plus possible d’écrire à l’usager "
            + "ni de changer sa priorité.";

    @PostMapping("/agent/dossiers/{id}/messages")
    String ecrire(@PathVariable long id, @RequestParam(name = "message", defaultValue = "") String message, RedirectAttributes redirection) {
        Dossier dossier = acces.dossier(id);
        if (dossier.etat().estFinal()) {
            // Issue 10, point 10: after the decision the exchange is closed (the decision is the last word).
            redirection.addFlashAttribute("erreurMessage", DOSSIER_DECIDE);
        } else if (message.isBlank() || message.length() > 5000) {
            redirection.addFlashAttribute("erreurMessage", "Écrivez un message de 5 000 caractères au plus.");
        } else {
            dossiers.messageAgent(dossier.id(), acces.agent().id(), message.strip());
            redirection.addFlashAttribute("messageSucces", "Message envoyé à l’usager.");
        }
        return "redirect:/agent/dossiers/" + id + "#messages";
    }

    @PostMapping("/agent/dossiers/{id}/notes")
    String noter(@PathVariable long id, @RequestParam(name = "note", defaultValue = "") String note, RedirectAttributes redirection) {
        Dossier dossier = acces.dossier(id);
        if (note.isBlank() || note.length() > 5000) {
            redirection.addFlashAttribute("erreurNote", "Écrivez une note de 5 000 caractères au plus.");
        } else {
            notes.ajouter(dossier.id(), acces.agent().id(), note.strip());
        }
        return "redirect:/agent/dossiers/" + id + "#notes";
    }

    @PostMapping("/agent/dossiers/{id}/priorite")
    String priorite(@PathVariable long id, @RequestParam(name = "prioritaire", defaultValue = "false") boolean prioritaire,
                    RedirectAttributes redirection) {
        Dossier dossier = acces.dossier(id);
        if (dossier.etat().estFinal()) {
            redirection.addFlashAttribute("erreurAction", DOSSIER_DECIDE);
            return "redirect:/agent/dossiers/" + id + "#actions";
        }
        dossiers.definirPriorite(dossier.id(), prioritaire);
        redirection.addFlashAttribute("messageSucces", prioritaire
                ? "Dossier signalé comme site exposé au risque terroriste : il passe en tête de file."
                : "Le signalement prioritaire est retiré.");
        return "redirect:/agent/dossiers/" + id;
    }

    @GetMapping("/agent/dossiers/{id}/pieces/{pieceId}")
    ResponseEntity<InputStreamResource> piece(@PathVariable long id, @PathVariable long pieceId,
                                              HttpServletRequest requete, HttpServletResponse reponse) {
        Dossier dossier = acces.dossier(id);
        Historique.PieceJointe piece = dossiers.piece(dossier.id(), pieceId).orElseThrow(DossierIntrouvable::new);
        EtatAnalyse analyse = analyses.etat(piece.cleStockage());
        if (analyse != EtatAnalyse.SAIN) {
            return RenvoiFichierNonDisponible.versLaPage("/agent/dossiers/" + id, "erreurAction", analyse, requete, reponse);
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(piece.nom(), StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(TypeContenu.valueOf(piece.typeContenu()).typeMime()))
                .contentLength(piece.taille())
                .body(new InputStreamResource(analyses.ouvrirSiSain(piece.cleStockage())));
    }

    @GetMapping("/agent/dossiers/{id}/pieces.zip")
    void toutesLesPieces(@PathVariable long id, HttpServletResponse reponse) throws IOException {
        Dossier dossier = acces.dossier(id);
        reponse.setContentType("application/zip");
        reponse.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("pieces-" + dossier.numero() + ".zip", StandardCharsets.UTF_8).build().toString());
        try (ZipOutputStream zip = new ZipOutputStream(reponse.getOutputStream(), StandardCharsets.UTF_8)) {
            int rang = 1;
            for (Historique.PieceJointe piece : dossiers.pieces(dossier.id())) {
                EtatAnalyse analyse = analyses.etat(piece.cleStockage());
                if (analyse != EtatAnalyse.SAIN) {
                    // Never served unscanned or infected: a note takes its place in the archive.
                    zip.putNextEntry(new ZipEntry(String.format("%02d-NON-TRANSMIS-%s.txt", rang++, piece.nom())));
                    zip.write(analyse.messageRefus().getBytes(StandardCharsets.UTF_8));
                    zip.closeEntry();
                    continue;
                }
                zip.putNextEntry(new ZipEntry(String.format("%02d-%s", rang++, piece.nom())));
                try (InputStream in = analyses.ouvrirSiSain(piece.cleStockage())) {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
        }
    }

    /** The usager ticked the anti-terrorism purpose: the agent is invited to flag the site as a priority. */
    static boolean prioriteSuggeree(Reponses reponses) {
        return reponses.liste("finalites").contains("prevention_terrorisme")
                || reponses.liste("finalites_voie_publique").contains("prevention_terrorisme");
    }
}
