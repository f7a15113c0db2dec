package fr.gouv.guichet.referentiel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A service that instructs dossiers (a préfecture, the Préfecture de police, a CERT, later a town hall), with the
 * contact details printed on its accusés de réception (CRPA R112-5) and the signatory of its acts (CRPA L212-1).
 * A préfecture's code is its département's code ("83"); a CERT's is a slug ("cert-permis-bordeaux").
 *
 * @param nom              e.g. "Préfecture du Var", "CERT permis de conduire de Bordeaux"
 * @param bureau           the office in charge, e.g. "Bureau de la vidéoprotection"; may be empty
 * @param codeDepartement  the département where the service sits
 */
public record ServiceInstructeur(String code, TypeService type, String nom, String bureau, String codeDepartement,
                                 Coordonnees coordonnees, int delaiCibleJours) {

    /** e.g. "CERT permis de conduire de Bordeaux", "Préfecture du Var — Bureau de la vidéoprotection". */
    public String libelle() {
        return bureau.isBlank() ? nom : nom + " — " + bureau;
    }

    public boolean estComplet() {
        return coordonnees.manques().isEmpty();
    }

    public boolean estPrefecture() {
        return type == TypeService.PREFECTURE || type == TypeService.PREFECTURE_POLICE;
    }

    /**
     * Contact details and signatory, as entered by the service's administrator.
     *
     * @param adresse             postal address, one line per line of the envelope
     * @param horaires            opening hours, free text ("du lundi au vendredi, de 9 h à 16 h")
     * @param referenceDelegation the arrêté de délégation de signature, e.g. "n° 2026-DS-014 du 2 janvier 2026"
     */
    public record Coordonnees(String adresse, String telephone, String courriel, String horaires, String signatairePrenom,
                              String signataireNom, String signataireQualite, String referenceDelegation) {

        public static final Coordonnees VIDES = new Coordonnees("", "", "", "", "", "", "", "");

        public List<String> lignesAdresse() {
            return Arrays.stream(adresse.split("\n")).map(String::strip).filter(l -> !l.isEmpty()).toList();
        }

        /** "Prénom Nom" of the signatory, or empty. */
        public String signataire() {
            return (signatairePrenom + " " + signataireNom).strip();
        }

        /** What is missing before the service may receive dossiers, in plain French; empty when complete. */
        public List<String> manques() {
            List<String> manques = new ArrayList<>();
            ValidationCoordonnees.erreurs(this).forEach((champ, message) -> manques.add(message));
            return manques;
        }
    }
}
