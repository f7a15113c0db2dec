package fr.gouv.fauxservices;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The ePhoto service: photo and signature by code, expiry after 6 months, uses per dossier. */
final class Ephotos {

    private record Planche(LocalDate priseDeVue, Set<String> dossiers) {
    }

    private final Clock horloge;
    private final Map<String, Planche> planches = new HashMap<>();
    private final Map<String, byte[]> images = new HashMap<>();

    Ephotos(Clock horloge) {
        this.horloge = horloge;
        LocalDate aujourdhui = LocalDate.now(horloge);
        JeuDeDemonstration.EPHOTO_VALIDES.forEach(c -> planches.put(c, new Planche(aujourdhui.minusDays(10), new HashSet<>())));
        planches.put(JeuDeDemonstration.EPHOTO_EXPIRE, new Planche(aujourdhui.minusMonths(7), new HashSet<>()));
        planches.put(JeuDeDemonstration.EPHOTO_DEJA_UTILISE, new Planche(aujourdhui.minusDays(20),
                new HashSet<>(Set.of(JeuDeDemonstration.DOSSIER_ANCIEN))));
    }

    synchronized Map<String, Object> recuperer(String code) {
        Planche planche = valable(code);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("code", code);
        r.put("photo", Base64.getEncoder().encodeToString(images.computeIfAbsent(code + ".jpg", k -> image(code, 350, 450, "jpg"))));
        r.put("signature", Base64.getEncoder().encodeToString(images.computeIfAbsent(code + ".png", k -> image(code, 300, 100, "png"))));
        r.put("datePriseDeVue", planche.priseDeVue().toString());
        r.put("valableJusquau", planche.priseDeVue().plusMonths(6).toString());
        r.put("dejaUtilise", !planche.dossiers().isEmpty());
        return r;
    }

    synchronized Map<String, Object> declarerUtilisation(String code, String dossier) {
        Planche planche = valable(code);
        planche.dossiers().add(dossier);
        return Map.of("autresDossiers", planche.dossiers().size() - 1);
    }

    private Planche valable(String code) {
        Planche planche = planches.get(code);
        if (planche == null) {
            throw Refuse.inconnu("code-ephoto-inconnu", "Code ePhoto inconnu.");
        }
        if (planche.priseDeVue().plusMonths(6).isBefore(LocalDate.now(horloge))) {
            throw Refuse.expire("code-ephoto-expire", "Code ePhoto expiré (prise de vue le " + planche.priseDeVue() + ").");
        }
        return planche;
    }

    /** A placeholder portrait (photo) or scribble (signature), tinted by the code. */
    private static byte[] image(String code, int largeur, int hauteur, String format) {
        BufferedImage image = new BufferedImage(largeur, hauteur, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(format.equals("jpg") ? new Color(225, 232, 240) : Color.WHITE);
            g.fillRect(0, 0, largeur, hauteur);
            g.setColor(new Color(Math.abs(code.hashCode()) % 0xFFFFFF).darker());
            if (format.equals("jpg")) {
                g.fill(new Ellipse2D.Double(largeur * 0.3, hauteur * 0.15, largeur * 0.4, hauteur * 0.4));
                g.fill(new Ellipse2D.Double(largeur * 0.15, hauteur * 0.55, largeur * 0.7, hauteur * 0.6));
            } else {
                Path2D trait = new Path2D.Double();
                trait.moveTo(20, 70);
                trait.curveTo(80, 10, 120, 95, 170, 40);
                trait.curveTo(200, 15, 240, 80, 280, 35);
                g.setStroke(new BasicStroke(4));
                g.draw(trait);
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream octets = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, octets);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return octets.toByteArray();
    }
}
