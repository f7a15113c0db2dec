package fr.gouv.guichet.tiers.web;

import fr.gouv.guichet.immatriculation.DepotParUnProfessionnel.RetourPaiement;
import fr.gouv.guichet.immatriculation.DepotParUnProfessionnel;
import fr.gouv.guichet.immatriculation.ErreursSaisie;
import fr.gouv.guichet.tiers.internal.AccesTiers;
import fr.gouv.guichet.tiers.internal.DepotsVehicule;
import fr.gouv.guichet.tiers.internal.Mandat;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A car professional files a change of holder for a client: the vehicle and the code de cession, the client and their
 * mandate, then the payment of the taxes by the professional; the paid dossier goes to the client.
 */
@Controller
class DepotVehiculeController {

    private static final long TAILLE_MANDAT_MAX = 20L * 1024 * 1024;
    static final Map<String, String> CHAMPS_VEHICULE = champs("immatriculation", "Numéro d’immatriculation (AA-123-AA)",
            "code_cession", "Code de cession remis par le vendeur");
    static final Map<String, String> CHAMPS_CLIENT = champs("nom", "Nom du client", "prenoms", "Prénoms du client",
            "date_naissance", "Date de naissance du client (jj/mm/aaaa)", "courriel", "Adresse électronique du client", "adresse", "Adresse du client (numéro et voie) : le certificat y est envoyé",
            "code_postal", "Code postal", "commune", "Commune", "cotitulaire_nom", "Nom du cotitulaire (facultatif)",
            "cotitulaire_prenoms", "Prénoms du cotitulaire (facultatif)");

    private final AccesTiers acces;
    private final DepotsVehicule depots;

    DepotVehiculeController(AccesTiers acces, DepotsVehicule depots) {
        this.acces = acces;
        this.depots = depots;
    }

    @GetMapping("/usager/pro/depots/vehicule")
    String formulaire(Model model) {
        acces.entreprisePourDeposer(DepotsVehicule.PROCEDURE);
        return vue(model, Map.of(), Map.of(), "", false);
    }

    @PostMapping("/usager/pro/depots/vehicule")
    String deposer(@RequestParam Map<String, String> saisie,
                   @RequestParam(name = "mandat_fichier", required = false) MultipartFile fichier,
                   HttpServletRequest requete, Model model, RedirectAttributes redirection) throws IOException {
        acces.entreprisePourDeposer(DepotsVehicule.PROCEDURE);
        String signataire = borne(saisie.getOrDefault("mandat_signataire", ""));
        boolean ecran = "ecran".equals(saisie.get("mandat_mode"));
        byte[] contenu = null;
        if (!ecran && fichier != null && !fichier.isEmpty()) {
            try (InputStream in = fichier.getInputStream()) {
                contenu = in.readNBytes((int) TAILLE_MANDAT_MAX + 1);
            }
        }
        Map<String, String> valeurs = new HashMap<>();
        CHAMPS_VEHICULE.keySet().forEach(c -> valeurs.put(c, borne(saisie.getOrDefault(c, ""))));
        CHAMPS_CLIENT.keySet().forEach(c -> valeurs.put(c, borne(saisie.getOrDefault(c, ""))));
        Map<String, String> titulaire = new HashMap<>();
        DepotParUnProfessionnel.CHAMPS_TITULAIRE.forEach(c -> titulaire.put(c, valeurs.getOrDefault(c, "")));
        DepotsVehicule.Resultat r = depots.deposer(new DepotsVehicule.Demande(valeurs.get("immatriculation"), valeurs.get("code_cession"),
                valeurs.get("courriel"), titulaire, new Mandat(fichier == null ? null : fichier.getOriginalFilename(), contenu,
                signataire.strip(), ecran), Lieux.reseau(requete.getRemoteAddr())));
        if (r.depotId() == null) {
            return vue(model, valeurs, r.erreurs(), signataire, ecran);
        }
        redirection.addFlashAttribute("messageSucces", "Le changement de titulaire est enregistré pour votre client : payez les taxes "
                + "pour le transmettre.");
        return "redirect:/usager/pro/depots/" + r.depotId();
    }

    @PostMapping("/usager/pro/depots/{id}/paiement")
    String payer(@PathVariable long id, RedirectAttributes redirection) {
        try {
            return "redirect:" + depots.payer(id);
        } catch (ErreursSaisie e) {
            redirection.addFlashAttribute("messageErreur", String.join(" ", e.parChamp().values()));
        }
        return "redirect:/usager/pro/depots/" + id;
    }

    @GetMapping("/usager/pro/depots/{id}/paiement")
    String retour(@PathVariable long id, @RequestParam(defaultValue = "") String reference, RedirectAttributes redirection) {
        if (!reference.matches("[A-Za-z0-9-]{1,64}")) {
            throw new fr.gouv.guichet.demarche.DossierIntrouvable();
        }
        var retour = depots.retour(id, reference);
        boolean paye = retour.issue() == RetourPaiement.Issue.PAYE;
        redirection.addFlashAttribute(paye ? "messageSucces" : "messageInfo", switch (retour.issue()) {
            case PAYE -> "Paiement reçu : le dossier est transmis au centre d’instruction et remis à votre client, informé par courriel.";
            case REMBOURSE -> "Ce dossier était déjà payé : ce second paiement de " + retour.montant() + " (référence "
                    + retour.reference() + ") vous a été remboursé en entier. Vous n’avez rien à faire.";
            case A_REMBOURSER -> "Ce dossier était déjà payé : ce second paiement de " + retour.montant() + " (référence "
                    + retour.reference() + ") vous sera remboursé en entier ; le remboursement est demandé au prestataire de "
                    + "paiement. Vous n’avez rien à faire.";
            case NON_CONFIRME -> "Le paiement n’est pas confirmé : rien n’a été prélevé s’il a été refusé ou abandonné. Le dossier "
                    + "est conservé ; payez-le quand vous voulez.";
        });
        return "redirect:/usager/pro/depots/" + id;
    }

    private String vue(Model model, Map<String, String> valeurs, Map<String, String> erreurs, String signataire, boolean ecran) {
        model.addAttribute("entreprise", acces.entreprise());
        model.addAttribute("champsVehicule", CHAMPS_VEHICULE);
        model.addAttribute("champsClient", CHAMPS_CLIENT);
        model.addAttribute("valeurs", valeurs);
        model.addAttribute("erreurs", erreurs);
        model.addAttribute("enErreur", !erreurs.isEmpty());
        model.addAttribute("signataire", signataire);
        model.addAttribute("ecran", ecran);
        return "tiers/depot-vehicule";
    }

    private static String borne(String valeur) {
        return valeur.length() > 254 ? valeur.substring(0, 254) : valeur;
    }

    private static Map<String, String> champs(String... idLibelle) {
        Map<String, String> c = new LinkedHashMap<>();
        for (int i = 0; i + 1 < idLibelle.length; i += 2) {
            c.put(idLibelle[i], idLibelle[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(c);
    }
}
