package fr.gouv.guichet.identite;

import org.jspecify.annotations.Nullable;

/**
 * A town hall equipped with a dispositif de recueil: a service instructeur (its {@code service} code, e.g.
 * "mairie-83137") with its agenda.
 *
 * @param horaires         opening hours of the recueil desk, OSM {@code opening_hours}
 * @param dispositifs      how many devices: as many appointments per slot
 * @param siteReservation  the town hall's own booking site when it does not use Guichet's agenda; null otherwise
 * @param exemple          sample data, not from a public source
 */
public record Mairie(String service, String nom, String codeInsee, String commune, String codeDepartement, String adresse,
                     double latitude, double longitude, String horaires, int dureeCreneauMinutes, int dispositifs,
                     String accessibilite, @Nullable String siteReservation, boolean exemple, String source) {

    public static String codeService(String codeInsee) {
        return "mairie-" + codeInsee;
    }

    /** Books through Guichet's agenda (otherwise listed with a link to its own site). */
    public boolean agendaGuichet() {
        return siteReservation == null || siteReservation.isBlank();
    }
}
