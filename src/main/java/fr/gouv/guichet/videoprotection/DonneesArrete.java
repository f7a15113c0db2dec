package fr.gouv.guichet.videoprotection;

import fr.gouv.guichet.document.Autorite;
import fr.gouv.guichet.document.Champs;
import fr.gouv.guichet.document.GenerateurPdf;
import fr.gouv.guichet.document.Signataire;
import fr.gouv.guichet.document.Verification;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static fr.gouv.guichet.document.Champs.date;
import static fr.gouv.guichet.document.Champs.exiger;
import static fr.gouv.guichet.document.Champs.lignes;

/**
 * Everything the arrêté préfectoral authorizing a videoprotection system ({@code templates/pdf/arrete.html})
 * needs (CSI L251-1 à L255-1, R252-1, R252-2, R252-3, R252-14, R252-15 in the numbering of décret n° 2023-1102). Two regimes: the ordinary authorization after the commission
 * départementale's opinion, valid five years (L252-4), and the provisional one given in urgency without its prior
 * opinion, for a site particularly exposed to terrorism, valid four months at most (L252-6).
 *
 * @param numeroArrete         e.g. "2026-083-VP-0042"
 * @param signeLe              date of the arrêté, from which the authorization runs
 * @param autorite             the préfet deciding
 * @param visasComplementaires further "Vu …" lines, e.g. the délégation de signature; may be empty
 * @param numeroDossier        the dossier the arrêté answers
 * @param demandeDeposeeLe     when the request was filed
 * @param titulaire            who is authorized
 * @param lieu                 where the system is installed
 * @param cameras              authorized cameras
 * @param finalites            purposes of the system, at least one
 * @param conservationJours    retention of the images, 1 to {@value #CONSERVATION_MAXIMALE_JOURS} days (L252-5)
 * @param droitAcces           whom the public asks for access to the images, printed on the posters
 * @param personnesHabilitees  persons (names or functions) allowed to view the images, at least one
 * @param regime               ordinary or provisional authorization
 * @param signataire           who signs by delegation
 * @param verification         authenticity code and page
 */
