package fr.gouv.guichet.identite.web;

import fr.gouv.guichet.compte.ProfilUsager;
import fr.gouv.guichet.compte.UsagerCourant;
import fr.gouv.guichet.demarche.Dossier;
import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.demarche.QuotasDossiers;
import fr.gouv.guichet.document.CodeQr;
import fr.gouv.guichet.formulaire.CatalogueFormulaires;
import fr.gouv.guichet.formulaire.DefinitionFormulaire;
import fr.gouv.guichet.identite.PiecesAApporter;
import fr.gouv.guichet.identite.PreDemande;
import fr.gouv.guichet.identite.RendezVous;
import fr.gouv.guichet.identite.TimbresIdentite;
import fr.gouv.guichet.identite.internal.PreDemandes;
import fr.gouv.guichet.identite.internal.Reservations;
import fr.gouv.guichet.identite.internal.TimbresPreDemande;
import fr.gouv.guichet.referentiel.Competences;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The usager's pré-demandes: start one (the platform's form pages follow), and its printable summary. */
@Controller
class PreDemandeController {

    private final UsagerCourant usagerCourant;
    private final Dossiers dossiers;
    private final PreDemandes preDemandes;
    private final Reservations reservations;
    private final CatalogueFormulaires catalogue;
    private final QuotasDossiers quotas;
    private final Competences competences;
    private final TimbresIdentite timbres;
    private final TimbresPreDemande timbresPreDemande;
    private final Clock horloge;

    PreDemandeController(UsagerCourant usagerCourant, Dossiers dossiers, PreDemandes preDemandes, Reservations reservations,
                         CatalogueFormulaires catalogue, QuotasDossiers quotas, Competences competences, TimbresIdentite timbres,
                         TimbresPreDemande timbresPreDemande, Clock horloge) {
        this.timbresPreDemande = timbresPreDemande;
        this.usagerCourant = usagerCourant;
        this.dossiers = dossiers;
        this.preDemandes = preDemandes;
        this.reservations = reservations;
        this.catalogue = catalogue;
        this.quotas = quotas;
        this.competences = competences;
        this.timbres = timbres;
        this.horloge = horloge;
    }

    @GetMapping("/usager/identite")
    String accueil(Model model) {
        ProfilUsager profil = usagerCourant.exiger();
        List<PreDemande> mes = preDemandes.toutesDeLUsager(profil.id());
        model.addAttribute("preDemandes", mes);
        Map<String, RendezVous> actifs = new java.util.HashMap<>();
        mes.forEach(p -> reservations.actif(p.numero()).ifPresent(r -> actifs.put(p.numero().valeur(), r)));
        model.addAttribute("rendezVous", actifs);
        model.addAttribute("aujourdhui", LocalDate.now(horloge.withZone(PreDemandes.PARIS)));
        return "identite/accueil";
    }

    @PostMapping("/usager/identite/nouvelle")
    String nouvelle(RedirectAttributes redirection) {
        ProfilUsager profil = usagerCourant.exiger();
        if (profil.codeDepartement() == null) {
            return "redirect:/usager/prefecture";
        }
        Optional<String> refus = quotas.refusBrouillon(profil.id())
                .or(() -> competences.indisponibilite(PreDemande.FAMILLE, profil.codeDepartement(), LocalDate.now(horloge)));
        if (refus.isPresent()) {
            redirection.addFlashAttribute("messageErreur", refus.get());
            return "redirect:/usager/identite";
        }
        DefinitionFormulaire definition = catalogue.derniereVersion(PreDemande.FORMULAIRE);
        long id = dossiers.creerBrouillon(profil.id(), profil.codeDepartement(), PreDemande.DEMARCHE, definition.id(), definition.version(),
                Map.of("email", profil.email()), null, null);
        return "redirect:/usager/dossiers/" + id + "/pages/1";
    }

    /** The printable summary: number, QR code, validity, what to bring, the appointment. */
    @GetMapping("/usager/identite/dossiers/{dossierId}")
    String recapitulatif(@PathVariable long dossierId, Model model) {
        long usager = usagerCourant.exiger().id();
        Dossier dossier = dossiers.deLUsager(dossierId, usager).orElseThrow(Introuvable::new);
        PreDemande pd = preDemandes.parDossier(dossier.id()).orElseThrow(Introuvable::new);
        LocalDate jour = pd.creeLe().atZone(PreDemandes.PARIS).toLocalDate();
        List<TimbresIdentite.TimbreDu> dus = timbres.dus(pd.titres(), pd.motif(), pd.dateNaissance(), jour);
        model.addAttribute("pd", pd);
        model.addAttribute("dossier", dossier);
        model.addAttribute("qr", CodeQr.dataUriPng(pd.numero().valeur()));
        model.addAttribute("pieces", PiecesAApporter.liste(dossier.reponses(), dus, jour));
        model.addAttribute("timbres", timbresPreDemande.auGuichet(pd, jour));
        model.addAttribute("mineur", pd.mineurLe(LocalDate.now(horloge.withZone(PreDemandes.PARIS))));
        model.addAttribute("utilisable", pd.utilisableLe(LocalDate.now(horloge.withZone(PreDemandes.PARIS))));
        model.addAttribute("rendezVous", reservations.deLaPreDemande(pd.numero()));
        model.addAttribute("actif", reservations.actif(pd.numero()).orElse(null));
        return "identite/recapitulatif";
    }
}
