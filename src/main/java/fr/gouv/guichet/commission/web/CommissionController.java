package fr.gouv.guichet.commission.web;

import fr.gouv.guichet.agent.AgentConnecte;
import fr.gouv.guichet.commission.Avis;
import fr.gouv.guichet.commission.Commissions;
import fr.gouv.guichet.commission.Echeance;
import fr.gouv.guichet.commission.SaisieCommissionInvalide;
import fr.gouv.guichet.commission.Seance;
import fr.gouv.guichet.commission.internal.AccesCommission;
import fr.gouv.guichet.commission.internal.LigneOrdreDuJour;
import fr.gouv.guichet.commission.internal.OrdresDuJour;
import fr.gouv.guichet.commission.internal.SeancesCommission;
import fr.gouv.guichet.demarche.Dossier;
import fr.gouv.guichet.demarche.DossierIntrouvable;
import fr.gouv.guichet.demarche.InstructionDossiers;
import fr.gouv.guichet.demarche.TransitionImpossible;
import fr.gouv.guichet.referentiel.Departements;
import org.jspecify.annotations.Nullable;
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

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The secretariat of the commission départementale de vidéoprotection: sessions, their agenda (and its PDF),
 * inscriptions and opinions. Everything lives under the préfecture's URL and is refused (404) to other préfectures.
 */