public record DonneesArrete(
        String numeroArrete,
        LocalDate signeLe,
        Autorite autorite,
        List<String> visasComplementaires,
        String numeroDossier,
        LocalDate demandeDeposeeLe,
        Titulaire titulaire,
        Lieu lieu,
        Cameras cameras,
        List<String> finalites,
        int conservationJours,
        ContactDroitAcces droitAcces,
        List<String> personnesHabilitees,
        Regime regime,
        Signataire signataire,
        Verification verification) {

    public static final String GABARIT = "arrete";

    /** L252-5 CSI: images destroyed within one month at most, modelled as 30 days. */
    public static final int CONSERVATION_MAXIMALE_JOURS = 30;

    /** L252-4 CSI: five years, renewable. */
    public static final Period DUREE_AUTORISATION = Period.ofYears(5);

    /** Préfecture practice: the renewal dossier is filed four months before expiry. */
    public static final Period PREAVIS_RENOUVELLEMENT = Period.ofMonths(4);

    /** L252-6 CSI: a provisional authorization lasts four months at most. */
    public static final Period DUREE_MAXIMALE_PROVISOIRE = Period.ofMonths(4);

    public DonneesArrete {
        exiger(numeroArrete, "numeroArrete");
        Objects.requireNonNull(signeLe, "signeLe");
        Objects.requireNonNull(autorite, "autorite");
        visasComplementaires = List.copyOf(visasComplementaires);
        if (visasComplementaires.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("visasComplementaires contient une ligne vide");
        }
        exiger(numeroDossier, "numeroDossier");
        Objects.requireNonNull(demandeDeposeeLe, "demandeDeposeeLe");
        Objects.requireNonNull(titulaire, "titulaire");
        Objects.requireNonNull(lieu, "lieu");
        Objects.requireNonNull(cameras, "cameras");
        finalites = lignes(finalites, "finalites");
        if (conservationJours < 1 || conservationJours > CONSERVATION_MAXIMALE_JOURS) {
            throw new IllegalArgumentException("La durée de conservation doit être comprise entre 1 et "
                    + CONSERVATION_MAXIMALE_JOURS + " jours : " + conservationJours);
        }
        Objects.requireNonNull(droitAcces, "droitAcces");
        personnesHabilitees = lignes(personnesHabilitees, "personnesHabilitees");
        Objects.requireNonNull(regime, "regime");
        Objects.requireNonNull(signataire, "signataire");
        Objects.requireNonNull(verification, "verification");
        if (demandeDeposeeLe.isAfter(signeLe)) {
            throw new IllegalArgumentException("La demande ne peut être postérieure à l’arrêté");
        }
        regime.verifier(demandeDeposeeLe, signeLe);
    }

    /** @param nom person, e.g. "M. Jean Dupont, gérant"; @param organisme raison sociale or collectivité, or empty */
    public record Titulaire(String nom, String organisme) {

        public Titulaire {
            exiger(nom, "nom");
            Objects.requireNonNull(organisme, "organisme");
        }
    }

    /** @param designation e.g. "Boulangerie Éloïse"; @param adresse address lines of the place */
    public record Lieu(String designation, List<String> adresse) {

        public Lieu {
            exiger(designation, "designation");
            adresse = lignes(adresse, "adresse");
        }
    }

    /** Camera counts as in cadre 4 of the CERFA; a private applicant films no public road (0). */
    public record Cameras(int interieures, int exterieures, int voiePublique) {

        public Cameras {
            if (interieures < 0 || exterieures < 0 || voiePublique < 0) {
                throw new IllegalArgumentException("Un nombre de caméras ne peut être négatif");
            }
            if (interieures + exterieures + voiePublique == 0) {
                throw new IllegalArgumentException("Le système doit comporter au moins une caméra");
            }
        }

        public int total() {
            return interieures + exterieures + voiePublique;
        }
    }

    /** @param qualite name or function of the person, e.g. "Le gérant"; @param telephone their phone number */
    public record ContactDroitAcces(String qualite, String telephone) {

        public ContactDroitAcces {
            exiger(qualite, "qualite");
            exiger(telephone, "telephone");
        }
    }

    /** Ordinary authorization after the commission's opinion, or provisional authorization in urgency. */
    public sealed interface Regime {

        void verifier(LocalDate demandeDeposeeLe, LocalDate signeLe);

        /**
         * @param visaAvis         the visa about the commission's opinion as recorded ("Vu l’avis favorable émis … lors de sa
         *                         séance du …", or the delay run out without one), without its final semicolon
         * @param avisCommissionLe date of the session that gave the opinion; null when the delay ran out without one
         * @param reserves         the commission's reserves when its opinion had any, else empty; may span lines
         */
        record Definitif(String visaAvis, @Nullable LocalDate avisCommissionLe, String reserves) implements Regime {

            public Definitif {
                exiger(visaAvis, "visaAvis");
                Objects.requireNonNull(reserves, "reserves");
            }

            /** A favourable opinion without reserves, given at a session on {@code avisCommissionLe}. */
            public static Definitif apresAvis(LocalDate avisCommissionLe) {
                return new Definitif("Vu l’avis favorable émis par la commission départementale de vidéoprotection lors de sa séance du "
                        + date(avisCommissionLe), avisCommissionLe, "");
            }

            @Override
            public void verifier(LocalDate demandeDeposeeLe, LocalDate signeLe) {
                if (avisCommissionLe != null && (avisCommissionLe.isBefore(demandeDeposeeLe) || avisCommissionLe.isAfter(signeLe))) {
                    throw new IllegalArgumentException(
                            "L’avis de la commission doit être rendu entre la demande et l’arrêté");
                }
            }
        }

        /** @param finLe last day of the provisional authorization, at most four months after the arrêté */
        record Provisoire(LocalDate finLe) implements Regime {

            public Provisoire {
                Objects.requireNonNull(finLe, "finLe");
            }

            @Override
            public void verifier(LocalDate demandeDeposeeLe, LocalDate signeLe) {
                if (!finLe.isAfter(signeLe) || finLe.isAfter(signeLe.plus(DUREE_MAXIMALE_PROVISOIRE))) {
                    throw new IllegalArgumentException("Une autorisation provisoire dure au plus quatre mois : "
                            + signeLe + " → " + finLe);
                }
            }
        }
    }

    public boolean provisoire() {
        return regime instanceof Regime.Provisoire;
    }

    /**
     * The last day of validity. Five years counted as in article 641 of the code de procédure civile: the same day
     * of the month five years later (the last day of the month when there is none, e.g. from a 29 February).
     */
    public LocalDate expireLe() {
        return switch (regime) {
            case Regime.Definitif ignored -> signeLe.plus(DUREE_AUTORISATION);
            case Regime.Provisoire provisoire -> provisoire.finLe();
        };
    }

    /** "Arrêté n° … du … portant autorisation [provisoire] d’un système de vidéoprotection" (also the PDF title). */
    public String intitule() {
        return "Arrêté n° " + numeroArrete + " du " + date(signeLe) + " portant autorisation "
                + (provisoire() ? "provisoire " : "") + "d’un système de vidéoprotection";
    }

    /** The template variables; values are plain strings, numbers, booleans, lists and maps. */
    public Map<String, Object> variables() {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("intitule", intitule());
        variables.put("provisoire", provisoire());
        variables.put("numeroArrete", numeroArrete);
        variables.put("date", date(signeLe));
        variables.put("autorite", autorite.variables());
        variables.put("visasComplementaires", visasComplementaires);
        variables.put("numeroDossier", numeroDossier);
        variables.put("dateDemande", date(demandeDeposeeLe));
        variables.put("titulaire", Map.of("nom", titulaire.nom(), "organisme", titulaire.organisme()));
        variables.put("lieu", Map.of("designation", lieu.designation(), "adresse", lieu.adresse()));
        variables.put("cameras", Map.of(
                "interieures", cameras.interieures(),
                "exterieures", cameras.exterieures(),
                "voiePublique", cameras.voiePublique(),
                "total", cameras.total()));
        variables.put("finalites", finalites);
        variables.put("conservation", Champs.pluriel(conservationJours, "jour", "jours"));
        variables.put("droitAcces", Map.of("qualite", droitAcces.qualite(), "telephone", droitAcces.telephone()));
        variables.put("personnesHabilitees", personnesHabilitees);
        variables.put("dateExpiration", date(expireLe()));
        switch (regime) {
            case Regime.Definitif definitif -> {
                variables.put("visaAvis", definitif.visaAvis());
                variables.put("reserves", Champs.paragraphes(definitif.reserves()));
                variables.put("dateRenouvellement", date(expireLe().minus(PREAVIS_RENOUVELLEMENT)));
            }
            case Regime.Provisoire ignored -> {
                variables.put("visaAvis", "");
                variables.put("reserves", List.of());
                variables.put("dateRenouvellement", "");
            }
        }
        variables.put("signataire", signataire.variables());
        variables.put("verification", verification.variables());
        return variables;
    }

    /** The PDF of this document. */
    public byte[] pdf(GenerateurPdf generateur) {
        return generateur.generer(GABARIT, variables());
    }
}
