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

    /** {@code code}, {@code url} and {@code codeQr} (a {@code data:} PNG), for the {@code verification} fragment. */
    Map<String, Object> variables() {
        return Map.of("code", code, "url", url, "codeQr", CodeQr.dataUriPng(url));
    }
}
