package fr.gouv.guichet.identite;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What to bring to the town hall, computed from the pré-demande's answers. */
public final class PiecesAApporter {

    private PiecesAApporter() {
    }

    public static List<String> liste(Map<String, Object> reponses, List<TimbresIdentite.TimbreDu> timbres, LocalDate jour) {
        String motif = texte(reponses, "motif");
        boolean mineur = "oui".equals(texte(reponses, "pour_mineur"));
        boolean neEnFrance = !"non".equals(texte(reponses, "ne_en_france"));
        List<String> pieces = new ArrayList<>();
        pieces.add("Le numéro de pré-demande ou ce récapitulatif imprimé (code QR)");
        pieces.add("Une photo d’identité de moins de 6 mois, conforme aux normes (ou le code d’une photo numérique agréée)");
        pieces.add("Un justificatif de domicile de moins d’un an au nom de la personne qui aura le titre"
                + (mineur ? " ou de son représentant légal" : ""));
        switch (motif) {
            case "renouvellement", "changement_etat_civil" -> pieces.add("Le titre à renouveler");
            case "perte" -> pieces.add("La déclaration de perte (faite en mairie le jour du rendez-vous, ou en ligne)");
            case "vol" -> pieces.add("La déclaration de vol faite auprès de la police ou de la gendarmerie");
            default -> pieces.add(neEnFrance
                    ? "Un acte de naissance de moins de 3 mois, si la commune de naissance n’est pas reliée à la vérification dématérialisée"
                    : "Un acte de naissance de moins de 3 mois (service central d’état civil pour une naissance à l’étranger)");
        }
        if ("changement_etat_civil".equals(motif)) {
            pieces.add("Le document qui établit le changement (acte de mariage, jugement, acte de naissance mis à jour)");
        }
        if (mineur) {
            pieces.add("La pièce d’identité du représentant légal, présent au rendez-vous avec l’enfant");
            pieces.add("En cas de séparation des parents : le jugement qui fixe l’autorité parentale ou la résidence de l’enfant");
        }
        for (TimbresIdentite.TimbreDu t : timbres) {
            pieces.add("Un timbre fiscal de " + euros(t.montant()) + " (" + t.libelle().toLowerCase(Locale.ROOT) + ")");
        }
        if (timbres.isEmpty()) {
            pieces.add("Aucun timbre fiscal : la carte d’identité est gratuite (hors perte ou vol)");
        }
        return pieces;
    }

    public static BigDecimal total(List<TimbresIdentite.TimbreDu> timbres) {
        return timbres.stream().map(TimbresIdentite.TimbreDu::montant).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** "17,00 €", with a no-break space. */
    public static String euros(BigDecimal montant) {
        return montant.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString().replace('.', ',') + "\u00a0€";
    }

    static String texte(Map<String, Object> reponses, String id) {
        Object v = reponses.get(id);
        return v instanceof String s ? s : "";
    }
}
