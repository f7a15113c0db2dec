package fr.gouv.guichet.referentiel;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Names of the INSEE codes that identity providers send (birth commune, birth country), read from the Code officiel
 * géographique: every commune (current, municipal arrondissements, delegated and associated ones, so that a commune
 * merged since a birth keeps its name), and every country and territory of the COG, former States included (see the
 * heads of {@code referentiel/cog-*.csv}).
 * A code missing from them has no name, and the caller shows the code itself.
 */
@Component
public class CodeOfficielGeographique {

    private final Map<String, String> communes = lire("referentiel/cog-communes.csv");
    private final Map<String, String> pays = lire("referentiel/cog-pays.csv");

    /** The commune's name followed by its département (homonyms are many: « Saint-Martin (83) »). */

    public Optional<String> commune(String code) {
        return Optional.ofNullable(communes.get(code.strip().toUpperCase()));
    }

    public Optional<String> pays(String code) {
        return Optional.ofNullable(pays.get(code.strip()));
    }

    public int nombreDePays() {
        return pays.size();
    }

    public Set<String> codesPays() {
        return pays.keySet();
    }

    /** A birthplace in words: the commune's name, or the country's for someone born abroad (blank commune code). */
    public String lieuDeNaissance(String codeCommune, String codePays) {
        if (codeCommune.isBlank() && "99100".equals(codePays.strip())) {
            return "France (commune non transmise)";
        }
        if (codeCommune.isBlank()) {
            return pays(codePays).map(p -> "À l’étranger : " + p)
                    .orElse("À l’étranger (pays de code INSEE " + codePays + ")");
        }
        return commune(codeCommune).orElse("Commune de code INSEE " + codeCommune);
    }

    private static Map<String, String> lire(String chemin) {
        try (var in = new ClassPathResource(chemin).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#") && !l.startsWith("code;"))
                    .map(l -> l.split(";", 3))
                    .collect(Collectors.toUnmodifiableMap(c -> c[0].strip(),
                            c -> c.length == 3 && !c[2].isBlank() ? c[1].strip() + " (" + c[2].strip() + ")" : c[1].strip()));
        } catch (IOException e) {
            throw new UncheckedIOException("Référentiel " + chemin + " illisible", e);
        }
    }
}
