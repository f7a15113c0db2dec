package fr.gouv.guichet.instruction.internal;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The legal grounds an agent may pick for refusing a videoprotection authorization, each with its article of the
 * code de la sécurité intérieure (numbering after décret n° 2023-1102 for the regulatory part). The letter cites
 * the grounds picked, with the facts the agent writes: never the whole range of the code.
 * Texts move: {@link #VERIFIE_LE} says when this list was last read against Légifrance; read it again before
 * changing the list, and keep article numbers marked "à vérifier" in {@code docs/} until they are.
 */
public enum FondementRefus {
    FINALITE("Finalité ne relevant d’aucune de celles prévues par la loi", "L251-2",
            "la vidéoprotection ne peut être mise en œuvre que pour les finalités limitativement énumérées par la loi"),
    LIEU_NON_EXPOSE("Lieu non particulièrement exposé à des risques d’agression ou de vol", "L251-2",
            "les abords d’un commerce ou un lieu ouvert au public ne peuvent être filmés que s’ils sont particulièrement "
                    + "exposés à des risques d’agression ou de vol"),
    VOIE_PUBLIQUE("Voie publique filmée par une personne qui n’y est pas autorisée", "L251-2",
            "seules les autorités publiques compétentes peuvent filmer la voie publique ; les autres personnes ne peuvent "
                    + "filmer que les abords immédiats de leurs bâtiments et installations, dans les conditions prévues par la loi"),
    VIE_PRIVEE("Visualisation de l’intérieur ou des entrées d’immeubles d’habitation", "L251-3",
            "les opérations de vidéoprotection ne doivent visualiser ni l’intérieur des immeubles d’habitation ni, de façon "
                    + "spécifique, celles de leurs entrées"),
    INFORMATION_PUBLIC("Information du public insuffisante", "L251-3",
            "le public doit être informé de manière claire et permanente de l’existence du système et de l’autorité ou de "
                    + "la personne responsable"),
    CONSERVATION("Durée de conservation des images supérieure à un mois", "L252-5",
            "les enregistrements sont détruits dans un délai maximum fixé par l’autorisation, qui ne peut excéder un mois"),
    PIECES("Dossier ne comportant pas les pièces exigées", "R252-3",
            "la demande d’autorisation est accompagnée des pièces dont la liste est fixée par la réglementation");

    /** When the articles and summaries above were last checked against the texts. */
    public static final LocalDate VERIFIE_LE = LocalDate.of(2026, 11, 30);

    private final String libelle;
    private final String article;
    private final String regle;

    FondementRefus(String libelle, String article, String regle) {
        this.libelle = libelle;
        this.article = article;
        this.regle = regle;
    }

    public String libelle() {
        return libelle;
    }

    public String article() {
        return article;
    }

    /** As the letter cites it: "Code de la sécurité intérieure, article L251-3 : les opérations …". */
    public String citation() {
        return "Code de la sécurité intérieure, article " + article + " : " + regle + ".";
    }

    public static Optional<FondementRefus> parCode(String code) {
        for (FondementRefus f : values()) {
            if (f.name().equals(code)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
