package fr.gouv.guichet.externe;

/** An external system as Guichet names it: in settings and paths ({@link #code()}) and to the usager. */
public interface SystemeExterne {

    /** Name in settings and in the demonstration server's paths ({@code ephoto}, {@code timbres}…). */
    String code();

    /** "le service des …", inside a sentence read by the usager. */
    String designation();

    /** A system named once, by the feature that calls it. */
    static SystemeExterne de(String code, String designation) {
        return new Nomme(code, designation);
    }

    record Nomme(String code, String designation) implements SystemeExterne {
    }
}
