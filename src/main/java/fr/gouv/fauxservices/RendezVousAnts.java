package fr.gouv.fauxservices;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ANTS appointment coordination: the appointments every booking site declared for a pré-demande number, and the
 * number's status ({@code validated} unless programmed otherwise: consumed, declared, expired, unknown). Paths under
 * {@code /rdv-ants}: {@code GET /status?application_ids=…}, {@code POST /appointments?…}, {@code DELETE /appointments?…}.
 * Tests and demonstrations also declare appointments "of another booking site".
 */
public final class RendezVousAnts {

    private final Map<String, List<Map<String, Object>>> rendezVous = new HashMap<>();
    private final Map<String, String> statuts = new HashMap<>();

    /** Status of each number asked ({@code application_ids} repeated or separated by commas). */
    synchronized Map<String, Object> statut(List<String> numeros) {
        Map<String, Object> reponse = new LinkedHashMap<>();
        for (String n : numeros) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("status", statuts.getOrDefault(n, "validated"));
            e.put("appointments", List.copyOf(rendezVous.getOrDefault(n, List.of())));
            reponse.put(n, e);
        }
        return reponse;
    }

    synchronized Map<String, Object> declarer(Map<String, String> p) {
        String numero = obligatoire(p, "application_id");
        Map<String, Object> rdv = new LinkedHashMap<>();
        rdv.put("meeting_point", obligatoire(p, "meeting_point"));
        rdv.put("meeting_point_id", p.getOrDefault("meeting_point_id", ""));
        rdv.put("appointment_date", obligatoire(p, "appointment_date"));
        rdv.put("management_url", obligatoire(p, "management_url"));
        List<Map<String, Object>> liste = rendezVous.computeIfAbsent(numero, k -> new ArrayList<>());
        boolean deja = liste.stream().anyMatch(r -> r.get("meeting_point_id").equals(rdv.get("meeting_point_id"))
                && r.get("appointment_date").equals(rdv.get("appointment_date")));
        if (!deja) {
            liste.add(rdv);
        }
        return Map.of("success", true);
    }

    synchronized Map<String, Object> retirer(Map<String, String> p) {
        String numero = obligatoire(p, "application_id");
        String lieu = p.getOrDefault("meeting_point_id", "");
        String date = obligatoire(p, "appointment_date");
        List<Map<String, Object>> liste = rendezVous.getOrDefault(numero, new ArrayList<>());
        int avant = liste.size();
        liste.removeIf(r -> r.get("meeting_point_id").equals(lieu) && r.get("appointment_date").equals(date));
        return Map.of("rowcount", avant - liste.size());
    }

    /** An appointment taken for this number at another booking site (tests, demonstration). */
    public synchronized void declarerAilleurs(String numero, String lieu, String date, String urlGestion) {
        declarer(Map.of("application_id", numero, "meeting_point", lieu, "meeting_point_id", "autre-" + lieu.hashCode(),
                "appointment_date", date, "management_url", urlGestion));
    }

    /** Programs the number's status ({@code consumed}, {@code expired}…). */
    public synchronized void programmerStatut(String numero, String statut) {
        statuts.put(numero, statut);
    }

    /** The appointments declared for this number, as the platform holds them. */
    public synchronized List<Map<String, Object>> rendezVous(String numero) {
        return List.copyOf(rendezVous.getOrDefault(numero, List.of()));
    }

    private static String obligatoire(Map<String, String> p, String nom) {
        String v = p.get(nom);
        if (v == null || v.isBlank() || v.length() > 300) {
            throw Refuse.invalide(nom + " : paramètre obligatoire (300 caractères au plus).");
        }
        return v;
    }
}
