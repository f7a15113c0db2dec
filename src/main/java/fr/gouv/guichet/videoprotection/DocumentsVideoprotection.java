package fr.gouv.guichet.videoprotection;

import fr.gouv.guichet.demarche.TypeDocument;

/** The official documents the préfet issues on a videoprotection dossier (declared as beans by {@code ProceduresVideo}). */
public final class DocumentsVideoprotection {

    public static final TypeDocument ARRETE = new TypeDocument("ARRETE", "Arrêté préfectoral d’autorisation");
    public static final TypeDocument ARRETE_PROVISOIRE = new TypeDocument("ARRETE_PROVISOIRE", "Arrêté préfectoral d’autorisation provisoire");
    public static final TypeDocument REFUS = new TypeDocument("REFUS", "Décision de refus");

    private DocumentsVideoprotection() {
    }
}
