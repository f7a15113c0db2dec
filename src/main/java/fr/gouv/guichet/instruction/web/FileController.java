package fr.gouv.guichet.instruction.web;

import fr.gouv.guichet.agent.AgentConnecte;
import fr.gouv.guichet.demarche.Procedures;
import fr.gouv.guichet.instruction.internal.AccesInstruction;
import fr.gouv.guichet.instruction.internal.FileAttente;
import fr.gouv.guichet.instruction.internal.FiltreFile;
import fr.gouv.guichet.instruction.internal.Onglet;
import fr.gouv.guichet.referentiel.Competences;
import fr.gouv.guichet.referentiel.Departements;
import fr.gouv.guichet.referentiel.ServiceInstructeur;
import fr.gouv.guichet.referentiel.ServicesInstructeurs;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import fr.gouv.guichet.videoprotection.DemarcheVideo;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * A service's queue (a préfecture's, or a CERT's across the départements it serves, with a département filter): tabs,
 * filters, search, keyset pages, CSV export of the current filter.
 */
@Controller
class FileController {

    private final AccesInstruction acces;
    private final FileAttente file;
    private final Departements departements;
    private final Procedures procedures;
    private final ServicesInstructeurs services;
    private final Competences competences;
    private final Clock horloge;

    FileController(AccesInstruction acces, FileAttente file, Departements departements, Procedures procedures,
                   ServicesInstructeurs services, Competences competences, Clock horloge) {
        this.acces = acces;
        this.services = services;
        this.competences = competences;
        this.horloge = horloge;
        this.file = file;
        this.departements = departements;
        this.procedures = procedures;
    }

    @GetMapping("/agent")
    String accueil() {
        AgentConnecte agent = acces.agent();
        if (agent.codesServices().isEmpty()) {
            return "redirect:/agent/national";
        }
        String premier = agent.codesServices().getFirst();
        // A town hall's agents work at its counter for identity titles (module identite), not on a queue.
        return premier.startsWith("mairie-") ? "redirect:/agent/mairies/" + premier : "redirect:/agent/services/" + premier + "/file";
    }

    @GetMapping({"/agent/services/{code}/file", "/agent/prefectures/{code}/file"})
    String file(@PathVariable String code, @RequestParam(defaultValue = "A_TRAITER") String onglet,
                @RequestParam(required = false) String demarche, @RequestParam(required = false) String commune,
                @RequestParam(required = false) String priorite, @RequestParam(required = false) String du,
                @RequestParam(required = false) String au, @RequestParam(required = false) String q,
                @RequestParam(required = false) String nouveaux, @RequestParam(required = false) String departement,
                @RequestParam(required = false) String apres, HttpServletRequest requete, Model model) {
        ServiceInstructeur service = acces.service(code);
        AgentConnecte agent = acces.agent();
        List<fr.gouv.guichet.referentiel.Departement> servis = departementsServis(service);
        FiltreFile filtre = filtre(code, onglet, demarche, commune, priorite, du, au, q, nouveaux, departement(departement, servis));
        FileAttente.Page page;
        try {
            page = file.page(filtre, vide(apres), service.delaiCibleJours());
        } catch (IllegalArgumentException e) {
            page = file.page(filtre, null, service.delaiCibleJours());
        }
        Parametres parametres = new Parametres(onglet, vide(demarche), vide(commune), vide(priorite), vide(du), vide(au), vide(q),
                "oui".equals(nouveaux) ? "oui" : null, filtre.departement());
        return vue(model, agent, service, servis, filtre, parametres, requete.getContextPath(), page, file.ailleurs(filtre),
                file.compter(code, filtre.departement()));
    }

    /** The queue's page from what was read (also rendered by the start-up warm-up, {@link PrechauffageFileAgent}). */
    String vue(Model model, AgentConnecte agent, ServiceInstructeur service, List<fr.gouv.guichet.referentiel.Departement> servis,
               FiltreFile filtre, Parametres parametres, String contexte, FileAttente.Page page, Map<Onglet, Integer> ailleurs,
               Map<Onglet, Integer> compteurs) {
        model.addAttribute("agent", agent);
        model.addAttribute("service", service);
        // The service of this page is already read: only the agent's other services are (a page's query budget is tested).
        model.addAttribute("servicesAgent", agent.codesServices().stream()
                .map(c -> c.equals(service.code()) ? java.util.Optional.of(service) : services.parCode(c))
                .flatMap(java.util.Optional::stream).toList());
        model.addAttribute("departementsServis", servis);
        model.addAttribute("rienAilleurs", ailleurs.isEmpty());
        model.addAttribute("filtre", filtre);
        model.addAttribute("demarches", DemarcheVideo.values());
        model.addAttribute("delaiCible", service.delaiCibleJours());
        model.addAttribute("parametres", parametres);
        model.addAttribute("vue", VueFile.de(contexte, service.code(), parametres, filtre.onglet(), compteurs, ailleurs, page,
                c -> procedures.get(c).libelle()));
        return "instruction/file";
    }

