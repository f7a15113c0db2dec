package fr.gouv.guichet.mediation.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The FAQ, as data ({@code aide/faq.txt}): the "Aide" page shows every section, the contextual help page the section
 * of the procedure at hand (found by the dossier number's prefix or by the path of the page) and the account's.
 */
@Component
public class QuestionsFrequentes {

    public record Question(String question, String reponse) {
    }

    /**
     * @param prefixeNumero the opening letters of the procedure's dossier numbers (VP…), blank if none
     * @param chemin        the start of the procedure's pages, blank if none
     */
    public record Rubrique(String code, String titre, String prefixeNumero, String chemin, List<Question> questions) {
    }

    public static final String COMPTE = "compte";

    private final List<Rubrique> rubriques = lire("aide/faq.txt");

    public List<Rubrique> toutes() {
        return rubriques;
    }

    public Optional<Rubrique> rubrique(String code) {
        return rubriques.stream().filter(r -> r.code().equals(code)).findFirst();
    }

    /** The procedure section of a page: by the dossier number's prefix if a dossier is known, else by the path. */
    public Optional<Rubrique> deLaDemarche(@Nullable String numeroDossier, String chemin) {
        if (numeroDossier != null) {
            Optional<Rubrique> r = rubriques.stream()
                    .filter(x -> !x.prefixeNumero().isBlank() && numeroDossier.startsWith(x.prefixeNumero() + "-")).findFirst();
            if (r.isPresent()) {
                return r;
            }
        }
        return rubriques.stream().filter(x -> !x.chemin().isBlank() && (chemin.equals(x.chemin()) || chemin.startsWith(x.chemin() + "/")))
                .findFirst();
    }

    static List<Rubrique> lire(String chemin) {
        try (var in = new ClassPathResource(chemin).getInputStream()) {
            List<Rubrique> rubriques = new ArrayList<>();
            String[] entete = null;
            List<Question> questions = new ArrayList<>();
            for (String ligne : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
                if (ligne.isBlank() || ligne.startsWith("#")) {
                    continue;
                }
                if (ligne.startsWith("=")) {
                    if (entete != null) {
                        rubriques.add(rubrique(entete, questions));
                    }
                    entete = ligne.substring(1).split("\\|", -1);
                    questions = new ArrayList<>();
                    continue;
                }
                String[] qr = ligne.split("\\|", 2);
                if (entete == null || qr.length != 2) {
                    throw new IllegalStateException("Ligne de " + chemin + " mal formée : " + ligne);
                }
                questions.add(new Question(qr[0].strip(), qr[1].strip()));
            }
            if (entete != null) {
                rubriques.add(rubrique(entete, questions));
            }
            return List.copyOf(rubriques);
        } catch (IOException e) {
            throw new UncheckedIOException("Questions fréquentes illisibles : " + chemin, e);
        }
    }

    private static Rubrique rubrique(String[] entete, List<Question> questions) {
        if (entete.length != 4) {
            throw new IllegalStateException("En-tête de rubrique mal formé : " + String.join("|", entete));
        }
        return new Rubrique(entete[0].strip(), entete[1].strip(), entete[2].strip(), entete[3].strip(), List.copyOf(questions));
    }
}
