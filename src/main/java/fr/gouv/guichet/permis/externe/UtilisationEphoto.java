package fr.gouv.guichet.permis.externe;

/**
 * @param autresDossiers number of other dossiers that used the same code before (0: first use)
 */
public record UtilisationEphoto(int autresDossiers) {

    public boolean reutilise() {
        return autresDossiers > 0;
    }
}
