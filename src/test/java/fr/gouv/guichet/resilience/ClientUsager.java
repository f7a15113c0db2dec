package fr.gouv.guichet.resilience;

import fr.gouv.guichet.resilience.NavigationHttp.Indisponible;
import fr.gouv.guichet.resilience.NavigationHttp.Reponse;
import fr.gouv.guichet.resilience.NavigationHttp.SessionPerdue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static fr.gouv.guichet.resilience.NavigationHttp.csrf;
import static fr.gouv.guichet.resilience.NavigationHttp.redirection;

/**
 * A usager driving the real pages over HTTP, like a browser without JavaScript: signs in, creates a draft, fills
 * the three screens, validates with an idempotency key and uploads a PDF. Every step is retried while the
 * application or its database is down; a validation is always retried with the same key.
 */
final class ClientUsager {

    static final Pattern NUMERO = Pattern.compile("id=\"numero-dossier\">(VP-\\d{3}-\\d{4}-\\d{6}-[A-Z])<");
    private static final Pattern VERSION = Pattern.compile("name=\"version\"\\s+value=\"(-?\\d+)\"");
    private static final Pattern ACTION = Pattern.compile("name=\"action\"\s+value=\"(suivante|valider)\"");
    private static final Pattern CLE = Pattern.compile("name=\"cle\"\\s+value=\"([0-9a-f-]{36})\"");
    private static final Pattern DOSSIER = Pattern.compile("/usager/dossiers/(\\d+)/pages/1$");
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    /** A dossier number the usager was shown, with what was sent to get it. */
    record Depot(long dossierId, String numero, String cle, String email) {
    }

    /** A file sent to a dossier: {@code confirme} when the application answered that it is attached. */
    record Envoi(long dossierId, String nom, String sha256, boolean confirme) {
    }

    @FunctionalInterface
    interface Etape<T> {
        T executer() throws Indisponible, SessionPerdue, IOException, InterruptedException;
    }

    private final String email;
    private final String motDePasse;
    private final Map<String, Object> reponses;
    private final Random aleas;
    private final NavigationHttp http;
    final AtomicInteger reprises = new AtomicInteger();
    final AtomicInteger reconnexions = new AtomicInteger();

    ClientUsager(Supplier<String> baseUrl, String email, String motDePasse, Map<String, Object> reponses, long graine) {
        this.email = email;
        this.motDePasse = motDePasse;
        this.reponses = reponses;
        this.aleas = new Random(graine);
        this.http = new NavigationHttp(baseUrl);
    }

    /** A page as this usager's browser gets it (same session). */
    Reponse get(String chemin) throws Indisponible, IOException, InterruptedException {
        return http.get(chemin);
    }

    String email() {
        return email;
    }

    // ---- One whole submission ---------------------------------------------------------------------------------

    /**
     * Draft, three screens, validation, upload. Returns the deposit the usager saw (its number on the dossier
     * page) and records each file sent in {@code envois}.
     */
    Depot soumettre(List<Envoi> envois) throws Exception {
        long id = reprendre(this::creerBrouillon);
        int page = 1;
        while (page > 0) {
            int courante = page;
            page = reprendre(() -> remplirPage(id, courante));
        }
        String cle = reprendre(() -> cleValidation(id));
        reprendre(() -> valider(id, cle));
        String numero = reprendre(() -> numeroAffiche(id));
        Depot depot = new Depot(id, numero, cle, email);
        envoyerPiece(id, envois);
        return depot;
    }

    /** Retries a step across restarts and database stops; signs in again when the session was lost. */
    <T> T reprendre(Etape<T> etape) throws Exception {
        Instant limite = Instant.now().plus(PATIENCE);
        while (true) {
            try {
                return etape.executer();
            } catch (Indisponible | IOException e) {
                reprises.incrementAndGet();
                if (Instant.now().isAfter(limite)) {
                    throw new AssertionError("Toujours indisponible après " + PATIENCE + " : " + e.getMessage(), e);
                }
                Thread.sleep(150 + aleas.nextInt(250));
            } catch (SessionPerdue e) {
                if (Instant.now().isAfter(limite)) {
                    throw new AssertionError("Session toujours refusée après " + PATIENCE + " : " + e.getMessage(), e);
                }
                reprendre(this::seConnecter);
            }
        }
    }

