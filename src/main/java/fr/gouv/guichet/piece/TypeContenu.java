package fr.gouv.guichet.piece;

import java.util.List;
import java.util.Locale;

/** The content types a usager may upload, recognised by their bytes, never by their name. */
public enum TypeContenu {

    PDF("application/pdf", "pdf", "PDF", List.of("pdf")),
    JPEG("image/jpeg", "jpg", "JPEG", List.of("jpg", "jpeg", "jpe", "jfif")),
    PNG("image/png", "png", "PNG", List.of("png"));

    private final String typeMime;
    private final String extension;
    private final String libelle;
    private final List<String> extensionsAdmises;

    TypeContenu(String typeMime, String extension, String libelle, List<String> extensionsAdmises) {
        this.typeMime = typeMime;
        this.extension = extension;
        this.libelle = libelle;
        this.extensionsAdmises = extensionsAdmises;
    }

    /** MIME type to send in {@code Content-Type}. */
    public String typeMime() {
        return typeMime;
    }

    /** Canonical extension, without the dot. */
    public String extension() {
        return extension;
    }

    /** Name shown to people ("PDF", "JPEG", "PNG"). */
    public String libelle() {
        return libelle;
    }

    /** Whether {@code extension} (without the dot, any case) is a usual extension for this type. */
    public boolean admetExtension(String extension) {
        return extensionsAdmises.contains(extension.toLowerCase(Locale.ROOT));
    }

    /** Whether {@code extension} (without the dot, any case) is a usual extension of any accepted type. */
    public static boolean extensionConnue(String extension) {
        for (TypeContenu type : values()) {
            if (type.admetExtension(extension)) {
                return true;
            }
        }
        return false;
    }
}
