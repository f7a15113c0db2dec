package fr.gouv.guichet.videoprotection.web;

import fr.gouv.guichet.compte.ProfilUsager;
import fr.gouv.guichet.compte.UsagerCourant;
import fr.gouv.guichet.demarche.Dossier;
import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.formulaire.CatalogueFormulaires;
import fr.gouv.guichet.formulaire.DefinitionFormulaire;
import fr.gouv.guichet.referentiel.Departement;
import fr.gouv.guichet.referentiel.Competences;
import fr.gouv.guichet.referentiel.Departements;
import fr.gouv.guichet.videoprotection.DemarcheVideo;
import fr.gouv.guichet.videoprotection.internal.AutoriteCompetente;
import fr.gouv.guichet.videoprotection.internal.AutoriteCompetente.Lieu;
import fr.gouv.guichet.videoprotection.internal.ReferenceAutorisation;
import fr.gouv.guichet.videoprotection.internal.ReferenceAutorisation.Verification;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import fr.gouv.guichet.demarche.NumeroDossier;
import fr.gouv.guichet.demarche.QuotaAtteint;
import fr.gouv.guichet.socle.securite.Frein;
import jakarta.servlet.http.HttpServletRequest;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * Choosing the videoprotection démarche: where the system is installed (competent préfecture), then a new
 * draft; for a modification or a renewal, first the references of the existing authorization.
 */
@Controller
class DemarchesVideoController {

    private final UsagerCourant usagerCourant;
    private final Departements departements;
    private final Competences competences;
    private final Dossiers dossiers;
    private final CatalogueFormulaires catalogue;
    private final ReferenceAutorisation references;
    private final Clock horloge;
    private final Frein frein;
    private final fr.gouv.guichet.demarche.QuotasDossiers quotas;

    /** Ten checks an hour per account, thirty per client network (the references are guessable: numbers are sequential). */
    private static final Frein.Limite PAR_COMPTE = new Frein.Limite("reference-autorisation", 10, Duration.ofHours(1));
    private static final Frein.Limite PAR_RESEAU = new Frein.Limite("reference-autorisation-reseau", 30, Duration.ofHours(1));

    DemarchesVideoController(UsagerCourant usagerCourant, Departements departements, Dossiers dossiers,
                             CatalogueFormulaires catalogue, ReferenceAutorisation references, Clock horloge, Frein frein,
                             fr.gouv.guichet.demarche.QuotasDossiers quotas, Competences competences) {
        this.quotas = quotas;
        this.frein = frein;
        this.usagerCourant = usagerCourant;
        this.departements = departements;
        this.dossiers = dossiers;
        this.catalogue = catalogue;
        this.references = references;
        this.horloge = horloge;
        this.competences = competences;
    }

    @GetMapping("/usager/videoprotection")
    String choix(Model model) {
        ProfilUsager profil = usagerCourant.exiger();
        if (profil.codeDepartement() == null) {
            return "redirect:/usager/prefecture";
        }
        model.addAttribute("departement", departements.parCode(profil.codeDepartement()).orElseThrow());
        model.addAttribute("demarches", DemarcheVideo.values());
        // Not offered while the competent service's contact details are incomplete (issue 11, point 4).
        model.addAttribute("indisponible", indisponibilite(profil.codeDepartement()).orElse(null));
        return "videoprotection/choix";
    }

    @GetMapping("/usager/videoprotection/nouveau")
    String lieu(@RequestParam(name = "demarche", defaultValue = "AUTORISATION") String demarche, Model model) {
        return vueLieu(model, demarcheNouvelle(demarche), null);
    }

