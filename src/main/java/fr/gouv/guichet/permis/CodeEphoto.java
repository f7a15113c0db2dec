package fr.gouv.guichet.permis;

/**
 * A code printed by an agreed photo booth or photographer, with which the photo service gives the photo and the
 * signature of a person (valid 6 months, single use [S]). Letters upper-cased, no separator; its length is the
 * one of the {@link FormatEphoto} it was read with (checked in the constructor).
 */
public record CodeEphoto(String valeur) {

    public CodeEphoto {
        if (valeur.isEmpty() || valeur.length() > FormatEphoto.LONGUEUR_MAX || !valeur.matches("[A-Z0-9]+")) {
            throw new IllegalArgumentException("Code ePhoto invalide : « " + valeur + " »");
        }
    }

    /** A code checked against the given format. */
    public CodeEphoto(String valeur, FormatEphoto format) {
        this(verifie(valeur, format));
    }

    private static String verifie(String valeur, FormatEphoto format) {
        String probleme = format.probleme(valeur);
        if (probleme != null || !valeur.equals(FormatEphoto.normaliser(valeur))) {
            throw new IllegalArgumentException("Code ePhoto invalide « " + valeur + " » : "
                    + (probleme != null ? probleme : "écrire le code sans séparateur, en majuscules"));
        }
        return valeur;
    }

    @Override
    public String toString() {
        return valeur;
    }
}