    Boolean seConnecter() throws Indisponible, SessionPerdue, IOException, InterruptedException {
        reconnexions.incrementAndGet();
        Reponse formulaire = http.get("/connexion");
        if (formulaire.statut() != 200) {
            throw new Indisponible("GET /connexion : " + formulaire.statut());
        }
        Reponse r = http.post("/connexion", Map.of("email", email, "motDePasse", motDePasse, "_csrf", csrf(formulaire)));
        if (r.statut() == 302 && r.location().endsWith("/usager")) {
            return true;
        }
        if (r.statut() == 403) {
            throw new Indisponible("connexion refusée (jeton CSRF d’une session perdue)");
        }
        throw new AssertionError("Connexion refusée pour " + email + " : " + r.statut() + " → " + r.location());
    }

    private Long creerBrouillon() throws Indisponible, SessionPerdue, IOException, InterruptedException {
        Reponse formulaire = http.exigerPage("/usager/videoprotection/nouveau?demarche=AUTORISATION");
        Reponse r = http.post("/usager/videoprotection/nouveau",
                Map.of("demarche", "AUTORISATION", "lieu", "UN_DEPARTEMENT", "_csrf", csrf(formulaire)));
        Matcher m = DOSSIER.matcher(redirection(r, "/usager/videoprotection/nouveau"));
        if (!m.find()) {
            throw new AssertionError("Création du brouillon : redirection inattendue " + r.location());
        }
        return Long.parseLong(m.group(1));
    }

    /** Posts every answer on the screen (the page keeps only its own fields); returns the next screen, 0 at the end. */
    private Integer remplirPage(long id, int numero) throws Indisponible, SessionPerdue, IOException, InterruptedException {
        String chemin = "/usager/dossiers/" + id + "/pages/" + numero;
        Reponse page = http.exigerPage(chemin);
        Matcher version = VERSION.matcher(page.corps());
        if (!version.find()) {
            throw new AssertionError("Pas de version de brouillon sur " + chemin);
        }
        List<String[]> parametres = new ArrayList<>();
        reponses.forEach((champ, valeur) -> {
            if (valeur instanceof List<?> liste) {
                liste.forEach(v -> parametres.add(new String[]{champ, String.valueOf(v)}));
            } else {
                parametres.add(new String[]{champ, String.valueOf(valeur)});
            }
        });
        parametres.add(new String[]{"version", version.group(1)});
        // The default button of the screen: "suivante", or "valider" on the last one.
        Matcher action = ACTION.matcher(page.corps());
        parametres.add(new String[]{"action", action.find() ? action.group(1) : "suivante"});
        parametres.add(new String[]{"_csrf", csrf(page)});
        Reponse r = http.post(chemin, parametres);
        if (r.statut() == 200 && r.corps().contains("enregistré depuis un autre onglet")) {
            // Saved by an earlier request whose answer was lost (version conflict): read the screen again and resend.
            throw new Indisponible("écran " + numero + " : conflit de version");
        }
        if (r.statut() == 200) {
            Matcher erreurs = Pattern.compile("<a href=\"[^\"]*\">([^<]+)</a>").matcher(
                    r.corps().substring(Math.max(0, r.corps().indexOf("resume-erreurs"))));
            List<String> messages = new ArrayList<>();
            while (erreurs.find()) {
                messages.add(erreurs.group(1));
            }
            throw new AssertionError("Écran " + numero + " refusé : " + messages);
        }
        String cible = redirection(r, chemin);
        if (cible.endsWith("/pages/" + (numero + 1))) {
            return numero + 1;
        }
        if (cible.endsWith("/validation") || cible.endsWith("/usager/dossiers/" + id)) {
            return 0;
        }
        throw new AssertionError("Écran " + numero + " : redirection inattendue " + cible);
    }

    /** The idempotency key the validation page gives (a browser sends back the one of the page it shows). */
    private String cleValidation(long id) throws Indisponible, SessionPerdue, IOException, InterruptedException {
        Reponse page = http.exigerPage("/usager/dossiers/" + id + "/validation");
        Matcher cle = CLE.matcher(page.corps());
        if (!cle.find()) {
            throw new AssertionError("Pas de clé d’idempotence sur la page de validation du dossier " + id);
        }
        return cle.group(1);
    }

