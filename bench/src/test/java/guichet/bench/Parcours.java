package guichet.bench;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import static io.gatling.javaapi.http.HttpDsl.ByteArrayBodyPart;
import static io.gatling.javaapi.http.HttpDsl.StringBodyPart;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.http.HttpDsl.currentLocationRegex;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.http.HttpDsl.http;

/** The journeys replayed against Guichet: a usager's submission, an agent's work on the queue, the bare endpoint. */
final class Parcours {

    static final String BASE = System.getProperty("base", "http://localhost:18080");
    static final int USAGERS = Integer.getInteger("usagers", 20_000);
    static final byte[] PDF_1_MO = pdf(1024 * 1024);

    private Parcours() {
    }

    static HttpProtocolBuilder protocole() {
        return http.baseUrl(BASE)
                .disableWarmUp()
                .disableCaching()
                .acceptHeader("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                .acceptLanguageHeader("fr-FR,fr;q=0.9")
                .userAgentHeader("Guichet-bench (Gatling)")
                // A shed request (503) must say when to come back and be answered within a second: otherwise the
                // error reads "Retry-After" or "responseTimeInMillis" instead of "found 503" (see rapport.py).
                .checkIf((reponse, session) -> reponse.status().code() == 503)
                .then(header("Retry-After").exists(), responseTimeInMillis().lte(1000));
    }

    static CheckBuilder csrf() {
        return regex("name=\"_csrf\" value=\"([^\"]+)\"").saveAs("csrf");
    }

    /** Usager accounts seeded by {@link Amorcage}, drawn at random (a usager may file several dossiers). */
    static Iterator<Map<String, Object>> usagers() {
        return Stream.generate(() -> {
            int n = 1 + ThreadLocalRandom.current().nextInt(USAGERS);
            // Amorcage gives usager N the préfecture of rank N % 101: the system's postal code must belong to it.
            String dep = DEPARTEMENTS.get(n % DEPARTEMENTS.size());
            String cp = dep.startsWith("2") && !dep.matches("\\d+") ? "20000" : dep.length() == 3 ? dep + "00" : dep + "000";
            return Map.<String, Object>of("email", "usager-" + n + "@bench.guichet.test", "cp", cp);
        }).iterator();
    }

    static final List<String> DEPARTEMENTS = Arrays.asList(("01 02 03 04 05 06 07 08 09 10 11 12 13 14 15 16 17 18 19 2A 2B 21 22 23 24 25 26 27 28 29 30 "
            + "31 32 33 34 35 36 37 38 39 40 41 42 43 44 45 46 47 48 49 50 51 52 53 54 55 56 57 58 59 60 61 62 63 64 65 66 67 68 69 70 "
            + "71 72 73 74 75 76 77 78 79 80 81 82 83 84 85 86 87 88 89 90 91 92 93 94 95 971 972 973 974 976").split(" "));

    static Iterator<Map<String, Object>> agents() {
        return Stream.generate(() -> {
            String dep = DEPARTEMENTS.get(ThreadLocalRandom.current().nextInt(DEPARTEMENTS.size()));
            return Map.<String, Object>of("dep", dep, "agent", "agent-" + dep.toLowerCase() + "@bench.guichet.test");
        }).iterator();
    }

    /**
     * One submission, as a browser without JavaScript does it: sign in, new videoprotection dossier, the three screens
     * of the CERFA 13806*04 (each POST saves and checks the screen), the recap, validate, then one 1 MB PDF.
     */
    static ChainBuilder depot(String p) {
        String date = LocalDate.now().plusMonths(1).toString();
        return feed(usagers())
                .exitHereIfFailed()
                .exec(http(p + "01 GET /connexion").get("/connexion").check(csrf()))
                .exitHereIfFailed()
                .exec(http(p + "02 POST /connexion").post("/connexion")
                        .formParam("email", "#{email}").formParam("motDePasse", Amorcage.MOT_DE_PASSE).formParam("_csrf", "#{csrf}")
                        .check(currentLocationRegex(".*/usager$").exists()))
                .exitHereIfFailed()
                .exec(http(p + "03 GET nouveau dossier").get("/usager/videoprotection/nouveau?demarche=AUTORISATION").check(csrf()))
                .exitHereIfFailed()
                .exec(http(p + "04 POST nouveau dossier").post("/usager/videoprotection/nouveau")
                        .formParam("demarche", "AUTORISATION").formParam("lieu", "UN_DEPARTEMENT").formParam("_csrf", "#{csrf}")
                        .check(currentLocationRegex(".*/usager/dossiers/(\\d+)/pages/1").saveAs("id"), csrf(), version()))
                .exitHereIfFailed()
                .exec(http(p + "05 POST écran 1").post("/usager/dossiers/#{id}/pages/1")
                        .formParamMap(Map.of("_csrf", "#{csrf}", "version", "#{version}", "action", "suivante"))
                        .formParamMap(ecran1())
                        .check(currentLocationRegex(".*/pages/2").exists(), csrf(), version()))
                .exitHereIfFailed()
                .exec(http(p + "06 POST écran 2").post("/usager/dossiers/#{id}/pages/2")
                        .formParamMap(Map.of("_csrf", "#{csrf}", "version", "#{version}", "action", "suivante"))
                        .formParamMap(ecran2()).multivaluedFormParam("finalites", List.of("prevention_atteintes_biens"))
                        .check(currentLocationRegex(".*/pages/3").exists(), csrf(), version()))
                .exitHereIfFailed()
                .exec(http(p + "07 POST écran 3 et valider").post("/usager/dossiers/#{id}/pages/3")
                        .formParamMap(Map.of("_csrf", "#{csrf}", "version", "#{version}", "action", "valider"))
                        .formParamMap(ecran3(date)).multivaluedFormParam("engagement", List.of("certifie"))
                        .check(currentLocationRegex(".*/validation").exists(), csrf(), regex("name=\"cle\" value=\"([^\"]+)\"").saveAs("cle")))
                .exitHereIfFailed()
                .exec(http(p + "08 POST valider").post("/usager/dossiers/#{id}/valider")
                        .formParam("cle", "#{cle}").formParam("certification", "on").formParam("_csrf", "#{csrf}")
                        .check(currentLocationRegex(".*/usager/dossiers/\\d+$").exists(), regex("transmise au service instructeur sous le numéro").exists(), csrf()))
                .exitHereIfFailed()
                .exec(http(p + "09 POST pièce 1 Mo").post("/usager/dossiers/#{id}/pieces")
                        .asMultipartForm()
                        .bodyPart(StringBodyPart("_csrf", "#{csrf}"))
                        .bodyPart(StringBodyPart("codePiece", "plan_masse"))
                        .bodyPart(ByteArrayBodyPart("fichier", PDF_1_MO).fileName("plan-de-masse.pdf").contentType("application/pdf"))
                        .check(currentLocationRegex(".*/usager/dossiers/\\d+(#.*)?$").exists()))
                .exitHereIfFailed();
    }

    static CheckBuilder version() {
        return regex("name=\"version\" value=\"(\\d+)\"").saveAs("version");
    }

    /** An agent signs in, then works on their préfecture's queue: first page, next page, a dossier, another tab. */
    static ChainBuilder agent(String p, int tours, Duration reflexion) {
        return feed(agents())
                .exec(http(p + "01 GET /agent/connexion").get("/agent/connexion").check(csrf()))
                .exec(http(p + "02 POST /agent/connexion").post("/agent/connexion")
                        .formParam("email", "#{agent}").formParam("motDePasse", Amorcage.MOT_DE_PASSE).formParam("_csrf", "#{csrf}")
                        .check(currentLocationRegex(".*/agent/(prefectures|services)/.*/file$").exists()))
                .exitHereIfFailed()
                .exec(repeat(tours).on(
                        exec(http(p + "03 GET file (1re page)").get("/agent/prefectures/#{dep}/file")
                                .check(regex("/agent/dossiers/(\\d+)").findRandom().optional().saveAs("dossier"),
                                        regex("apres=([A-Za-z0-9_-]+)").optional().saveAs("apres")))
                                .pause(reflexion)
                                .exec(doIf(s -> s.contains("apres")).then(exec(http(p + "04 GET file (page suivante)")
                                        .get("/agent/prefectures/#{dep}/file?onglet=A_TRAITER&apres=#{apres}"))))
                                .pause(reflexion)
                                .exec(doIf(s -> s.contains("dossier")).then(exec(http(p + "05 GET dossier").get("/agent/dossiers/#{dossier}"))))
                                .pause(reflexion)
                                .exec(http(p + "06 GET file (onglet décidés)").get("/agent/prefectures/#{dep}/file?onglet=DECIDES"))
                                .pause(reflexion)));
    }

    static ChainBuilder nu(String p) {
        return exec(http(p + "GET / (point nu)").get("/"));
    }

    private static Map<String, Object> ecran1() {
        Map<String, Object> m = new HashMap<>();
        m.put("nature_demande", "nouveau");
        m.put("qualite", "commercant");
        m.put("nom_naissance", "Martin");
        m.put("prenom", "Claire");
        m.put("denomination", "Boulangerie du Port");
        m.put("activite", "Boulangerie");
        m.put("declarant_voie", "12 quai Cronstadt");
        m.put("declarant_code_postal", "83000");
        m.put("declarant_commune", "Toulon");
        m.put("declarant_telephone", "0494000000");
        m.put("contact_images_nom", "Claire Martin");
        m.put("contact_images_telephone", "0612345678");
        return m;
    }

    private static Map<String, Object> ecran2() {
        Map<String, Object> m = new HashMap<>();
        m.put("horaires_ouverture", "6 h 30 - 19 h 30");
        m.put("etablissement_recevant_public", "oui");
        m.put("systeme_voie", "12 quai Cronstadt");
        m.put("systeme_code_postal", "#{cp}");
        m.put("systeme_commune", "Commune du banc");
        m.put("cameras_interieures", "3");
        m.put("cameras_exterieures", "1");
        m.put("abords_immediats", "non");
        m.put("perimetre_videoprotege", "non");
        return m;
    }

    private static Map<String, Object> ecran3(String date) {
        Map<String, Object> m = new HashMap<>();
        m.put("transmission", "non");
        m.put("installateur_certifie", "non");
        m.put("installateur_nom", "Sécurité Provence");
        m.put("personnes_habilitees", "La gérante");
        m.put("enregistrement", "oui");
        m.put("duree_conservation", "15");
        m.put("mesures_securite", "Local fermé à clé");
        m.put("information_public", "Affiche à l’entrée");
        m.put("droit_acces_service", "La gérante");
        m.put("droit_acces_telephone", "0494000000");
        m.put("date_mise_en_service", date);
        return m;
    }

    /** A well-formed PDF header and trailer around {@code taille} bytes of page content. */
    /**
     * A well-formed one-page PDF of about {@code taille} bytes, as a scanned plan is: catalog, page tree, a content
     * stream (comment lines standing for the image data) and a cross-reference table with the real offsets. (The bench
     * used to send a hand-made file without cross-reference table, which PDFBox can only read by its brute-force
     * recovery parser: ~12 % of Guichet's CPU at the peak spent on a case real uploads do not take.)
     */
    static byte[] pdf(int taille) {
        StringBuilder contenu = new StringBuilder();
        while (contenu.length() < taille - 600) {
            contenu.append("% plan de masse, donnees de l'image numerisee ").append(contenu.length()).append('\n');
        }
        List<String> objets = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
                "<< /Length " + contenu.length() + " >>\nstream\n" + contenu + "\nendstream");
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        List<Integer> positions = new java.util.ArrayList<>();
        for (int n = 0; n < objets.size(); n++) {
            positions.add(pdf.length());
            pdf.append(n + 1).append(" 0 obj\n").append(objets.get(n)).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objets.size() + 1).append("\n0000000000 65535 f \n");
        for (int position : positions) {
            pdf.append(String.format("%010d 00000 n \n", position));
        }
        pdf.append("trailer\n<< /Size ").append(objets.size() + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
