package fr.gouv.guichet.socle.charge;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.Part;
import org.apache.catalina.core.ApplicationPart;
import org.apache.tomcat.util.http.fileupload.FileItem;
import org.apache.tomcat.util.http.fileupload.FileUpload;
import org.apache.tomcat.util.http.fileupload.FileUploadException;
import org.apache.tomcat.util.http.fileupload.UploadContext;
import org.apache.tomcat.util.http.fileupload.disk.DiskFileItemFactory;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request whose body was read in full by {@link DelestageCharge} before it took a place (in memory, or in a
 * temporary file beyond 256 KB). Form fields (url-encoded or multipart) and parts are parsed from that copy, with the
 * servlet's multipart limits; the container never reads the socket again.
 */
final class CorpsLu extends HttpServletRequestWrapper {

    static final int EN_MEMOIRE = 256 * 1024;

    private final byte[] enMemoire;
    private final Path fichier;
    private final long taille;
    private final long maxFichier;
    private final long maxRequete;
    private Map<String, String[]> parametres;
    private List<Part> parts;
    private IllegalStateException echecParts;

    CorpsLu(HttpServletRequest requete, byte[] enMemoire, Path fichier, long taille, long maxFichier, long maxRequete) {
        super(requete);
        this.enMemoire = enMemoire;
        this.fichier = fichier;
        this.taille = taille;
        this.maxFichier = maxFichier;
        this.maxRequete = maxRequete;
    }

    /** Deletes the temporary copy (end of the request). */
    void liberer() {
        if (parts != null) {
            for (Part p : parts) {
                try {
                    p.delete();
                } catch (IOException ignoree) {
                    // best effort: the temporary directory is cleaned by the system
                }
            }
        }
        if (fichier != null) {
            try {
                Files.deleteIfExists(fichier);
            } catch (IOException ignoree) {
                // idem
            }
        }
    }

    private InputStream contenu() throws IOException {
        return fichier != null ? Files.newInputStream(fichier) : new ByteArrayInputStream(enMemoire);
    }

    private Charset jeu() {
        String c = getCharacterEncoding();
        try {
            return c == null ? StandardCharsets.UTF_8 : Charset.forName(c);
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }

    private boolean typeEst(String prefixe) {
        String type = getContentType();
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith(prefixe);
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        InputStream source = contenu();
        return new ServletInputStream() {
            private boolean fini;

            @Override
            public int read() throws IOException {
                int b = source.read();
                fini = b < 0;
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = source.read(b, off, len);
                fini = n < 0;
                return n;
            }

            @Override
            public boolean isFinished() {
                return fini;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new IllegalStateException("Corps déjà lu");
            }

            @Override
            public void close() throws IOException {
                source.close();
            }
        };
    }

    @Override
    public BufferedReader getReader() throws IOException {
        return new BufferedReader(new InputStreamReader(contenu(), jeu()));
    }

    @Override
    public int getContentLength() {
        return (int) Math.min(Integer.MAX_VALUE, taille);
    }

    @Override
    public long getContentLengthLong() {
        return taille;
    }

    @Override
    public Collection<Part> getParts() throws IOException {
        lireParts();
        if (echecParts != null) {
            throw echecParts;
        }
        return Collections.unmodifiableList(parts);
    }

    @Override
    public Part getPart(String nom) throws IOException {
        for (Part p : getParts()) {
            if (p.getName().equals(nom)) {
                return p;
            }
        }
        return null;
    }

    private void lireParts() throws IOException {
        if (parts != null || echecParts != null) {
            return;
        }
        if (!typeEst("multipart/form-data")) {
            parts = List.of();
            return;
        }
        File repertoire = new File(System.getProperty("java.io.tmpdir"));
        DiskFileItemFactory fabrique = new DiskFileItemFactory(64 * 1024, repertoire);
        fabrique.setDefaultCharset(jeu().name());
        FileUpload lecteur = new FileUpload();
        lecteur.setFileItemFactory(fabrique);
        // The body is already bounded by maxRequete: every part is read, so that the form fields (the CSRF token)
        // stay readable when a file is over its own limit (then getParts() fails as Tomcat's would).
        lecteur.setSizeMax(maxRequete);
        lecteur.setFileCountMax(200);
        try {
            List<Part> lues = new ArrayList<>();
            for (FileItem item : lecteur.parseRequest(new Contexte())) {
                lues.add(new ApplicationPart(item, repertoire));
                if (!item.isFormField() && item.getSize() > maxFichier) {
                    echecParts = new IllegalStateException("The field " + item.getFieldName()
                            + " exceeds its maximum permitted size of " + maxFichier + " bytes.");
                }
            }
            parts = lues;
        } catch (FileUploadException e) {
            // Same wording as Tomcat's: Spring turns it into MaxUploadSizeExceededException.
            echecParts = new IllegalStateException("The request exceeds its maximum permitted size: " + e.getMessage(), e);
            parts = List.of();
        }
    }

    private final class Contexte implements UploadContext {
        @Override
        public long contentLength() {
            return taille;
        }

        @Override
        public String getCharacterEncoding() {
            return jeu().name();
        }

        @Override
        public String getContentType() {
            return CorpsLu.this.getContentType();
        }

        @Override
        public InputStream getInputStream() throws IOException {
            return contenu();
        }
    }

    private Map<String, String[]> parametres() {
        if (parametres != null) {
            return parametres;
        }
        Map<String, List<String>> tous = new LinkedHashMap<>();
        super.getParameterMap().forEach((k, v) -> tous.computeIfAbsent(k, x -> new ArrayList<>()).addAll(List.of(v)));
        try {
            if (typeEst("application/x-www-form-urlencoded")) {
                String corps;
                try (InputStream in = contenu()) {
                    corps = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
                }
                for (String paire : corps.split("&")) {
                    if (paire.isEmpty()) {
                        continue;
                    }
                    int egal = paire.indexOf('=');
                    String nom = decoder(egal < 0 ? paire : paire.substring(0, egal));
                    String valeur = egal < 0 ? "" : decoder(paire.substring(egal + 1));
                    tous.computeIfAbsent(nom, x -> new ArrayList<>()).add(valeur);
                }
            } else if (typeEst("multipart/form-data")) {
                lireParts();
                for (Part p : parts) {
                    if (p.getSubmittedFileName() == null) {
                        tous.computeIfAbsent(p.getName(), x -> new ArrayList<>()).add(((ApplicationPart) p).getString(jeu().name()));
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // Malformed body: only the query string's parameters.
        }
        Map<String, String[]> resultat = new LinkedHashMap<>();
        tous.forEach((k, v) -> resultat.put(k, v.toArray(String[]::new)));
        parametres = Collections.unmodifiableMap(resultat);
        return parametres;
    }

    private String decoder(String s) {
        return URLDecoder.decode(new String(s.getBytes(StandardCharsets.ISO_8859_1), jeu()), jeu());
    }

    @Override
    public String getParameter(String nom) {
        String[] v = parametres().get(nom);
        return v == null || v.length == 0 ? null : v[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        return parametres();
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(parametres().keySet());
    }

    @Override
    public String[] getParameterValues(String nom) {
        String[] v = parametres().get(nom);
        return v == null ? null : v.clone();
    }
}
