package fr.gouv.guichet.instruction.internal;

import fr.gouv.guichet.document.TextesJuridiques;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The legal grounds an agent may pick for refusing a videoprotection authorization. Each ground's article of the
 * code de la sécurité intérieure and its rule come from {@code actes/textes-juridiques.csv} (key
 * {@code refus.<NAME>}), with the date they were last checked: the letter cites the grounds picked, with the facts
 * the agent writes, never the whole range of the code.
 */
public enum FondementRefus {
    FINALITE("Finalité ne relevant d’aucune de celles prévues par la loi"),
    LIEU_NON_EXPOSE("Lieu non particulièrement exposé à des risques d’agression ou de vol"),
    VOIE_PUBLIQUE("Voie publique filmée par une personne qui n’y est pas autorisée"),
    VIE_PRIVEE("Visualisation de l’intérieur ou des entrées d’immeubles d’habitation"),
    INFORMATION_PUBLIC("Information du public insuffisante"),
    CONSERVATION("Durée de conservation des images supérieure à un mois"),
    PIECES("Dossier ne comportant pas les pièces exigées");

    private final String libelle;

    FondementRefus(String libelle) {
        this.libelle = libelle;
    }

    private TextesJuridiques.Texte texte() {
        return TextesJuridiques.get("refus." + name());
    }

    public String libelle() {
        return libelle;
    }

    public String article() {
        return texte().article();
    }

    /** When the article and its rule were last checked against the texts. */
    public LocalDate verifieLe() {
        return texte().verifieLe();
    }

    /** As the letter cites it: "Code de la sécurité intérieure, article L251-3 : les opérations …". */
    public String citation() {
        return "Code de la sécurité intérieure, article " + article() + " : " + texte().texte() + ".";
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
