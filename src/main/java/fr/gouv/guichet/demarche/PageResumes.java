package fr.gouv.guichet.demarche;

import java.util.List;

/** One page (numbered from 1) of a usager's dossiers, most recently changed first. */
public record PageResumes(List<ResumeDossier> lignes, int page, int pages, long total) {
}
