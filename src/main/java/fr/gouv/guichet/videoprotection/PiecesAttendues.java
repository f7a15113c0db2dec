package fr.gouv.guichet.videoprotection;

import fr.gouv.guichet.formulaire.DefinitionFormulaire;
import fr.gouv.guichet.formulaire.PieceAttendue;
import fr.gouv.guichet.formulaire.Reponses;

import java.util.ArrayList;
import java.util.List;

/**
 * The documents a videoprotection request must come with (article R252-3 CSI, notice 51336 n°02), derived from the
 * answers of a CERFA 13806 / 14095 definition. Reads the field ids of those definitions: {@code qualite},
 * {@code etablissement_recevant_public}, {@code cameras_interieures}, {@code cameras_exterieures},
 * {@code cameras_voie_publique}, {@code installateur_certifie}, {@code abords_immediats} and the group
 * {@code agences} (banks). Hidden or missing fields count as "no" / 0. The rule of the videoprotection procedures
 * ({@link fr.gouv.guichet.demarche.Procedure#pieces()}).
 */
public final class PiecesAttendues {

    /** From this number of cameras the detailed file is required (and digital recording, arrêté du 3 août 2007). */
    public static final int SEUIL_RAPPORT_DE_PRESENTATION = 8;

    private PiecesAttendues() {
    }

    public static List<PieceAttendue> pour(DefinitionFormulaire definition, Reponses reponses) {
        List<PieceAttendue> pieces = new ArrayList<>();
        pieces.add(new PieceAttendue("modele_affiche", "Modèle d'affiche d'information du public",
                "Le modèle des affiches ou panonceaux qui signalent le système : pictogramme d'une caméra, nom de "
                        + "l'établissement et numéro de téléphone du service auprès duquel exercer le droit d'accès aux "
                        + "images (de préférence un service plutôt que le nom d'une personne)."));
        if (oui(definition, reponses, "installateur_certifie")) {
            pieces.add(new PieceAttendue("certificat_installateur", "Certificat de l'installateur",
                    "Le certificat de qualification de l'installateur (APSAD, NF Service ou équivalent) attestant que "
                            + "le système respecte les normes techniques de l'arrêté du 3 août 2007."));
        } else {
            pieces.add(new PieceAttendue("questionnaire_conformite", "Questionnaire de conformité",
                    "Le questionnaire de conformité aux normes techniques (page 7/7 de la notice 51336#02), rempli et "
                            + "signé par l'installateur et par vous."));
        }
        long interieures = nombre(definition, reponses, "cameras_interieures") + nombreAgences(definition, reponses, "cameras_interieures");
        long exterieures = nombre(definition, reponses, "cameras_exterieures") + nombreAgences(definition, reponses, "cameras_exterieures");
        long voiePublique = nombre(definition, reponses, "cameras_voie_publique");
        long total = interieures + exterieures + voiePublique;
        if (total >= SEUIL_RAPPORT_DE_PRESENTATION || voiePublique > 0) {
            pieces.add(new PieceAttendue("rapport_presentation", "Rapport de présentation",
                    "Un rapport qui justifie chaque finalité du système au regard des risques (par exemple les plaintes "
                            + "déposées) et décrit la transmission, l'enregistrement et le traitement des images, les "
                            + "mesures de sécurité, la durée de conservation choisie et les personnes qui ont accès aux images."));
            pieces.add(new PieceAttendue("plan_detail", "Plan de détail",
                    "Un plan des lieux indiquant le nombre et l'emplacement des caméras et les zones qu'elles couvrent."));
        } else if (oui(definition, reponses, "etablissement_recevant_public")) {
            String photos = exterieures > 0
                    ? " Ajoutez une photo du champ de vision de chaque caméra extérieure."
                    : "";
            pieces.add(new PieceAttendue("expose_succinct", "Exposé succinct des caméras",
                    "Une description courte du système : les caméras numérotées, l'emplacement de chacune et la zone "
                            + "qu'elle filme." + photos));
        }
        if (voiePublique > 0) {
            pieces.add(new PieceAttendue("plan_masse", "Plan-masse",
                    "Un plan-masse montrant l'implantation des caméras filmant la voie publique, les bâtiments des tiers "
                            + "voisins, leurs accès et leurs ouvertures."));
        }
        if ("commercant".equals(valeur(definition, reponses, "qualite")) && oui(definition, reponses, "abords_immediats")) {
            pieces.add(new PieceAttendue("plan_abords", "Plan de la zone des abords",
                    "Un plan montrant que la zone filmée à l'extérieur se limite aux abords immédiats du commerce."));
            pieces.add(new PieceAttendue("attestation_deconnexion", "Attestation de l'installateur (caméras extérieures)",
                    "Une attestation de l'installateur certifiant que les caméras filmant les abords sont déconnectées "
                            + "du système des caméras intérieures (seuls les agents habilités de la police ou de la "
                            + "gendarmerie peuvent en visionner les images)."));
        }
        return List.copyOf(pieces);
    }

    private static String valeur(DefinitionFormulaire definition, Reponses reponses, String id) {
        return definition.champ(id).filter(c -> definition.estVisible(c, reponses)).map(c -> reponses.texte(id).strip()).orElse("");
    }

    private static boolean oui(DefinitionFormulaire definition, Reponses reponses, String id) {
        return "oui".equals(valeur(definition, reponses, id));
    }

    private static long nombre(DefinitionFormulaire definition, Reponses reponses, String id) {
        return entier(valeur(definition, reponses, id));
    }

    private static long nombreAgences(DefinitionFormulaire definition, Reponses reponses, String sousChamp) {
        if (definition.champ("agences").isEmpty()) {
            return 0;
        }
        return reponses.groupes("agences").stream().map(e -> e.getOrDefault(sousChamp, "")).mapToLong(PiecesAttendues::entier).sum();
    }

    private static long entier(String texte) {
        try {
            return Math.max(0, Long.parseLong(texte.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
