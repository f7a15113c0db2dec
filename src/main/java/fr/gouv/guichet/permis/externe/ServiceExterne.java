package fr.gouv.guichet.permis.externe;

/** The external systems of the driving licence, named as the usager reads them in a message. */
public enum ServiceExterne {
    PHOTOS("ephoto", "le service des photos et signatures numériques (ePhoto)"),
    TIMBRES("timbres", "le service des timbres fiscaux électroniques"),
    EXAMENS("examens", "le service des résultats de l'examen du permis de conduire"),
    PRODUCTION("production", "le service de fabrication des titres");

    private final String code;
    private final String designation;

    ServiceExterne(String code, String designation) {
        this.code = code;
        this.designation = designation;
    }

    /** Name in settings ({@code guichet.permis.services.<code>.*}) and in the demonstration server's paths. */
    public String code() {
        return code;
    }

    /** "le service des …", inside a sentence. */
    public String designation() {
        return designation;
    }
}