    private Boolean valider(long id, String cle) throws Indisponible, SessionPerdue, IOException, InterruptedException {
        String jeton = csrf(http.exigerPage("/usager/dossiers"));
        Reponse r = http.post("/usager/dossiers/" + id + "/valider", Map.of("cle", cle, "certification", "oui", "_csrf", jeton));
        String cible = redirection(r, "valider");
        if (!cible.endsWith("/usager/dossiers/" + id)) {
            throw new AssertionError("Validation du dossier " + id + " : redirection inattendue " + cible);
        }
        return true;
    }

    private String numeroAffiche(long id) throws Indisponible, SessionPerdue, IOException, InterruptedException {
        Reponse page = http.exigerPage("/usager/dossiers/" + id);
        Matcher m = NUMERO.matcher(page.corps());
        if (!m.find()) {
            throw new AssertionError("Numéro absent de la page du dossier " + id);
        }
        return m.group(1);
    }

    /**
     * Uploads a small PDF. A send whose answer was lost is not resent as such (it may be attached already): a new
     * file, with its own SHA-256, is sent instead, and the first is recorded as unconfirmed.
     */
    private void envoyerPiece(long id, List<Envoi> envois) throws Exception {
        Instant limite = Instant.now().plus(PATIENCE);
        byte[] pdf = pdf(aleas);
        String nom = "plan-" + UUID.randomUUID().toString().substring(0, 8) + ".pdf";
        while (true) {
            String sha = sha256(pdf);
            String jeton = reprendre(() -> csrf(http.exigerPage("/usager/dossiers/" + id)));
            try {
                Reponse r = http.multipart("/usager/dossiers/" + id + "/pieces", jeton, "expose_succinct", nom, pdf);
                String cible = redirection(r, "pièces");
                if (!cible.endsWith("/usager/dossiers/" + id + "#documents")) {
                    throw new AssertionError("Envoi de pièce : redirection inattendue " + cible);
                }
                envois.add(new Envoi(id, nom, sha, true));
                String page = reprendre(() -> http.exigerPage("/usager/dossiers/" + id)).corps();
                if (!page.contains(nom)) {
                    throw new AssertionError("Le document " + nom + " confirmé n’est pas listé sur la page du dossier " + id);
                }
                return;
            } catch (Indisponible | IOException | SessionPerdue e) {
                reprises.incrementAndGet();
                if (!(e instanceof Indisponible i && i.jamaisRecue)) {
                    // Perhaps attached already: not sent again as such; a new file (own SHA-256) is sent instead.
                    envois.add(new Envoi(id, nom, sha, false));
                    pdf = pdf(aleas);
                    nom = "plan-" + UUID.randomUUID().toString().substring(0, 8) + ".pdf";
                }
                if (e instanceof SessionPerdue) {
                    reprendre(this::seConnecter);
                }
                if (Instant.now().isAfter(limite)) {
                    throw new AssertionError("Envoi de pièce impossible après " + PATIENCE, e);
                }
                Thread.sleep(150 + aleas.nextInt(250));
            }
        }
    }

    static String sha256(byte[] contenu) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(contenu));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A small valid one-page PDF made unique by a random comment (so each send has its own SHA-256). */
    static byte[] pdf(Random aleas) {
        String contenu = "BT /F1 12 Tf 72 720 Td (Plan du site) Tj ET";
        List<String> objets = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
                        + " /Resources << /Font << /F1 5 0 R >> >> >>",
                "<< /Length " + contenu.length() + " >>\nstream\n" + contenu + "\nendstream",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n%");
        for (int i = 0; i < 4096; i++) {
            pdf.append((char) ('a' + aleas.nextInt(26)));
        }
        pdf.append('\n');
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < objets.size(); i++) {
            positions.add(pdf.length());
            pdf.append(i + 1).append(" 0 obj\n").append(objets.get(i)).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objets.size() + 1).append("\n0000000000 65535 f \n");
        positions.forEach(p -> pdf.append(String.format("%010d 00000 n \n", p)));
        pdf.append("trailer\n<< /Size ").append(objets.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
