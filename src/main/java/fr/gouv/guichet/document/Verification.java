package fr.gouv.guichet.document;

import java.util.Map;

import static fr.gouv.guichet.document.Champs.adresseWeb;
import static fr.gouv.guichet.document.Champs.exiger;

/**
 * How anyone checks a document's authenticity: a short code typed on a public page, also reachable by QR code.
 *
 * @param code short code, e.g. "K7Q2-9XWD"
 * @param url  page where the code is checked (encoded in the QR code)
 */
public record Verification(String code, String url) {

    public Verification {
        exiger(code, "code");
        adresseWeb(url, "url");
    }

    /**
     * {@code code}, {@code url} and {@code codeQr} (a {@code data:} PNG), for the {@code verification} fragment. The
     * printed address is the page where a person types the code ("…/verifier"), the QR code leads straight to the result.
     */
    public Map<String, Object> variables() {
        String page = url.endsWith("/" + code) ? url.substring(0, url.length() - code.length() - 1) : url;
        return Map.of("code", code, "url", page, "codeQr", CodeQr.dataUriPng(url));
    }
}
