package fr.gouv.guichet.mediation.internal;

import java.util.List;

/** The outcome of an import: either every place imported (no error) or none (errors, each with its line). */
public record RapportImport(int importes, List<Erreur> erreurs) {

    public record Erreur(int ligne, String motif) {

        public String libelle() {
            return ligne == 0 ? motif : "Ligne " + ligne + " : " + motif;
        }
    }

    public RapportImport {
        erreurs = List.copyOf(erreurs);
    }

    public static RapportImport refuse(List<Erreur> erreurs) {
        return new RapportImport(0, erreurs);
    }

    public boolean reussi() {
        return erreurs.isEmpty();
    }
}
