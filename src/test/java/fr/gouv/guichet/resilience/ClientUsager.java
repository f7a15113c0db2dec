package fr.gouv.guichet.resilience;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

/**
 * A usager driving the real pages over HTTP, like a browser without JavaScript: signs in, creates a draft, fills
 * the three screens, validates with an idempotency key and uploads a PDF. Every step is retried while the
 * application or its database is down; a validation is always retried with the same key.
 */
final class ClientUsager {

    static final Pattern NUMERO = Pattern.compile("id=\"numero-dossier\">(VP-\\d{3}-\\d{4}-\\d{6}-[A-Z])<");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
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

    /** The application or its database is unavailable (connection refused or reset, 5xx): try again. */
    static final class Indisponible extends Exception {
        /** The connection was refused: the request cannot have reached the application. */
        final boolean jamaisRecue;

        Indisponible(String message) {
            this(message, false);
        }

        Indisponible(String message, boolean jamaisRecue) {
            super(message, null, false, false);
            this.jamaisRecue = jamaisRecue;
        }
    }

    /** The session is gone or its CSRF token refused: sign in again, then try again. */
    static final class SessionPerdue extends Exception {
        SessionPerdue(String message) {
            super(message, null, false, false);
        }
    }

    record Reponse(int statut, String location, String corps) {
    }

    @FunctionalInterface
    interface Etape<T> {
        T executer() throws Indisponible, SessionPerdue, IOException, InterruptedException;
    }

    private final Supplier<String> baseUrl;
    private final String email;
    private final String motDePasse;
    private final Map<String, Object> reponses;
    private final Random aleas;
    private final HttpClient http;
    final AtomicInteger reprises = new AtomicInteger();
    final AtomicInteger reconnexions = new AtomicInteger();

