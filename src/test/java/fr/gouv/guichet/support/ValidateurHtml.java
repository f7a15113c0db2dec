package fr.gouv.guichet.support;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Response;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RGAA 8.2 (code source valide) : chaque page HTML reçue par un contexte du navigateur de test est gardée telle que le
 * serveur l’a envoyée, puis toutes sont vérifiées par le Nu HTML Checker (npm {@code vnu-jar}) en un seul lancement à
 * la fermeture du navigateur (le vérificateur démarre lentement : une fois par classe de test). La moindre erreur fait
 * échouer la classe, avec l’adresse de la page, la ligne et le message.
 */
public final class ValidateurHtml {

    private static final Pattern LIGNE_GNU = Pattern.compile("^\"?(?:file:)?(.*?page-(\\d+)\\.html)\"?:(\\d+)\\.\\d+(?:-\\d+\\.\\d+)?: (error|fatal)[^:]*: (.*)$");

    private final Map<String, String> pages = new LinkedHashMap<>();

    /** Garde chaque document HTML (réponse à une navigation, hors redirections) reçu par ce contexte. */
    public void observer(BrowserContext contexte) {
        contexte.onResponse(this::garder);
    }

    private void garder(Response reponse) {
        String type = reponse.headers().getOrDefault("content-type", "");
        if (!"document".equals(reponse.request().resourceType()) || !type.startsWith("text/html")
                || reponse.status() / 100 == 3) {
            return;
        }
        try {
            String html = reponse.text();
            String cle = reponse.request().method() + " " + reponse.url();
            pages.putIfAbsent(cle + " #" + html.hashCode(), html);
        } catch (RuntimeException illisible) {
            // Page quittée avant la fin de sa lecture (navigation enchaînée) : elle sera relue à sa prochaine visite.
        }
    }

    /** Garde une page obtenue hors navigateur (MockMvc), sous son adresse. */
    public void ajouter(String adresse, String html) {
        pages.putIfAbsent(adresse + " #" + html.hashCode(), html);
    }

    public int nombrePages() {
        return pages.size();
    }

    /** Vérifie toutes les pages gardées en un seul lancement du vérificateur ; lève une AssertionError s’il y a une erreur. */
    public void verifier() {
        if (pages.isEmpty()) {
            return;
        }
        List<String> adresses = new ArrayList<>(pages.keySet());
        try {
            Path dossier = Files.createTempDirectory("guichet-vnu");
            List<String> commande = new ArrayList<>(List.of(java(), "-Xss4m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-jar", vnu().toString(), "--errors-only", "--no-langdetect", "--format", "gnu", "--exit-zero-always"));
            for (int i = 0; i < adresses.size(); i++) {
                Path fichier = dossier.resolve("page-" + i + ".html");
                Files.writeString(fichier, pages.get(adresses.get(i)), StandardCharsets.UTF_8);
                commande.add(fichier.toString());
            }
            long debut = System.nanoTime();
            Process vnu = new ProcessBuilder(commande).redirectErrorStream(true).start();
            String sortie = new String(vnu.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!vnu.waitFor(5, TimeUnit.MINUTES) || vnu.exitValue() != 0) {
                throw new AssertionError("Le Nu HTML Checker n’a pas abouti :\n" + sortie);
            }
            System.out.printf("Nu HTML Checker : %d pages vérifiées en %d ms%n", adresses.size(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - debut));
            // Une erreur de la mise en page commune se répète sur chaque page : regroupée, avec les adresses touchées.
            Map<String, Set<String>> erreurs = new LinkedHashMap<>();
            for (String ligne : sortie.split("\\R")) {
                if (ligne.isBlank()) {
                    continue;
                }
                Matcher m = LIGNE_GNU.matcher(ligne);
                if (m.matches()) {
                    erreurs.computeIfAbsent("ligne " + m.group(3) + " : " + m.group(5), k -> new LinkedHashSet<>())
                            .add(adresses.get(Integer.parseInt(m.group(2))).replaceAll(" #-?\\d+$", ""));
                } else {
                    erreurs.computeIfAbsent(ligne, k -> new LinkedHashSet<>());
                }
            }
            if (!erreurs.isEmpty()) {
                StringBuilder texte = new StringBuilder("HTML invalide (Nu HTML Checker, " + adresses.size() + " pages vérifiées) :");
                erreurs.forEach((erreur, pagesTouchees) -> texte.append("\n- ").append(erreur)
                        .append(pagesTouchees.isEmpty() ? "" : "\n    sur " + String.join(", ", pagesTouchees)));
                throw new AssertionError(texte.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static Path vnu() {
        Path jar = Path.of(System.getProperty("guichet.project.dir", "."), "node_modules/vnu-jar/build/dist/vnu.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("Nu HTML Checker introuvable : " + jar + " (npm ci n’a pas été lancé ?)");
        }
        return jar;
    }
}
