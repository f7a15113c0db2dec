package fr.gouv.guichet.mediation.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV (comma separator, double quotes, doubled quotes inside, line breaks inside quotes), each record with
 * the line where it starts, so that a report can name the line the administrator sees in a spreadsheet.
 */
final class LectureCsv {

    record Enregistrement(int ligne, List<String> champs) {
    }

    static final class CsvMalForme extends Exception {
        final int ligne;

        CsvMalForme(int ligne, String motif) {
            super(motif);
            this.ligne = ligne;
        }
    }

    private LectureCsv() {
    }

    static List<Enregistrement> lire(String texte, int champMax) throws CsvMalForme {
        String t = texte.startsWith("\uFEFF") ? texte.substring(1) : texte;
        List<Enregistrement> enregistrements = new ArrayList<>();
        List<String> champs = new ArrayList<>();
        StringBuilder champ = new StringBuilder();
        int ligne = 1;
        int debut = 1;
        boolean guillemets = false;
        boolean vide = true;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (guillemets) {
                if (c == '"') {
                    if (i + 1 < t.length() && t.charAt(i + 1) == '"') {
                        champ.append('"');
                        i++;
                    } else {
                        guillemets = false;
                    }
                } else {
                    if (c == '\n') {
                        ligne++;
                    }
                    champ.append(c);
                }
            } else if (c == '"') {
                if (!champ.isEmpty()) {
                    throw new CsvMalForme(ligne, "guillemet au milieu d’un champ non entouré de guillemets");
                }
                guillemets = true;
                vide = false;
            } else if (c == ',') {
                champs.add(champ.toString());
                champ.setLength(0);
                vide = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < t.length() && t.charAt(i + 1) == '\n') {
                    i++;
                }
                if (!vide || !champ.isEmpty()) {
                    champs.add(champ.toString());
                    enregistrements.add(new Enregistrement(debut, List.copyOf(champs)));
                }
                champs.clear();
                champ.setLength(0);
                vide = true;
                ligne++;
                debut = ligne;
            } else {
                champ.append(c);
                vide = false;
            }
            if (champ.length() > champMax) {
                throw new CsvMalForme(debut, "champ de plus de " + champMax + " caractères");
            }
        }
        if (guillemets) {
            throw new CsvMalForme(debut, "guillemet ouvert jamais fermé");
        }
        if (!vide || !champ.isEmpty()) {
            champs.add(champ.toString());
            enregistrements.add(new Enregistrement(debut, List.copyOf(champs)));
        }
        return enregistrements;
    }
}
