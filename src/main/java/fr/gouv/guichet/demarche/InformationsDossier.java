package fr.gouv.guichet.demarche;

import java.util.List;
import java.util.Optional;

/**
 * What a procedure adds about one of its deposited dossiers (e.g. a number given at the deposit, what to send by
 * post): shown on the usager's dossier page and in the accusé de réception e-mail. Features declare beans of this
 * type; {@code demarche} names no procedure. An implementation answers empty, without reading anything, for the
 * dossiers of other procedures.
 */
public interface InformationsDossier {

    /** A link of the encart (a document to print, a page to go to). */
    record Lien(String libelle, String url) {
    }

    /** A titled encart: its lines are plain sentences, its links relative addresses of the usager's pages. */
    record Encart(String titre, List<String> lignes, List<Lien> liens) {
        public Encart {
            lignes = List.copyOf(lignes);
            liens = List.copyOf(liens);
        }
    }

    Optional<Encart> pour(Dossier dossier);
}
