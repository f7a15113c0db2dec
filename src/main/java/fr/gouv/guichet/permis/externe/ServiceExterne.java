package fr.gouv.guichet.permis.externe;

import fr.gouv.guichet.externe.SystemeExterne;

/** The external systems of the driving licence (the timbres are the {@code timbre} module's), named as the usager reads them. */
public enum ServiceExterne implements SystemeExterne {
    PHOTOS("ephoto", "le service des photos et signatures numériques (ePhoto)"),
    EXAMENS("examens", "le service des résultats de l'examen du permis de conduire"),
    PRODUCTION("production", "le service de fabrication des titres");

    private final String code;
    private final String designation;

    ServiceExterne(String code, String designation) {
        this.code = code;
        this.designation = designation;
    }

    /** Name in settings ({@code guichet.permis.services.<code>.*}) and in the demonstration server's paths. */
    @Override
    public String code() {
        return code;
    }

    /** "le service des …", inside a sentence. */
    @Override
    public String designation() {
        return designation;
    }
}
