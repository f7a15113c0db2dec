package fr.gouv.fauxservices;

import java.util.List;
import java.util.Map;

/** The examination results: a few candidates by NEPH. */
final class Examens {

    private static final Map<String, Map<String, Object>> CANDIDATS = Map.of(
            JeuDeDemonstration.NEPH_B, candidat(JeuDeDemonstration.NEPH_B, "DUPONT", "Camille", "2001-04-12",
                    List.of(Map.of("categorie", "B", "date", "2025-09-15"))),
            JeuDeDemonstration.NEPH_A2_B, candidat(JeuDeDemonstration.NEPH_A2_B, "MARTIN", "Léa Marie", "1999-11-03",
                    List.of(Map.of("categorie", "A2", "date", "2024-06-03"), Map.of("categorie", "B", "date", "2024-11-20"))),
            JeuDeDemonstration.NEPH_SANS_REUSSITE, candidat(JeuDeDemonstration.NEPH_SANS_REUSSITE, "BERNARD", "Paul",
                    "2007-02-28", List.of()));

    private static Map<String, Object> candidat(String neph, String nom, String prenoms, String naissance,
                                                List<Map<String, String>> reussites) {
        return Map.of("neph", neph, "nom", nom, "prenoms", prenoms, "dateNaissance", naissance, "reussites", reussites);
    }

    Map<String, Object> candidat(String neph) {
        Map<String, Object> candidat = CANDIDATS.get(neph);
        if (candidat == null) {
            throw Refuse.inconnu("neph-inconnu", "Aucun candidat pour ce NEPH.");
        }
        return candidat;
    }
}
