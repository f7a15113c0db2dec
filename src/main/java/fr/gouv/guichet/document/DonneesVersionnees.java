package fr.gouv.guichet.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the versioned data files the acts rely on ({@code actes/*.csv}): UTF-8, lines starting with {@code #} are
 * comments, the first other line is the header, fields are separated by {@code |} (legal texts hold commas and
 * semicolons, never a vertical bar). A malformed line stops the start rather than print a wrong act.
 */
public final class DonneesVersionnees {

    private DonneesVersionnees() {
    }

    /** The rows of {@code ressource} (classpath), each with exactly {@code champs} stripped fields. */
    public static List<List<String>> lire(String ressource, int champs) {
        try (InputStream in = DonneesVersionnees.class.getClassLoader().getResourceAsStream(ressource)) {
            if (in == null) {
                throw new IllegalStateException("Ressource absente : " + ressource);
            }
            return lignes(ressource, new String(in.readAllBytes(), StandardCharsets.UTF_8), champs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<List<String>> lignes(String nom, String contenu, int champs) {
        List<List<String>> lignes = new ArrayList<>();
        boolean entete = true;
        int numero = 0;
        for (String ligne : contenu.split("\n")) {
            numero++;
            String l = ligne.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            if (entete) {
                entete = false;
                continue;
            }
            String[] c = l.split("\\|", -1);
            if (c.length != champs) {
                throw new IllegalStateException(nom + ", ligne " + numero + " : " + champs + " champs attendus, " + c.length + " lus");
            }
            List<String> valeurs = new ArrayList<>(champs);
            for (String v : c) {
                valeurs.add(v.strip());
            }
            lignes.add(List.copyOf(valeurs));
        }
        return lignes;
    }
}
