package fr.gouv.guichet.mediation.web;

import jakarta.servlet.http.HttpSession;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One-time download links of an assisted session: a page's link to a document (PDF, CSV, archive, uploaded piece)
 * becomes {@code /accompagnement/document/<jeton>}, valid once and only in this browser session. The links live in
 * the HTTP session (a copy is stored back at each change, so that the JDBC session sees it) and die with it: nothing
 * in the shared browser's history or download list opens a document again.
 */
final class LiensUniques {

    static final String PREFIXE = "/accompagnement/document/";
    static final String PAGE_LIEN_USE = "/accompagnement/lien-unique";
    private static final String CLE = "mediation.liensUniques";
    private static final int MAXIMUM = 200;
    private static final SecureRandom HASARD = new SecureRandom();
    /** The paths of documents: a file name with a document extension, or an uploaded piece of a dossier. */
    private static final Pattern DOCUMENT = Pattern.compile("^/usager/.*(\\.(pdf|csv|zip|jpe?g|png)|/pieces/\\d+)$");

    private final HttpSession session;
    private final String contexte;

    LiensUniques(HttpSession session, String contexte) {
        this.session = session;
        this.contexte = contexte;
    }

    /** Whether a link (as written in the page, context path included) leads to a document of the usager. */
    boolean document(String href) {
        if (!href.startsWith(contexte + "/") || href.startsWith(contexte + "//")) {
            return false;
        }
        String chemin = href.substring(contexte.length());
        int fin = chemin.indexOf('?');
        return DOCUMENT.matcher(fin < 0 ? chemin : chemin.substring(0, fin)).matches();
    }

    /** A new one-time link to the document at {@code href} (context path included). */
    String lien(String href) {
        String jeton = HexFormat.of().formatHex(octets());
        LinkedHashMap<String, String> liens = new LinkedHashMap<>(liens());
        while (liens.size() >= MAXIMUM) {
            liens.remove(liens.keySet().iterator().next());
        }
        liens.put(jeton, href.substring(contexte.length()));
        session.setAttribute(CLE, liens);
        return contexte + PREFIXE + jeton;
    }

    /** The document's path (query included) of a link not used yet; the link cannot serve again. */
    Optional<String> consommer(String jeton) {
        LinkedHashMap<String, String> liens = new LinkedHashMap<>(liens());
        String chemin = liens.remove(jeton);
        if (chemin != null) {
            session.setAttribute(CLE, liens);
        }
        return Optional.ofNullable(chemin);
    }

    @SuppressWarnings("unchecked")
    private LinkedHashMap<String, String> liens() {
        return session.getAttribute(CLE) instanceof LinkedHashMap<?, ?> m ? (LinkedHashMap<String, String>) m : new LinkedHashMap<>();
    }

    private static byte[] octets() {
        byte[] octets = new byte[16];
        HASARD.nextBytes(octets);
        return octets;
    }
}
