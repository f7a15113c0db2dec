package fr.gouv.guichet.document;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import static fr.gouv.guichet.document.Champs.adresseWeb;
import static fr.gouv.guichet.document.Champs.date;
import static fr.gouv.guichet.document.Champs.exiger;
import static fr.gouv.guichet.document.Champs.lignes;

/**
 * Everything the récépissé ({@code templates/pdf/recepisse.html}) needs: the CRPA accusé de réception
 * (L112-11, R112-5, R112-11-1) of a dossier. Every field is required, so no caller can forget one.
 *
 * @param numeroDossier         dossier number shown to the usager
 * @param libelleDemarche       e.g. "Demande d’autorisation d’un système de vidéoprotection"
 * @param receptionLe           date and time of receipt, in the zone of the competent préfecture
 * @param service               the service handling the dossier
 * @param decisionImpliciteLe   date at which the préfet's silence will mean rejection, for a complete dossier; null
 *                              when the procedure declares no implicit decision (then no such mention is printed)
 * @param demandeur             who filed the dossier
 * @param reponses              summary of the answers, in form order
 * @param piecesAttendues       documents expected for this dossier
 * @param codeVerification      short code to check the document's authenticity
 * @param urlVerification       page where the code is checked (also encoded in the QR code)
 * @param tribunal              the tribunal administratif named in the recourse routes against a rejection
 */
public record DonneesRecepisse(
        String numeroDossier,
        String libelleDemarche,
        ZonedDateTime receptionLe,
        Service service,
        @org.jspecify.annotations.Nullable LocalDate decisionImpliciteLe,
        Demandeur demandeur,
        List<Reponse> reponses,
        List<PieceAttendue> piecesAttendues,
        String codeVerification,
        String urlVerification,
        TribunalAdministratif tribunal) {

    public static final String GABARIT = "recepisse";

    private static final DateTimeFormatter HEURE = DateTimeFormatter.ofPattern("H 'h' mm", Locale.FRANCE);

    public DonneesRecepisse {
        exiger(numeroDossier, "numeroDossier");
        exiger(libelleDemarche, "libelleDemarche");
        Objects.requireNonNull(receptionLe, "receptionLe");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(demandeur, "demandeur");
        reponses = List.copyOf(reponses);
        piecesAttendues = List.copyOf(piecesAttendues);
        exiger(codeVerification, "codeVerification");
        adresseWeb(urlVerification, "urlVerification");
        Objects.requireNonNull(tribunal, "tribunal");
        if (decisionImpliciteLe != null && decisionImpliciteLe.isBefore(receptionLe.toLocalDate())) {
            throw new IllegalArgumentException("La décision implicite ne peut précéder la réception");
        }
    }

    /**
     * The service in charge of the dossier, as R112-5 CRPA requires it on the accusé de réception.
     *
     * @param horaires opening hours; empty when not recorded (then not printed)
     */
    public record Service(String prefecture, String nom, List<String> adresse, String telephone, String courriel, String horaires) {

        public Service {
            exiger(prefecture, "prefecture");
            exiger(nom, "nom");
            adresse = lignes(adresse, "adresse");
            exiger(telephone, "telephone");
            exiger(courriel, "courriel");
            Objects.requireNonNull(horaires, "horaires");
        }

        public Service(String prefecture, String nom, List<String> adresse, String telephone, String courriel) {
            this(prefecture, nom, adresse, telephone, courriel, "");
        }
    }

    /** @param nom person's name or raison sociale */
    public record Demandeur(String nom, List<String> adresse) {

        public Demandeur {
            exiger(nom, "nom");
            adresse = lignes(adresse, "adresse");
        }
    }

    public record Reponse(String libelle, String valeur) {

        public Reponse {
            exiger(libelle, "libelle");
            Objects.requireNonNull(valeur, "valeur");
        }
    }

    public record PieceAttendue(String libelle, String explication) {

        public PieceAttendue {
            exiger(libelle, "libelle");
            Objects.requireNonNull(explication, "explication");
        }
    }

    /** The date of receipt as printed, e.g. "3 décembre 2026". */
    public String dateReceptionTexte() {
        return date(receptionLe.toLocalDate());
    }

    /** The time of receipt as printed, e.g. "9 h 05". */
    public String heureReceptionTexte() {
        return HEURE.format(receptionLe);
    }

    /** The implicit-decision date as printed, or null when the procedure declares none. */
    public @org.jspecify.annotations.Nullable String dateDecisionImpliciteTexte() {
        return decisionImpliciteLe == null ? null : date(decisionImpliciteLe);
    }

    /**
     * The template variables, for the PDF (the QR code image is drawn here: callers that only need the printed
     * texts use the methods above, which draw nothing).
     * Values are plain strings, lists and maps (readable by OGNL and SpEL alike). */
    public Map<String, Object> variables() {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("numeroDossier", numeroDossier);
        variables.put("libelleDemarche", libelleDemarche);
        variables.put("dateReception", dateReceptionTexte());
        variables.put("heureReception", heureReceptionTexte());
        variables.put("emetteur", Autorite.emetteurDe(service.prefecture()));
        variables.put("service", Map.of(
                "prefecture", service.prefecture(),
                "nom", service.nom(),
                "adresse", service.adresse(),
                "telephone", service.telephone(),
                "courriel", service.courriel(),
                "horaires", service.horaires()));
        variables.put("dateDecisionImplicite", dateDecisionImpliciteTexte());
        variables.put("demandeur", Map.of("nom", demandeur.nom(), "adresse", demandeur.adresse()));
        variables.put("reponses", reponses.stream()
                .map(r -> Map.of("libelle", r.libelle(), "valeur", r.valeur())).toList());
        variables.put("piecesAttendues", piecesAttendues.stream()
                .map(p -> Map.of("libelle", p.libelle(), "explication", p.explication())).toList());
        variables.put("codeVerification", codeVerification);
        variables.put("urlVerification", urlVerification);
        variables.put("codeQr", CodeQr.dataUriPng(urlVerification));
        variables.put("tribunal", tribunal.variables());
        return variables;
    }
}