@Controller
class CommissionController {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRANCE);
    static final DateTimeFormatter DATE_HEURE = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' H 'h' mm", Locale.FRANCE)
            .withZone(SeancesCommission.PARIS);
    private static final int SEANCES_PASSEES = 20;
    private static final int DOSSIERS_PROPOSES = 200;

    private final AccesCommission acces;
    private final Commissions commissions;
    private final OrdresDuJour ordresDuJour;
    private final SeancesCommission seances;
    private final InstructionDossiers dossiers;
    private final Departements departements;
    private final Clock horloge;

    CommissionController(AccesCommission acces, Commissions commissions, OrdresDuJour ordresDuJour, SeancesCommission seances,
                         InstructionDossiers dossiers, Departements departements, Clock horloge) {
        this.acces = acces;
        this.commissions = commissions;
        this.ordresDuJour = ordresDuJour;
        this.seances = seances;
        this.dossiers = dossiers;
        this.departements = departements;
        this.horloge = horloge;
    }

    /** What the session form was filled with, to show it again with its errors. */
    record SaisieSeance(String date, String heure, String lieu) {
        static final SaisieSeance VIDE = new SaisieSeance("", "", "");
    }

    /** What an opinion form was filled with. */
    record SaisieAvis(long dossierId, String avis, String texte) {
    }

    @GetMapping("/agent/prefectures/{code}/commission")
    String seances(@PathVariable String code, Model model) {
        acces.prefecture(code);
        return pageSeances(code, model, SaisieSeance.VIDE, Map.of());
    }

    @PostMapping("/agent/prefectures/{code}/commission/seances")
    String creer(@PathVariable String code, @RequestParam(defaultValue = "") String date, @RequestParam(defaultValue = "") String heure,
                 @RequestParam(defaultValue = "") String lieu, Model model, RedirectAttributes redirection) {
        AgentConnecte agent = acces.prefecture(code);
        SaisieSeance saisie = new SaisieSeance(date.strip(), heure.strip(), lieu);
        Map<String, String> erreurs = new LinkedHashMap<>();
        LocalDateTime debut = debut(saisie, erreurs);
        try {
            if (erreurs.isEmpty()) {
                Seance seance = commissions.creerSeance(agent, code, debut, lieu);
                redirection.addFlashAttribute("messageSucces", "La " + seance.libelle() + " est créée. Inscrivez-y les dossiers à examiner.");
                return "redirect:/agent/prefectures/" + code + "/commission/seances/" + seance.id();
            }
            // Date or time unreadable: the service still checks the place, so that every error shows at once (it throws).
            commissions.creerSeance(agent, code, null, lieu);
        } catch (SaisieCommissionInvalide e) {
            rapporter(e, erreurs);
        }
        return pageSeances(code, model, saisie, erreurs);
    }

    @PostMapping("/agent/prefectures/{code}/commission/seances/{id}/modification")
    String modifier(@PathVariable String code, @PathVariable long id, @RequestParam(defaultValue = "") String date,
                    @RequestParam(defaultValue = "") String heure, @RequestParam(defaultValue = "") String lieu,
                    @RequestParam(defaultValue = "") String motif, Model model, RedirectAttributes redirection) {
        AgentConnecte agent = acces.prefecture(code);
        Seance seance = acces.seance(agent, code, id);
        SaisieSeance saisie = new SaisieSeance(date.strip(), heure.strip(), lieu);
        Map<String, String> erreurs = new LinkedHashMap<>();
        LocalDateTime debut = debut(saisie, erreurs);
        try {
            if (erreurs.isEmpty()) {
                Seance modifiee = commissions.modifierSeance(agent, seance.id(), debut, lieu, motif);
                redirection.addFlashAttribute("messageSucces", "La séance est modifiée : " + modifiee.libelle() + ".");
                return "redirect:/agent/prefectures/" + code + "/commission/seances/" + id;
            }
        } catch (SaisieCommissionInvalide e) {
            rapporter(e, erreurs);
        }
        model.addAttribute("saisieModification", saisie);
        model.addAttribute("motifModification", motif);
        model.addAttribute("erreursModification", erreurs);
        return pageSeance(seance, model);
    }

    @PostMapping("/agent/prefectures/{code}/commission/seances/{id}/annulation")
    String annuler(@PathVariable String code, @PathVariable long id, @RequestParam(defaultValue = "") String motif, Model model,
                   RedirectAttributes redirection) {
        AgentConnecte agent = acces.prefecture(code);
        Seance seance = acces.seance(agent, code, id);
        try {
            commissions.annulerSeance(agent, seance.id(), motif);
        } catch (SaisieCommissionInvalide e) {
            model.addAttribute("erreursAnnulation", e.erreurs());
            model.addAttribute("motifAnnulation", motif);
            return pageSeance(seance, model);
        }
        redirection.addFlashAttribute("messageSucces", "La " + seance.libelle() + " est annulée ; les dossiers inscrits attendent une autre séance.");
        return "redirect:/agent/prefectures/" + code + "/commission/seances/" + id;
    }

    /** The session's start from the form, or null with the errors of {@code date} and {@code heure}. */
    private static @Nullable LocalDateTime debut(SaisieSeance saisie, Map<String, String> erreurs) {
        LocalDate jour = null;
        LocalTime temps = null;
        if (saisie.date().isEmpty()) {
            erreurs.put("date", "Indiquez la date de la séance.");
        } else {
            try {
                jour = LocalDate.parse(saisie.date());
            } catch (DateTimeParseException e) {
                erreurs.put("date", "Indiquez une date valide, au format jj/mm/aaaa.");
            }
        }
        if (saisie.heure().isEmpty()) {
            erreurs.put("heure", "Indiquez l’heure de début de la séance.");
        } else {
            try {
                temps = LocalTime.parse(saisie.heure());
            } catch (DateTimeParseException e) {
                erreurs.put("heure", "Indiquez une heure valide, au format hh:mm (par exemple 14:30).");
            }
        }
        return jour == null || temps == null ? null : jour.atTime(temps);
    }

    /** The service's messages, on the form's fields ({@code debut} goes on the date unless date or time already has one). */
    private static void rapporter(SaisieCommissionInvalide e, Map<String, String> erreurs) {
        e.erreurs().forEach((champ, message) -> {
            if (champ.equals("debut")) {
                if (!erreurs.containsKey("date") && !erreurs.containsKey("heure")) {
                    erreurs.put("date", message);
                }
            } else {
                erreurs.putIfAbsent(champ, message);
            }
        });
    }

    @GetMapping("/agent/prefectures/{code}/commission/seances/{id}")
    String seance(@PathVariable String code, @PathVariable long id, Model model) {
        AgentConnecte agent = acces.prefecture(code);
        return pageSeance(acces.seance(agent, code, id), model);
    }

    @GetMapping("/agent/prefectures/{code}/commission/seances/{id}/ordre-du-jour.pdf")
    ResponseEntity<byte[]> ordreDuJour(@PathVariable String code, @PathVariable long id) {
        AgentConnecte agent = acces.prefecture(code);
        Seance seance = acces.seance(agent, code, id);
        if (seance.nombreDossiers() == 0) {
            return ResponseEntity.status(303).header(HttpHeaders.LOCATION, "/agent/prefectures/" + code + "/commission/seances/" + id)
                    .build();
        }
        byte[] pdf = ordresDuJour.pdf(seance);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("ordre-du-jour-" + code + "-" + seance.debut().toLocalDate() + ".pdf", StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.APPLICATION_PDF)
                .contentLength(pdf.length)
                .body(pdf);
    }

    @PostMapping("/agent/prefectures/{code}/commission/seances/{id}/inscriptions")
    String inscrire(@PathVariable String code, @PathVariable long id, @RequestParam(defaultValue = "") String dossier,
                    @RequestParam(defaultValue = "") String numero, Model model, RedirectAttributes redirection) {
        AgentConnecte agent = acces.prefecture(code);
        Seance seance = acces.seance(agent, code, id);
        String champ = numero.isBlank() ? "dossier" : "numero";
        Long dossierId = null;
        if (!numero.isBlank()) {
            String n = numero.strip().toUpperCase(Locale.ROOT);
            dossierId = dossiers.parNumero(n).filter(d -> !d.estBrouillon() && agent.instruit(d.codeDepartement()))
                    .map(Dossier::id).orElse(null);
            if (dossierId == null) {
                return erreurInscription(seance, model, champ, numero, "Aucun dossier de la préfecture ne porte le numéro « " + n
                        + " ». Vérifiez le numéro (par exemple VP-083-2026-000123-K).");
            }
        } else if (!dossier.isBlank()) {
            try {
                dossierId = Long.parseLong(dossier.strip());
            } catch (NumberFormatException e) {
                throw new DossierIntrouvable();
            }
        } else {
            return erreurInscription(seance, model, champ, numero, "Choisissez un dossier dans la liste, ou saisissez son numéro.");
        }
        try {
            commissions.inscrire(agent, seance.id(), dossierId);
        } catch (SaisieCommissionInvalide e) {
            return erreurInscription(seance, model, champ, numero, String.join(" ", e.erreurs().values()));
        } catch (TransitionImpossible e) {
            return erreurInscription(seance, model, champ, numero,
                    "Le dossier a changé d’état entre-temps : rechargez la page pour voir son état actuel.");
        }
        String numeroInscrit = dossiers.pourInstruction(dossierId).map(Dossier::numero).orElse("");
        redirection.addFlashAttribute("messageSucces", "Le dossier " + numeroInscrit + " est inscrit à l’ordre du jour de la "
                + seance.libelle() + ".");
        return "redirect:/agent/prefectures/" + code + "/commission/seances/" + id + "#ordre-du-jour";
    }

    @PostMapping("/agent/prefectures/{code}/commission/seances/{id}/dossiers/{dossierId}/avis")
    String avis(@PathVariable String code, @PathVariable long id, @PathVariable long dossierId,
                @RequestParam(defaultValue = "") String avis, @RequestParam(defaultValue = "") String texte, Model model,
                RedirectAttributes redirection) {
        AgentConnecte agent = acces.prefecture(code);
        Seance seance = acces.seance(agent, code, id);
        Avis choisi = null;
        if (!avis.isBlank()) {
            try {
                choisi = Avis.valueOf(avis.strip());
            } catch (IllegalArgumentException e) {
                choisi = null;
            }
        }
        try {
            commissions.enregistrerAvis(agent, seance.id(), dossierId, choisi, texte);
        } catch (SaisieCommissionInvalide e) {
            model.addAttribute("saisieAvis", new SaisieAvis(dossierId, avis, texte));
            model.addAttribute("erreursAvis", e.erreurs());
            return pageSeance(seance, model);
        }
        String numero = dossiers.pourInstruction(dossierId).map(Dossier::numero).orElse("");
        redirection.addFlashAttribute("messageSucces", "Avis " + choisi.libelle().toLowerCase(Locale.FRANCE)
                + " enregistré pour le dossier " + numero + ".");
        return "redirect:/agent/prefectures/" + code + "/commission/seances/" + id + "#avis-dossier-" + dossierId;
    }

    @PostMapping("/agent/prefectures/{code}/commission/seances/{id}/dossiers/{dossierId}/prorogation")
    String prorogation(@PathVariable String code, @PathVariable long id, @PathVariable long dossierId, RedirectAttributes redirection) {
        AgentConnecte agent = acces.prefecture(code);
        Seance seance = acces.seance(agent, code, id);
        commissions.prorogerDelai(agent, seance.id(), dossierId);
        String numero = dossiers.pourInstruction(dossierId).map(Dossier::numero).orElse("");
        String limite = commissions.echeanceAvis(dossierId).map(Echeance::limite).map(DATE::format).orElse("");
        redirection.addFlashAttribute("messageSucces", "Délai prolongé d’un mois pour le dossier " + numero
                + " : l’avis est attendu au plus tard le " + limite + ".");
        return "redirect:/agent/prefectures/" + code + "/commission/seances/" + id + "#avis-dossier-" + dossierId;
    }

    private String erreurInscription(Seance seance, Model model, String champ, String numero, String message) {
        model.addAttribute("erreursInscription", Map.of(champ, message));
        model.addAttribute("numeroSaisi", numero);
        return pageSeance(seance, model);
    }

    private String pageSeances(String code, Model model, SaisieSeance saisie, Map<String, String> erreurs) {
        model.addAttribute("prefecture", departements.parCode(code).orElseThrow());
        model.addAttribute("aVenir", commissions.seancesAVenir(code));
        model.addAttribute("passees", commissions.seancesPassees(code, SEANCES_PASSEES));
        model.addAttribute("saisie", saisie);
        model.addAttribute("erreurs", erreurs);
        return "commission/seances";
    }

    private String pageSeance(Seance seance, Model model) {
        List<LigneOrdreDuJour> lignes = ordresDuJour.lignes(seance);
        LocalDateTime maintenant = LocalDateTime.now(horloge.withZone(SeancesCommission.PARIS));
        model.addAttribute("prefecture", departements.parCode(seance.codeDepartement()).orElseThrow());
        model.addAttribute("seance", seance);
        model.addAttribute("aVenir", seance.debut().isAfter(maintenant));
        model.addAttribute("lignes", lignes);
        model.addAttribute("reportes", seances.reportes(seance.id()));
        model.addAttribute("eligibles", seances.aInscrire(seance.codeDepartement(), DOSSIERS_PROPOSES));
        model.addAttribute("commencee", !seance.debut().isAfter(maintenant));
        model.addAttribute("avisPossibles", Avis.values());
        model.addAttribute("aujourdhui", maintenant.toLocalDate());
        model.addAttribute("date", DATE);
        model.addAttribute("journal", seances.journal(seance.id()));
        model.addAttribute("dateHeure", DATE_HEURE);
        if (!model.containsAttribute("erreursModification")) {
            model.addAttribute("erreursModification", Map.of());
            model.addAttribute("saisieModification", new SaisieSeance(seance.debut().toLocalDate().toString(),
                    seance.debut().toLocalTime().truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString(), seance.lieu()));
            model.addAttribute("motifModification", "");
        }
        if (!model.containsAttribute("erreursAnnulation")) {
            model.addAttribute("erreursAnnulation", Map.of());
            model.addAttribute("motifAnnulation", "");
        }
        if (!model.containsAttribute("erreursInscription")) {
            model.addAttribute("erreursInscription", Map.of());
            model.addAttribute("numeroSaisi", "");
        }
        if (!model.containsAttribute("erreursAvis")) {
            model.addAttribute("erreursAvis", Map.of());
            model.addAttribute("saisieAvis", new SaisieAvis(-1, "", ""));
        }
        return "commission/seance";
    }
}
