package fr.gouv.guichet.piece;

/** Outcome of {@link InspecteurFichier#inspecter}: either {@link FichierAccepte} or {@link FichierRefuse}. */
public sealed interface ResultatInspection permits FichierAccepte, FichierRefuse {

    default boolean accepte() {
        return this instanceof FichierAccepte;
    }
}