    @PostMapping("/usager/videoprotection/nouveau")
    String creer(@RequestParam(name = "demarche", defaultValue = "AUTORISATION") String code,
                 @RequestParam(name = "lieu", defaultValue = "") String lieu,
                 @RequestParam(name = "siege", defaultValue = "") String siege, Model model) {
        ProfilUsager profil = usagerCourant.exiger();
        DemarcheVideo demarche = demarcheNouvelle(code);
        Lieu choisi;
        try {
            choisi = Lieu.valueOf(lieu);
        } catch (IllegalArgumentException e) {
            return vueLieu(model, demarche, "Indiquez où le système est installé.");
        }
        if (choisi == Lieu.PLUSIEURS_DEPARTEMENTS && departements.parCode(siege).isEmpty()) {
            return vueLieu(model, demarche, "Choisissez le département du siège social : c’est sa préfecture qui est compétente.");
        }
        // The draft quota is checked once, under the account's lock, by creerBrouillon (QuotaAtteint below, ADR 0031).
        String departement = AutoriteCompetente.departementCompetent(choisi, profil.codeDepartement(), siege);
        var indisponible = indisponibilite(departement);
        if (indisponible.isPresent()) {
            return vueLieu(model, demarche, indisponible.get());
        }
        try {
            return "redirect:/usager/dossiers/" + nouveauBrouillon(profil, demarche, departement, Map.of(), null, null) + "/pages/1";
        } catch (QuotaAtteint e) {
            return vueLieu(model, demarche, e.getMessage());
        }
    }

    @GetMapping("/usager/videoprotection/reference")
    String reference(@RequestParam(name = "demarche", defaultValue = "MODIFICATION") String demarche, Model model) {
        model.addAttribute("demarche", demarcheExistante(demarche));
        model.addAttribute("numero", "");
        model.addAttribute("dateArrete", "");
        return "videoprotection/reference";
    }

    @PostMapping("/usager/videoprotection/reference")
    String verifierReference(@RequestParam(name = "demarche", defaultValue = "MODIFICATION") String code,
                             @RequestParam(name = "numero", defaultValue = "") String numero,
                             @RequestParam(name = "dateArrete", defaultValue = "") String dateSaisie,
                             Model model, RedirectAttributes redirection, HttpServletRequest requete) {
        ProfilUsager profil = usagerCourant.exiger();
        DemarcheVideo demarche = demarcheExistante(code);
        LocalDate date = date(dateSaisie);
        Verification verification;
        java.util.Optional<String> quota = quotas.refusBrouillon(profil.id());
        if (quota.isPresent()) {
            verification = new Verification("numero", quota.get(), null);
        } else if (!frein.autoriser(PAR_COMPTE.pour("usager:" + profil.id()), PAR_RESEAU.pourReseau(requete.getRemoteAddr()))) {
            verification = new Verification("numero", "Trop de vérifications de références en peu de temps : réessayez dans une heure, "
                    + "ou écrivez à la préfecture.", null);
        } else {
            verification = dateSaisie.isBlank() || date != null
                    ? references.verifier(numero, date, LocalDate.now(horloge), profil.id())
                    : new Verification("dateArrete", "La date de l’arrêté n’est pas valide : saisissez-la au format jj/mm/aaaa, par exemple 15/03/2022.", null);
        }
        if (!verification.valide()) {
            model.addAttribute("demarche", demarche);
            model.addAttribute("numero", numero);
            model.addAttribute("dateArrete", dateSaisie);
            model.addAttribute("champEnErreur", verification.champEnErreur());
            model.addAttribute("erreur", verification.message());
            return "videoprotection/reference";
        }
        Dossier autorisation = verification.autorisation();
        String reference = numero.strip().toUpperCase();
        String departement = autorisation != null ? autorisation.codeDepartement() : departementDeLaReference(reference, profil);
        // Only the holder's own authorization is copied: the references are public, they prove nothing.
        Map<String, Object> prerempli = autorisation != null && autorisation.formulaireId().equals(demarche.formulaireId())
                ? autorisation.reponses() : Map.of();
        var indisponible = departement == null ? java.util.Optional.<String>empty() : indisponibilite(departement);
        if (indisponible.isPresent()) {
            redirection.addFlashAttribute("messageErreur", indisponible.get());
            return "redirect:/usager/videoprotection";
        }
        long id;
        try {
            id = nouveauBrouillon(profil, demarche, departement, prerempli, reference, date);
        } catch (QuotaAtteint e) {
            redirection.addFlashAttribute("messageErreur", e.getMessage());
            return "redirect:/usager/videoprotection";
        }
        if (autorisation == null && !verification.anterieure()) {
            // Someone else's, unknown, not granted or another date: the same page, an empty draft, and for a holder who
            // is not the filing account a single-use code sent to the holder's address on file (TitulaireController).
            return "redirect:/usager/videoprotection/brouillons/" + id + "/titulaire";
        }
        redirection.addFlashAttribute("messageInfo", autorisation != null
                ? "Le formulaire est prérempli avec le système autorisé par l’arrêté du dossier " + autorisation.numero()
                + " : modifiez ce qui change."
                : "Cette autorisation est antérieure à Guichet : la préfecture vérifiera les références indiquées.");
        return "redirect:/usager/dossiers/" + id + "/pages/1";
    }

