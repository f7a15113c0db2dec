package fr.gouv.guichet.permis;

import fr.gouv.guichet.formulaire.DefinitionFormulaire;
import fr.gouv.guichet.formulaire.PieceAttendue;
import fr.gouv.guichet.formulaire.Reponses;

import java.util.ArrayList;
import java.util.List;

/**
 * The scans each licence procedure asks for, attached after the deposit ({@code titres.md}: "gather scans → …
 * upload"; theft declared at the police or gendarmerie; exchanges with the foreign licence). The ePhoto, the
 * timbre and the loss declaration are not documents: they are typed in the form.
 */
public final class PiecesPermis {

    static final PieceAttendue IDENTITE = new PieceAttendue("piece_identite", "Pièce d'identité",
            "Une copie lisible, recto et verso, de votre carte d'identité, de votre passeport ou de votre titre de séjour en cours de validité.");
    static final PieceAttendue DOMICILE = new PieceAttendue("justificatif_domicile", "Justificatif de domicile",
            "Un justificatif de domicile de moins de 6 mois (facture, avis d'imposition, quittance de loyer…).");

    private PiecesPermis() {
    }

    public static List<PieceAttendue> pour(DemarchePermis demarche, Reponses reponses) {
        List<PieceAttendue> pieces = new ArrayList<>();
        switch (demarche) {
            case INSCRIPTION -> {
                pieces.add(IDENTITE);
                pieces.add(DOMICILE);
            }
            case VOL -> pieces.add(new PieceAttendue("declaration_vol", "Déclaration de vol",
                    "Le récépissé de la déclaration de vol remis par le commissariat de police ou la brigade de gendarmerie."));
            case RENOUVELLEMENT -> {
                if ("oui".equals(reponses.texte("avis_medical"))) {
                    pieces.add(new PieceAttendue("avis_medical", "Avis médical",
                            "L'avis du médecin agréé (formulaire cerfa 14880) pour les catégories lourdes ou un permis à durée limitée."));
                }
            }
            case CHANGEMENT_ETAT_CIVIL -> pieces.add(new PieceAttendue("justificatif_etat_civil", "Justificatif du changement d'état civil",
                    "L'acte de mariage, le jugement ou l'acte d'état civil qui établit le nouveau nom ou les nouveaux prénoms."));
            case ECHANGE_EUROPEEN, ECHANGE_HORS_UE -> {
                pieces.add(new PieceAttendue("permis_etranger", "Permis de conduire étranger (recto et verso)",
                        "Une copie en couleur, recto et verso, du permis à échanger. L'original vous sera demandé ensuite."));
                if (demarche == DemarchePermis.ECHANGE_HORS_UE && "oui".equals(reponses.texte("traduction"))) {
                    pieces.add(new PieceAttendue("traduction", "Traduction officielle du permis",
                            "La traduction du permis par un traducteur agréé, si le permis n'est pas rédigé en français."));
                }
                pieces.add(IDENTITE);
                pieces.add(DOMICILE);
            }
            case PERMIS_INTERNATIONAL -> {
                pieces.add(new PieceAttendue("permis_francais", "Permis de conduire français (recto et verso)",
                        "Une copie en couleur, recto et verso, de votre permis de conduire français."));
                pieces.add(IDENTITE);
                pieces.add(DOMICILE);
            }
            default -> {
            }
        }
        return pieces;
    }

    /** The rule as the platform asks it ({@link fr.gouv.guichet.demarche.PiecesDemandees}). */
    public static fr.gouv.guichet.demarche.PiecesDemandees regle(DemarchePermis demarche) {
        return (DefinitionFormulaire definition, Reponses reponses) -> pour(demarche, reponses);
    }
}
