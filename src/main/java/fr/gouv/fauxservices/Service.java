package fr.gouv.fauxservices;

/** The services of the demonstration server, by the first segment of their paths. */
public enum Service {
    EPHOTO("ephoto"), TIMBRES("timbres"), EXAMENS("examens"), PRODUCTION("production"),
    /** ANTS appointment coordination (identity titles). */
    RDV_ANTS("rdv-ants"),
    /** Online payment provider of vehicle registration ({@link ServeurDemoImmatriculation}). */
    PAIEMENT("paiement");

    final String chemin;

    Service(String chemin) {
        this.chemin = chemin;
    }

    /** {@code /ephoto}, {@code /timbres}… */
    public String prefixe() {
        return "/" + chemin;
    }
}
