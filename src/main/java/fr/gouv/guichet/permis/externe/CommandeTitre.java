package fr.gouv.guichet.permis.externe;

import java.time.LocalDate;

/** An order placed with the production service, and the date the title is expected to be produced. */
public record CommandeTitre(String numeroCommande, ReferenceDossier dossier, LocalDate productionPrevueLe) {
}
