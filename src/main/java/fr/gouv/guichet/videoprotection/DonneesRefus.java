package fr.gouv.guichet.videoprotection;

import fr.gouv.guichet.document.Autorite;
import fr.gouv.guichet.document.Champs;
import fr.gouv.guichet.document.GenerateurPdf;
import fr.gouv.guichet.document.Signataire;
import fr.gouv.guichet.document.Verification;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static fr.gouv.guichet.document.Champs.date;
import static fr.gouv.guichet.document.Champs.exiger;
import static fr.gouv.guichet.document.Champs.lignes;

/**
 * Everything the motivated refusal letter ({@code templates/pdf/refus.html}) needs: a decision refusing the
 * authorization of a videoprotection system, motivated as CRPA L211-2 and L211-5 require, with its recourse routes.
 *
 * @param autorite         the préfet deciding, and the issuing service
 * @param coordonnees      how the addressee reaches the service
 * @param signeLe          date of the letter
 * @param destinataire     who filed the request
 * @param numeroDossier    the dossier refused
 * @param demandeDeposeeLe when the request was filed
 * @param avisCommissionLe date of the commission départementale's opinion, or {@code null} when the request was
 *                         refused without it (e.g. inadmissible)
 * @param motivation       the reasons, written by the agent; paragraphs separated by a blank line, line breaks kept
 * @param fondements       the legal provisions the refusal rests on, at least one
 * @param signataire       who signs by delegation
 * @param verification     authenticity code and page
 */
public record DonneesRefus(
        Autorite autorite,
        Coordonnees coordonnees,
        LocalDate signeLe,
        Destinataire destinataire,
        String numeroDossier,
        LocalDate demandeDeposeeLe,
        @Nullable LocalDate avisCommissionLe,
        String motivation,
        List<String> fondements,
        Signataire signataire,
        Verification verification) {

    public static final String GABARIT = "refus";

    public DonneesRefus {
        Objects.requireNonNull(autorite, "autorite");
        Objects.requireNonNull(coordonnees, "coordonnees");
        Objects.requireNonNull(signeLe, "signeLe");
        Objects.requireNonNull(destinataire, "destinataire");
        exiger(numeroDossier, "numeroDossier");
        Objects.requireNonNull(demandeDeposeeLe, "demandeDeposeeLe");
        exiger(motivation, "motivation");
        fondements = lignes(fondements, "fondements");
        Objects.requireNonNull(signataire, "signataire");
        Objects.requireNonNull(verification, "verification");
        if (demandeDeposeeLe.isAfter(signeLe)) {
            throw new IllegalArgumentException("La demande ne peut être postérieure au refus");
        }
        if (avisCommissionLe != null
                && (avisCommissionLe.isBefore(demandeDeposeeLe) || avisCommissionLe.isAfter(signeLe))) {
            throw new IllegalArgumentException("L’avis de la commission doit être rendu entre la demande et le refus");
        }
    }

    /** The service's postal address, phone and e-mail, printed under the letterhead. */
    public record Coordonnees(List<String> adresse, String telephone, String courriel) {

        public Coordonnees {
            adresse = lignes(adresse, "adresse");
            exiger(telephone, "telephone");
            exiger(courriel, "courriel");
        }
    }

    /** @param nom person's name or raison sociale; @param adresse postal address lines */
    public record Destinataire(String nom, List<String> adresse) {

        public Destinataire {
            exiger(nom, "nom");
            adresse = lignes(adresse, "adresse");
        }
    }

    /** "Refus d’autorisation d’un système de vidéoprotection — dossier n° …" (also the PDF title). */
    public String objet() {
        return "Refus d’autorisation d’un système de vidéoprotection — dossier n° " + numeroDossier;
    }

    /** The template variables; values are plain strings, lists and maps. */
    public Map<String, Object> variables() {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("objet", objet());
        variables.put("autorite", autorite.variables());
        variables.put("coordonnees", Map.of(
                "adresse", coordonnees.adresse(),
                "telephone", coordonnees.telephone(),
                "courriel", coordonnees.courriel()));
        variables.put("date", date(signeLe));
        variables.put("destinataire", Map.of("nom", destinataire.nom(), "adresse", destinataire.adresse()));
        variables.put("numeroDossier", numeroDossier);
        variables.put("dateDemande", date(demandeDeposeeLe));
        variables.put("dateAvisCommission", avisCommissionLe == null ? "" : date(avisCommissionLe));
        variables.put("motivation", Champs.paragraphes(motivation));
        variables.put("fondements", fondements);
        variables.put("signataire", signataire.variables());
        variables.put("verification", verification.variables());
        return variables;
    }

    /** The PDF of this document. */
    public byte[] pdf(GenerateurPdf generateur) {
        return generateur.generer(GABARIT, variables());
    }
}
