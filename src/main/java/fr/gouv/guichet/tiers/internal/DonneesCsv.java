package fr.gouv.guichet.tiers.internal;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The module's data files: semicolon-separated, a header line, comment lines starting with {@code #}. */
final class DonneesCsv {

    /** One data line, with its number in the file (for the messages of a bad line). */
    record Ligne(int numero, String[] colonnes) {
        String colonne(int i) {
            return colonnes[i].strip();
        }
    }

    private DonneesCsv() {
    }

    static List<Ligne> lire(String emplacement) {
        return lire(new ClassPathResource(emplacement));
    }

    static List<Ligne> lire(Resource fichier) {
        List<Ligne> lignes = new ArrayList<>();
        try (var in = fichier.getInputStream()) {
            int numero = 0;
            for (String ligne : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
                numero++;
                if (numero > 1 && !ligne.isBlank() && !ligne.startsWith("#")) {
                    lignes.add(new Ligne(numero, ligne.split(";", -1)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Fichier de données illisible : " + fichier.getDescription(), e);
        }
        return lignes;
    }
}