    private java.util.Optional<String> indisponibilite(String departement) {
        return competences.indisponibilite(DemarcheVideo.FAMILLE, departement, LocalDate.now(horloge));
    }

    /** The département written in a Guichet number (as typed: it reveals nothing), else the usager's préfecture. */
    private @Nullable String departementDeLaReference(String reference, ProfilUsager profil) {
        if (NumeroDossier.estValide(reference)) {
            String code = new NumeroDossier(reference).codeDepartement();
            if (departements.parCode(code).isPresent()) {
                return code;
            }
        }
        return profil.codeDepartement();
    }

    private long nouveauBrouillon(ProfilUsager profil, DemarcheVideo demarche, @Nullable String departement,
                                  Map<String, Object> prerempli, @Nullable String reference, @Nullable LocalDate dateArrete) {
        if (departement == null) {
            throw new IllegalStateException("Préfecture non choisie");
        }
        DefinitionFormulaire definition = catalogue.derniereVersion(demarche.formulaireId());
        Map<String, Object> reponses = new HashMap<>(prerempli);
        reponses.remove("engagement");
        reponses.put("nature_demande", demarche.natureDemande());
        return dossiers.creerBrouillon(profil.id(), departement, demarche.code(), definition.id(), definition.version(),
                reponses, reference, dateArrete);
    }

    private String vueLieu(Model model, DemarcheVideo demarche, @Nullable String erreur) {
        ProfilUsager profil = usagerCourant.exiger();
        if (profil.codeDepartement() == null) {
            return "redirect:/usager/prefecture";
        }
        Departement choisi = departements.parCode(profil.codeDepartement()).orElseThrow();
        model.addAttribute("demarche", demarche);
        model.addAttribute("departement", choisi);
        model.addAttribute("departements", departements.tous());
        model.addAttribute("erreur", erreur);
        return "videoprotection/lieu";
    }

    private static DemarcheVideo demarcheNouvelle(String code) {
        return "BANQUE".equals(code) ? DemarcheVideo.BANQUE : DemarcheVideo.AUTORISATION;
    }

    private static DemarcheVideo demarcheExistante(String code) {
        return "RENOUVELLEMENT".equals(code) ? DemarcheVideo.RENOUVELLEMENT : DemarcheVideo.MODIFICATION;
    }

    private static @Nullable LocalDate date(String saisie) {
        String s = saisie.strip();
        if (s.isEmpty()) {
            return null;
        }
        try {
            if (s.matches("\\d{1,2}/\\d{1,2}/\\d{4}")) {
                String[] p = s.split("/");
                return LocalDate.of(Integer.parseInt(p[2]), Integer.parseInt(p[1]), Integer.parseInt(p[0]));
            }
            return LocalDate.parse(s);
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return null;
        }
    }
}
