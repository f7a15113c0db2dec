package fr.gouv.guichet.commission;

import fr.gouv.guichet.document.Autorite;
import fr.gouv.guichet.document.Champs;
import fr.gouv.guichet.document.GenerateurPdf;
import fr.gouv.guichet.document.Signataire;
import fr.gouv.guichet.document.Verification;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static fr.gouv.guichet.document.Champs.date;
import static fr.gouv.guichet.document.Champs.exiger;
import static fr.gouv.guichet.document.Champs.lignes;

/**
 * Everything the agenda of a session of the commission départementale de vidéoprotection
 * ({@code templates/pdf/ordre-du-jour.html}) needs (CSI R252-7 et suivants). Dossiers keep the order given.
 *
 * @param prefecture the préfecture holding the commission's secretariat, e.g. "Préfecture du Var"
 * @param debut      date and local time the session opens
 * @param lieu       where the session is held, one or more lines
 * @param dossiers   the dossiers examined, at least one, each number once
 */
public record DonneesOrdreDuJour(String prefecture, LocalDateTime debut, List<String> lieu,
                                 List<DossierInscrit> dossiers) {

    public static final String GABARIT = "ordre-du-jour";

    public static final String COMMISSION = "Commission départementale de vidéoprotection";

    private static final DateTimeFormatter JOUR = DateTimeFormatter.ofPattern("EEEE", Locale.FRANCE);
    private static final DateTimeFormatter HEURE = DateTimeFormatter.ofPattern("H 'h' mm", Locale.FRANCE);

    public DonneesOrdreDuJour {
        exiger(prefecture, "prefecture");
        Objects.requireNonNull(debut, "debut");
        lieu = lignes(lieu, "lieu");
        dossiers = List.copyOf(dossiers);
        if (dossiers.isEmpty()) {
            throw new IllegalArgumentException("L’ordre du jour doit comporter au moins un dossier");
        }
        Set<String> numeros = new HashSet<>();
        for (DossierInscrit dossier : dossiers) {
            if (!numeros.add(dossier.numero())) {
                throw new IllegalArgumentException("Dossier inscrit deux fois : " + dossier.numero());
            }
        }
    }

    /**
     * @param numero               dossier number
     * @param demandeur            person's name or raison sociale
     * @param commune              where the system is installed
     * @param demarche             e.g. "Nouveau système", "Modification", "Renouvellement"
     * @param cameras              number of cameras requested
     * @param siteExposeTerrorisme the site is exposed to a terrorist risk: examined in priority
     */
    public record DossierInscrit(String numero, String demandeur, String commune, String demarche, int cameras,
                                 boolean siteExposeTerrorisme) {

        public DossierInscrit {
            exiger(numero, "numero");
            exiger(demandeur, "demandeur");
            exiger(commune, "commune");
            exiger(demarche, "demarche");
            if (cameras < 0) {
                throw new IllegalArgumentException("Le nombre de caméras ne peut être négatif : " + cameras);
            }
        }
    }

    /** "Ordre du jour de la séance du 9 mars 2027 — Commission départementale de vidéoprotection". */
    public String titre() {
        return "Ordre du jour de la séance du " + date(debut.toLocalDate()) + " — " + COMMISSION;
    }

    /** The template variables; values are plain strings, numbers, booleans, lists and maps. */
    public Map<String, Object> variables() {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("titre", titre());
        variables.put("commission", COMMISSION);
        variables.put("prefecture", prefecture);
        variables.put("emetteur", Autorite.emetteurDe(prefecture));
        variables.put("jour", JOUR.format(debut) + " " + date(debut.toLocalDate()));
        variables.put("date", date(debut.toLocalDate()));
        variables.put("heure", HEURE.format(debut));
        variables.put("lieu", lieu);
        variables.put("nombreDossiers", Champs.pluriel(dossiers.size(), "dossier inscrit", "dossiers inscrits"));
        long prioritaires = dossiers.stream().filter(DossierInscrit::siteExposeTerrorisme).count();
        variables.put("nombrePrioritaires", prioritaires);
        variables.put("totalCameras",
                Champs.pluriel(dossiers.stream().mapToInt(DossierInscrit::cameras).sum(), "caméra", "caméras"));
        variables.put("dossiers", dossiers.stream().map(d -> Map.<String, Object>of(
                "numero", d.numero(),
                "demandeur", d.demandeur(),
                "commune", d.commune(),
                "demarche", d.demarche(),
                "cameras", d.cameras(),
                "siteExposeTerrorisme", d.siteExposeTerrorisme())).toList());
        return variables;
    }

    /** The PDF of this document. */
    public byte[] pdf(GenerateurPdf generateur) {
        return generateur.generer(GABARIT, variables());
    }
}
