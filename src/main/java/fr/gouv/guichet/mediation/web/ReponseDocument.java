package fr.gouv.guichet.mediation.web;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Set;

/**
 * Watches a response of an assisted session opened directly (not through a one-time link): if it turns out to be a
 * document (an attachment, a PDF, a CSV, an archive, an image), its body is swallowed so that the filter can send
 * the usager to the page's one-time link instead. HTML pages and redirects pass unchanged.
 */
final class ReponseDocument extends HttpServletResponseWrapper {

    private static final Set<String> TYPES_DOCUMENT = Set.of("application/pdf", "application/zip", "application/octet-stream",
            "text/csv");

    private boolean document;

    ReponseDocument(HttpServletResponse response) {
        super(response);
    }

    boolean document() {
        return document;
    }

    @Override
    public void setContentType(String type) {
        if (type != null) {
            String base = type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
            document |= TYPES_DOCUMENT.contains(base) || base.startsWith("image/");
        }
        super.setContentType(type);
    }

    @Override
    public void setHeader(String nom, String valeur) {
        surveiller(nom, valeur);
        super.setHeader(nom, valeur);
    }

    @Override
    public void addHeader(String nom, String valeur) {
        surveiller(nom, valeur);
        super.addHeader(nom, valeur);
    }

    private void surveiller(String nom, String valeur) {
        if ("Content-Type".equalsIgnoreCase(nom)) {
            setContentType(valeur);
        } else if ("Content-Disposition".equalsIgnoreCase(nom)) {
            document = true;
        }
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        return document ? RIEN : super.getOutputStream();
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        return document ? new PrintWriter(OutputStream.nullOutputStream()) : super.getWriter();
    }

    @Override
    public void flushBuffer() throws IOException {
        if (!document) {
            super.flushBuffer();
        }
    }

    private static final ServletOutputStream RIEN = new ServletOutputStream() {
        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener ecouteur) {
            // Nothing is written: no listener to call.
        }

        @Override
        public void write(int b) {
            // The document's bytes are dropped.
        }

        @Override
        public void write(byte[] b, int debut, int longueur) {
            // The document's bytes are dropped.
        }
    };
}