    /** The query string of the current filter, for links (tabs keep the filter, pages add the cursor). */
    public record Parametres(String onglet, @Nullable String demarche, @Nullable String commune, @Nullable String priorite,
                      @Nullable String du, @Nullable String au, @Nullable String q, @Nullable String nouveaux,
                      @Nullable String departement) {
    }

    /** The départements the service serves today, and those of its own seat for a préfecture. */
    List<fr.gouv.guichet.referentiel.Departement> departementsServis(ServiceInstructeur service) {
        List<String> codes = competences.departementsServis(service.code(), LocalDate.now(horloge));
        return departements.tous().stream().filter(d -> codes.contains(d.code()) || d.code().equals(service.codeDepartement())).toList();
    }

    /** The département filter, kept only if the service serves it (anything else is ignored, never an error). */
    private static @Nullable String departement(@Nullable String departement, List<fr.gouv.guichet.referentiel.Departement> servis) {
        String d = vide(departement);
        return d != null && servis.stream().anyMatch(x -> x.code().equals(d)) ? d : null;
    }

    @GetMapping({"/agent/services/{code}/file.csv", "/agent/prefectures/{code}/file.csv"})
    void csv(@PathVariable String code, @RequestParam(defaultValue = "A_TRAITER") String onglet,
             @RequestParam(required = false) String demarche, @RequestParam(required = false) String commune,
             @RequestParam(required = false) String priorite, @RequestParam(required = false) String du,
             @RequestParam(required = false) String au, @RequestParam(required = false) String q,
                @RequestParam(required = false) String nouveaux, @RequestParam(required = false) String departement,
             HttpServletResponse reponse) throws IOException {
        ServiceInstructeur service = acces.service(code);
        FiltreFile filtre = filtre(code, onglet, demarche, commune, priorite, du, au, q, nouveaux,
                departement(departement, departementsServis(service)));
        reponse.setContentType("text/csv; charset=UTF-8");
        reponse.setHeader("Content-Disposition", "attachment; filename=\"file-" + code + "-" + filtre.onglet().name().toLowerCase() + ".csv\"");
        PrintWriter sortie = new PrintWriter(new java.io.OutputStreamWriter(reponse.getOutputStream(), StandardCharsets.UTF_8));
        sortie.print('\uFEFF');
        sortie.print("Numéro;Démarche;Statut;Prioritaire;Déposé le;Jours écoulés;Demandeur;Commune;Rejet implicite le\r\n");
        file.parcourir(filtre, service.delaiCibleJours(), l -> sortie.print(String.join(";",
                csv(l.numero()), csv(procedures.get(l.demarche()).libelle()), csv(l.etat().libelleAgent()), l.prioritaire() ? "oui" : "non",
                VueFile.DATE.format(l.deposeLe()), String.valueOf(l.joursEcoules()), csv(l.demandeur()), csv(l.commune()),
                (l.rejetImplicite() == null ? "suspendu ou sans objet" : l.rejetImplicite().toString())) + "\r\n"));
        sortie.flush();
    }

    /** CSV cell, quoted, with formula injection neutralised. */
    static String csv(String valeur) {
        String v = valeur == null ? "" : valeur;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }

    private static FiltreFile filtre(String code, String onglet, @Nullable String demarche, @Nullable String commune,
                                     @Nullable String priorite, @Nullable String du, @Nullable String au, @Nullable String q,
                                     @Nullable String nouveaux, @Nullable String departement) {
        Onglet o;
        try {
            o = Onglet.valueOf(onglet);
        } catch (IllegalArgumentException e) {
            o = Onglet.A_TRAITER;
        }
        String d = vide(demarche);
        if (d != null && java.util.Arrays.stream(DemarcheVideo.values()).noneMatch(x -> x.code().equals(demarche))) {
            d = null;
        }
        Boolean p = "oui".equals(priorite) ? Boolean.TRUE : "non".equals(priorite) ? Boolean.FALSE : null;
        return new FiltreFile(code, o, d, vide(commune), p, date(du), date(au), vide(q), "oui".equals(nouveaux) ? Boolean.TRUE : null,
                departement);
    }

    private static @Nullable String vide(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static @Nullable LocalDate date(@Nullable String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
