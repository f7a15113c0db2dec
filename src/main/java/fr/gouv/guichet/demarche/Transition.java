package fr.gouv.guichet.demarche;

import java.util.EnumSet;
import java.util.Set;

import static fr.gouv.guichet.demarche.EtatDossier.ATTENTE_AVIS_COMMISSION;
import static fr.gouv.guichet.demarche.EtatDossier.ATTENTE_PIECES;
import static fr.gouv.guichet.demarche.EtatDossier.AUTORISE;
import static fr.gouv.guichet.demarche.EtatDossier.AUTORISE_PROVISOIREMENT;
import static fr.gouv.guichet.demarche.EtatDossier.BROUILLON;
import static fr.gouv.guichet.demarche.EtatDossier.CLASSE_SANS_SUITE;
import static fr.gouv.guichet.demarche.EtatDossier.DEPOSE;
import static fr.gouv.guichet.demarche.EtatDossier.EN_INSTRUCTION;
import static fr.gouv.guichet.demarche.EtatDossier.REFUSE;

/**
 * The dossier lifecycle, in one place: each transition, the states it may start from, where it leads, and who
 * may fire it. Nothing else sets a dossier's state.
 */
public enum Transition {
    DEPOSER(TypeActeur.USAGER, EnumSet.of(BROUILLON), DEPOSE, "Dépôt du dossier"),
    PRENDRE_EN_CHARGE(TypeActeur.AGENT, EnumSet.of(DEPOSE), EN_INSTRUCTION, "Prise en charge par la préfecture"),
    DEMANDER_PIECES(TypeActeur.AGENT, EnumSet.of(DEPOSE, EN_INSTRUCTION), ATTENTE_PIECES, "Demande de pièces complémentaires"),
    COMPLETER(TypeActeur.USAGER, EnumSet.of(ATTENTE_PIECES), EN_INSTRUCTION, "Pièces complémentaires transmises"),
    INSCRIRE_COMMISSION(TypeActeur.AGENT, EnumSet.of(EN_INSTRUCTION, AUTORISE_PROVISOIREMENT), ATTENTE_AVIS_COMMISSION,
            "Inscription à une séance de la commission départementale"),
    AUTORISER_PROVISOIREMENT(TypeActeur.AGENT, EnumSet.of(EN_INSTRUCTION, ATTENTE_AVIS_COMMISSION), AUTORISE_PROVISOIREMENT,
            "Autorisation provisoire (urgence, menace terroriste)"),
    AUTORISER(TypeActeur.AGENT, EnumSet.of(ATTENTE_AVIS_COMMISSION, AUTORISE_PROVISOIREMENT), AUTORISE,
            "Autorisation par arrêté préfectoral"),
    REFUSER(TypeActeur.AGENT, EnumSet.of(EN_INSTRUCTION, ATTENTE_AVIS_COMMISSION, AUTORISE_PROVISOIREMENT), REFUSE,
            "Refus motivé"),
    CLASSER_SANS_SUITE(TypeActeur.AGENT, EnumSet.of(DEPOSE, EN_INSTRUCTION, ATTENTE_PIECES, ATTENTE_AVIS_COMMISSION), CLASSE_SANS_SUITE,
            "Classement sans suite");

    private final TypeActeur acteur;
    private final Set<EtatDossier> depuis;
    private final EtatDossier vers;
    private final String libelle;

    Transition(TypeActeur acteur, Set<EtatDossier> depuis, EtatDossier vers, String libelle) {
        this.acteur = acteur;
        this.depuis = depuis;
        this.vers = vers;
        this.libelle = libelle;
    }

    public boolean possibleDepuis(EtatDossier etat) {
        return depuis.contains(etat);
    }

    public boolean autoriseA(TypeActeur qui) {
        return acteur == qui;
    }

    public TypeActeur acteur() {
        return acteur;
    }

    public Set<EtatDossier> depuis() {
        return depuis;
    }

    public EtatDossier vers() {
        return vers;
    }

    public String libelle() {
        return libelle;
    }

    /** Replays recorded transitions: is going from {@code de} to {@code vers} allowed by some transition? */
    public static boolean existe(EtatDossier de, EtatDossier vers) {
        for (Transition t : values()) {
            if (t.vers == vers && t.depuis.contains(de)) {
                return true;
            }
        }
        return false;
    }
}
