package fr.gouv.guichet.mediation.internal;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The minimal communes referential shipped to place a searched commune or postcode ({@code mediation/communes-var.csv}:
 * the Var's main communes, approximate town-centre coordinates, see the README). A commune or postcode missing from it
 * is placed at the mean position of the help places recorded there, if any.
 */
@org.springframework.modulith.NamedInterface("lieux")
@Component
public class Communes {

    public record Position(String libelle, double latitude, double longitude) {
    }

    private record Commune(String nom, String cle, List<String> codesPostaux, double latitude, double longitude) {
    }

    private final List<Commune> communes = new ArrayList<>();

    Communes() {
        try {
            String texte = new ClassPathResource("mediation/communes-var.csv").getContentAsString(StandardCharsets.UTF_8);
            List<LectureCsv.Enregistrement> lignes = LectureCsv.lire(texte, 200);
            for (LectureCsv.Enregistrement e : lignes.subList(1, lignes.size())) {
                List<String> c = e.champs();
                communes.add(new Commune(c.get(0), cle(c.get(0)), List.of(c.get(1).split("\\|")),
                        Double.parseDouble(c.get(2)), Double.parseDouble(c.get(3))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (LectureCsv.CsvMalForme e) {
            throw new IllegalStateException("Référentiel des communes illisible, ligne " + e.ligne, e);
        }
    }

    /** Lower case, no accents, hyphens and apostrophes as spaces, "st" for "saint": "St-Raphael" finds Saint-Raphaël. */
    static String cle(String nom) {
        String sansAccents = Normalizer.normalize(nom, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String cle = sansAccents.toLowerCase(Locale.ROOT).replaceAll("[-'’\\s]+", " ").strip();
        return cle.replaceAll("\\bste\\b", "sainte").replaceAll("\\bst\\b", "saint");
    }

    /** The position of a commune (name, any spelling of {@link #cle}) or postcode of the shipped list; empty if unknown. */
    public Optional<Position> situer(String recherche) {
        String r = recherche.strip();
        if (r.matches("\\d{5}")) {
            return communes.stream().filter(c -> c.codesPostaux().contains(r)).findFirst()
                    .map(c -> new Position(c.nom() + " (" + r + ")", c.latitude(), c.longitude()));
        }
        String cle = cle(r);
        return communes.stream().filter(c -> c.cle().equals(cle)).findFirst()
                .map(c -> new Position(c.nom(), c.latitude(), c.longitude()));
    }
}
