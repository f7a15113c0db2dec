package fr.gouv.guichet.mediation.web;

import fr.gouv.guichet.mediation.internal.CritereRecherche;
import fr.gouv.guichet.mediation.internal.Horaires;
import fr.gouv.guichet.mediation.internal.Lieu;
import fr.gouv.guichet.mediation.internal.RechercheLieux;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/** The public search of help places (no sign-in, a GET form that works without JavaScript) and a page per place. */
@Controller
class LieuxController {

    /** Services offered as filters (values of the schema), with the usager's words. */
    static final Map<String, String> SERVICES = new TreeMap<>(Map.of(
            "Aide aux démarches administratives", "Aide aux démarches en ligne (médiateur numérique)",
            "Accès internet et matériel informatique", "Ordinateur, imprimante et scanner en accès libre")).reversed();
    /** Values of the schema's {@code prise_en_charge_specifique} used as the accessibility filter. */
    static final List<String> ACCESSIBILITES = List.of("Handicaps moteurs", "Surdité", "Déficience visuelle", "Handicaps mentaux");

    private final RechercheLieux recherche;

    LieuxController(RechercheLieux recherche) {
        this.recherche = recherche;
    }

    @GetMapping("/lieux-aide")
    String rechercher(@RequestParam(name = "lieu", required = false) String lieu,
                      @RequestParam(name = "rayon", defaultValue = "20") String rayon,
                      @RequestParam(name = "ouvertMaintenant", defaultValue = "false") String ouvertMaintenant,
                      @RequestParam(name = "jour", defaultValue = "") String jour,
                      @RequestParam(name = "heure", defaultValue = "") String heure,
                      @RequestParam(name = "services", required = false) List<String> services,
                      @RequestParam(name = "accessibilite", defaultValue = "") String accessibilite,
                      Model model) {
        Set<String> servicesChoisis = new HashSet<>(services == null ? List.of() : services);
        servicesChoisis.retainAll(SERVICES.keySet());
        int rayonKm = rayon.matches("\\d{1,3}") && CritereRecherche.RAYONS.contains(Integer.parseInt(rayon))
                ? Integer.parseInt(rayon) : 20;
        model.addAttribute("saisie", new Saisie(lieu == null ? "" : lieu, rayonKm, "true".equals(ouvertMaintenant),
                jour, heure, servicesChoisis, ACCESSIBILITES.contains(accessibilite) ? accessibilite : ""));
        model.addAttribute("servicesProposes", SERVICES);
        model.addAttribute("accessibilites", ACCESSIBILITES);
        model.addAttribute("rayons", CritereRecherche.RAYONS.stream().sorted().toList());
        if (lieu == null) {
            return "mediation/recherche";
        }
        Map<String, String> erreurs = new LinkedHashMap<>();
        String l = lieu.strip();
        if (l.isEmpty()) {
            erreurs.put("lieu", "Indiquez une commune ou un code postal, par exemple Toulon ou 83000.");
        } else if (l.length() > 100) {
            erreurs.put("lieu", "La commune ou le code postal ne peut pas dépasser 100 caractères.");
        }
        LocalDate date = lire(jour, "jour", LocalDate::parse,
                "Le jour doit être une date au format JJ/MM/AAAA, par exemple 07/12/2026.", erreurs);
        LocalTime temps = lire(heure, "heure", LocalTime::parse, "L’heure doit être au format HH:MM, par exemple 14:30.", erreurs);
        if (temps != null && date == null && !erreurs.containsKey("jour")) {
            erreurs.put("jour", "Indiquez aussi le jour pour chercher un lieu ouvert à cette heure.");
        }
        model.addAttribute("erreurs", erreurs);
        if (!erreurs.isEmpty()) {
            return "mediation/recherche";
        }
        CritereRecherche critere = new CritereRecherche(l, rayonKm, "true".equals(ouvertMaintenant), date, temps,
                servicesChoisis, accessibilite.isEmpty() || !ACCESSIBILITES.contains(accessibilite) ? null : accessibilite);
        LocalDateTime maintenant = LocalDateTime.now(RechercheLieux.PARIS);
        model.addAttribute("maintenant", maintenant);
        model.addAttribute("reponse", recherche.rechercher(critere, maintenant));
        return "mediation/recherche";
    }

    /** The parsed value, or null when left blank; a French message next to the field when it cannot be read. */
    private static <T> T lire(String saisie, String champ, Function<String, T> lecture, String message,
                              Map<String, String> erreurs) {
        if (saisie.isBlank()) {
            return null;
        }
        try {
            return lecture.apply(saisie.strip());
        } catch (DateTimeParseException e) {
            erreurs.put(champ, message);
            return null;
        }
    }

    @GetMapping("/lieux-aide/{id}")
    String lieu(@PathVariable String id, Model model) {
        Lieu lieu = recherche.lieu(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("lieu", lieu);
        LocalDateTime maintenant = LocalDateTime.now(RechercheLieux.PARIS);
        model.addAttribute("maintenant", maintenant);
        Horaires horaires = lieu.horairesLus();
        List<JourOuverture> semaine = new ArrayList<>();
        if (horaires != null) {
            for (int i = 0; i < 7; i++) {
                LocalDate d = maintenant.toLocalDate().plusDays(i);
                semaine.add(new JourOuverture(d, horaires.plages(d)));
            }
        }
        model.addAttribute("semaine", semaine);
        model.addAttribute("ouvertMaintenant", horaires != null && horaires.ouvertA(maintenant));
        return "mediation/lieu";
    }

    /** The form as typed, sent back with the results. */
    record Saisie(String lieu, int rayon, boolean ouvertMaintenant, String jour, String heure, Set<String> services,
                  String accessibilite) {
    }

    record JourOuverture(LocalDate date, List<Horaires.Plage> plages) {
    }
}