    ClientUsager(Supplier<String> baseUrl, String email, String motDePasse, Map<String, Object> reponses, long graine) {
        this.baseUrl = baseUrl;
        this.email = email;
        this.motDePasse = motDePasse;
        this.reponses = reponses;
        this.aleas = new Random(graine);
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(2)).build();
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
        Reponse formulaire = get("/connexion");
        if (formulaire.statut() != 200) {
            throw new Indisponible("GET /connexion : " + formulaire.statut());
        }
        Reponse r = post("/connexion", Map.of("email", email, "motDePasse", motDePasse, "_csrf", csrf(formulaire)));
        if (r.statut() == 302 && r.location().endsWith("/usager")) {
            return true;
        }
        if (r.statut() == 403) {
            throw new Indisponible("connexion refusée (jeton CSRF d’une session perdue)");
        }
        throw new AssertionError("Connexion refusée pour " + email + " : " + r.statut() + " → " + r.location());
    }

    private Long creerBrouillon() throws Indisponible, SessionPerdue, IOException, InterruptedException {
        Reponse formulaire = exigerPage("/usager/videoprotection/nouveau?demarche=AUTORISATION");
        Reponse r = post("/usager/videoprotection/nouveau",
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
        Reponse page = exigerPage(chemin);
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
        Reponse r = post(chemin, parametres);
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
        Reponse page = exigerPage("/usager/dossiers/" + id + "/validation");
        Matcher cle = CLE.matcher(page.corps());
        if (!cle.find()) {
            throw new AssertionError("Pas de clé d’idempotence sur la page de validation du dossier " + id);
        }
        return cle.group(1);
    }

    private Boolean valider(long id, String cle) throws Indisponible, SessionPerdue, IOException, InterruptedException {
        String jeton = csrf(exigerPage("/usager/dossiers"));
        Reponse r = post("/usager/dossiers/" + id + "/valider", Map.of("cle", cle, "certification", "oui", "_csrf", jeton));
        String cible = redirection(r, "valider");
        if (!cible.endsWith("/usager/dossiers/" + id)) {
            throw new AssertionError("Validation du dossier " + id + " : redirection inattendue " + cible);
        }
        return true;
    }

    private String numeroAffiche(long id) throws Indisponible, SessionPerdue, IOException, InterruptedException {
        Reponse page = exigerPage("/usager/dossiers/" + id);
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
            String jeton = reprendre(() -> csrf(exigerPage("/usager/dossiers/" + id)));
            try {
                Reponse r = multipart("/usager/dossiers/" + id + "/pieces", jeton, "expose_succinct", nom, pdf);
                String cible = redirection(r, "pièces");
                if (!cible.endsWith("/usager/dossiers/" + id + "#documents")) {
                    throw new AssertionError("Envoi de pièce : redirection inattendue " + cible);
                }
                envois.add(new Envoi(id, nom, sha, true));
                String page = reprendre(() -> exigerPage("/usager/dossiers/" + id)).corps();
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

    // ---- HTTP ---------------------------------------------------------------------------------------------------

    Reponse get(String chemin) throws Indisponible, IOException, InterruptedException {
        return envoyer(HttpRequest.newBuilder(URI.create(baseUrl.get() + chemin)).GET());
    }

    private Reponse exigerPage(String chemin) throws Indisponible, SessionPerdue, IOException, InterruptedException {
        Reponse r = get(chemin);
        if (r.statut() == 302 && r.location().endsWith("/connexion")) {
            throw new SessionPerdue("GET " + chemin);
        }
        if (r.statut() != 200) {
            throw new AssertionError("GET " + chemin + " : " + r.statut() + " → " + r.location());
        }
        return r;
    }

    private Reponse post(String chemin, Map<String, String> parametres) throws Indisponible, IOException, InterruptedException {
        List<String[]> liste = new ArrayList<>();
        parametres.forEach((k, v) -> liste.add(new String[]{k, v}));
        return post(chemin, liste);
    }

    private Reponse post(String chemin, List<String[]> parametres) throws Indisponible, IOException, InterruptedException {
        StringBuilder corps = new StringBuilder();
        for (String[] p : parametres) {
            if (!corps.isEmpty()) {
                corps.append('&');
            }
            corps.append(URLEncoder.encode(p[0], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(p[1], StandardCharsets.UTF_8));
        }
        return envoyer(HttpRequest.newBuilder(URI.create(baseUrl.get() + chemin))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(corps.toString())));
    }

    private Reponse multipart(String chemin, String jeton, String codePiece, String nom, byte[] contenu)
            throws Indisponible, IOException, InterruptedException {
        String frontiere = "----crash" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream corps = new ByteArrayOutputStream();
        String entete = "--" + frontiere + "\r\nContent-Disposition: form-data; name=\"codePiece\"\r\n\r\n" + codePiece + "\r\n"
                + "--" + frontiere + "\r\nContent-Disposition: form-data; name=\"fichier\"; filename=\"" + nom + "\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n";
        corps.writeBytes(entete.getBytes(StandardCharsets.UTF_8));
        corps.writeBytes(contenu);
        corps.writeBytes(("\r\n--" + frontiere + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return envoyer(HttpRequest.newBuilder(URI.create(baseUrl.get() + chemin))
                .header("Content-Type", "multipart/form-data; boundary=" + frontiere)
                .header("X-CSRF-TOKEN", jeton)
                .POST(HttpRequest.BodyPublishers.ofByteArray(corps.toByteArray())));
    }

    private Reponse envoyer(HttpRequest.Builder requete) throws Indisponible, IOException, InterruptedException {
        HttpResponse<String> r;
        try {
            r = http.send(requete.timeout(Duration.ofSeconds(40)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.net.ConnectException e) {
            throw new Indisponible(e.toString(), true);
        } catch (java.net.http.HttpTimeoutException e) {
            throw new Indisponible(e.toString());
        }
        if (r.statusCode() >= 500) {
            throw new Indisponible(r.request().method() + " " + r.uri().getPath() + " : " + r.statusCode());
        }
        return new Reponse(r.statusCode(), r.headers().firstValue("Location").orElse(""), r.body());
    }

    /** The target of a 302; a redirect to the sign-in page or a 403 (CSRF token of a lost session) is a lost session. */
    private static String redirection(Reponse r, String quoi) throws SessionPerdue {
        if (r.statut() == 403 || r.statut() == 302 && r.location().endsWith("/connexion")) {
            throw new SessionPerdue(quoi + " : " + r.statut());
        }
        if (r.statut() != 302) {
            throw new AssertionError(quoi + " : réponse " + r.statut() + " au lieu d’une redirection\n"
                    + r.corps().substring(0, Math.min(2000, r.corps().length())));
        }
        return r.location();
    }

    private static String csrf(Reponse page) {
        Matcher m = CSRF.matcher(page.corps());
        if (!m.find()) {
            throw new AssertionError("Pas de jeton CSRF dans la page");
        }
        return m.group(1);
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
