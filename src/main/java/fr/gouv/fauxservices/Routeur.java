package fr.gouv.fauxservices;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Dispatches the requests of the contract ({@code docs/services-externes-permis.md}) to the services, applies the
 * programmed failures and the idempotency keys: a change ({@code POST}) must carry {@code Idempotency-Key}; its
 * successful answer is kept, and the same key sent again gets it back without doing anything (the same key with
 * another request: 422). Refusals are not kept: they are decided again on the next attempt.
 */
final class Routeur implements HttpHandler {

    private static final int CORPS_MAX = 64 * 1024;
    private static final int CLES_GARDEES = 10_000;
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    record Reponse(int statut, Map<String, Object> corps) {
    }

    private record Rejouable(String requete, Reponse reponse) {
    }

    private final JsonMapper json = JsonMapper.builder().build();
    private final Ephotos ephotos;
    private final Timbres timbres;
    private final Examens examens;
    private final Production production;
    private final Pannes pannes;
    private final RendezVousAnts rendezVousAnts;
    private final Map<Service, AtomicLong> requetes = new EnumMap<>(Service.class);
    private final Map<Service, List<String>> clesRecues = new EnumMap<>(Service.class);
    private final Map<String, Object> verrous = new ConcurrentHashMap<>();
    private final Map<String, Rejouable> rejouables = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Rejouable> eldest) {
                    return size() > CLES_GARDEES;
                }
            });

    Routeur(Ephotos ephotos, Timbres timbres, Examens examens, Production production, Pannes pannes, RendezVousAnts rendezVousAnts) {
        this.rendezVousAnts = rendezVousAnts;
        this.ephotos = ephotos;
        this.timbres = timbres;
        this.examens = examens;
        this.production = production;
        this.pannes = pannes;
        Arrays.stream(Service.values()).forEach(s -> {
            requetes.put(s, new AtomicLong());
            clesRecues.put(s, new CopyOnWriteArrayList<>());
        });
    }

    long requetes(Service service) {
        return requetes.get(service).get();
    }

    List<String> clesRecues(Service service) {
        return List.copyOf(clesRecues.get(service));
    }

    @Override
    public void handle(HttpExchange echange) throws IOException {
        try (echange) {
            Reponse reponse;
            try {
                reponse = traiter(echange);
            } catch (Refuse r) {
                reponse = erreur(r.statut, r.erreur, r.getMessage());
            } catch (RuntimeException e) {
                reponse = erreur(500, "erreur-interne", "Erreur interne du serveur de démonstration.");
            }
            byte[] octets = json.writeValueAsBytes(reponse.corps());
            echange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            echange.sendResponseHeaders(reponse.statut(), octets.length);
            echange.getResponseBody().write(octets);
        }
    }

    private Reponse traiter(HttpExchange echange) throws IOException {
        String[] segments = echange.getRequestURI().getPath().replaceFirst("^/", "").split("/");
        Service service = Arrays.stream(Service.values()).filter(s -> s.chemin.equals(segments[0])).findFirst()
                .orElseThrow(() -> Refuse.inconnu("chemin-inconnu", "Chemin inconnu."));
        requetes.get(service).incrementAndGet();
        String cleRecue = echange.getRequestHeaders().getFirst("Idempotency-Key");
        if (cleRecue != null && echange.getRequestMethod().equals("POST")) {
            clesRecues.get(service).add(cleRecue);
        }
        Pannes.Panne panne = pannes.prochaine(service);
        if (panne.mode() == Pannes.Mode.INDISPONIBLE) {
            return erreur(503, "indisponible", "Service indisponible (panne programmée).");
        }
        if (panne.mode() == Pannes.Mode.LENT) {
            dormir(panne.lenteur().toMillis());
        }
        for (int i = 1; i < segments.length; i++) {
            if (!SEGMENT.matcher(segments[i]).matches()) {
                throw Refuse.invalide("Segment de chemin invalide.");
            }
        }
        String methode = echange.getRequestMethod();
        Reponse reponse;
        if (service == Service.RDV_ANTS) {
            reponse = new Reponse(200, coordination(methode, segments, echange.getRequestURI().getRawQuery()));
        } else if (methode.equals("GET")) {
            reponse = new Reponse(200, lire(service, segments));
        } else if (methode.equals("POST")) {
            reponse = modifier(service, segments, echange);
        } else {
            return erreur(405, "methode-refusee", "Méthode non prise en charge.");
        }
        if (panne.mode() == Pannes.Mode.REPONSE_PERDUE) {
            return erreur(503, "indisponible", "Réponse perdue (panne programmée).");
        }
        return reponse;
    }

    private Map<String, Object> lire(Service service, String[] s) {
        return switch (service) {
            case EPHOTO -> chemin(s, 4, "v1", "codes") ? ephotos.recuperer(s[3]) : introuvable();
            case TIMBRES -> chemin(s, 4, "v1", "timbres") ? timbres.verifier(s[3]) : introuvable();
            case EXAMENS -> chemin(s, 4, "v1", "candidats") ? examens.candidat(s[3]) : introuvable();
            case PRODUCTION -> chemin(s, 4, "v1", "commandes") ? production.suivre(s[3]) : introuvable();
            case RDV_ANTS, PAIEMENT -> introuvable();
        };
    }

    private Reponse modifier(Service service, String[] s, HttpExchange echange) throws IOException {
        String cle = echange.getRequestHeaders().getFirst("Idempotency-Key");
        if (cle == null || !SEGMENT.matcher(cle).matches()) {
            throw Refuse.invalide("En-tête Idempotency-Key manquant ou invalide (1 à 64 caractères).");
        }
        Map<String, Object> corps = corps(echange.getRequestBody());
        String requete = String.join("/", s) + " " + corps;
        String cleComplete = service.chemin + ":" + cle;
        synchronized (verrous.computeIfAbsent(cleComplete, k -> new Object())) {
            Rejouable deja = rejouables.get(cleComplete);
            if (deja != null) {
                if (!deja.requete().equals(requete)) {
                    return erreur(422, "cle-idempotence-reutilisee", "Cette clé d'idempotence a servi à une autre demande.");
                }
                return deja.reponse();
            }
            Reponse reponse = executer(service, s, corps);
            rejouables.put(cleComplete, new Rejouable(requete, reponse));
            return reponse;
        }
    }

    private Reponse executer(Service service, String[] s, Map<String, Object> corps) {
        if (service == Service.PRODUCTION && chemin(s, 3, "v1", "commandes")) {
            return new Reponse(200, production.commander(corps));
        }
        if (s.length == 5 && service == Service.EPHOTO && chemin(s, 5, "v1", "codes") && s[4].equals("utilisations")) {
            return new Reponse(200, ephotos.declarerUtilisation(s[3], texte(corps, "dossier")));
        }
        if (s.length == 5 && service == Service.TIMBRES && chemin(s, 5, "v1", "timbres")) {
            String dossier = texte(corps, "dossier");
            return new Reponse(200, switch (s[4]) {
                case "reservation" -> timbres.reserver(s[3], dossier);
                case "consommation" -> timbres.consommer(s[3], dossier);
                case "liberation" -> timbres.liberer(s[3], dossier);
                default -> introuvable();
            });
        }
        return new Reponse(404, introuvable());
    }

    /** The ANTS coordination API: its parameters in the query string, as the real one. */
    private Map<String, Object> coordination(String methode, String[] s, @Nullable String requete) {
        Map<String, List<String>> p = new LinkedHashMap<>();
        if (requete != null) {
            for (String paire : requete.split("&")) {
                int egal = paire.indexOf('=');
                if (egal > 0) {
                    p.computeIfAbsent(decoder(paire.substring(0, egal)), k -> new java.util.ArrayList<>()).add(decoder(paire.substring(egal + 1)));
                }
            }
        }
        Map<String, String> premiers = new LinkedHashMap<>();
        p.forEach((k, v) -> premiers.put(k, v.getFirst()));
        String ressource = s.length == 2 ? s[1] : "";
        return switch (methode + " " + ressource) {
            case "GET status" -> rendezVousAnts.statut(p.getOrDefault("application_ids", List.of()).stream()
                    .flatMap(v -> Arrays.stream(v.split("[,;:\\-/.\\s]+"))).filter(v -> !v.isBlank()).toList());
            case "POST appointments" -> rendezVousAnts.declarer(premiers);
            case "DELETE appointments" -> rendezVousAnts.retirer(premiers);
            default -> introuvable();
        };
    }

    private static String decoder(String texte) {
        return java.net.URLDecoder.decode(texte, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static boolean chemin(String[] s, int longueur, String version, String ressource) {
        return s.length == longueur && s[1].equals(version) && s[2].equals(ressource);
    }

    private static Map<String, Object> introuvable() {
        throw Refuse.inconnu("chemin-inconnu", "Chemin inconnu.");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> corps(InputStream entree) throws IOException {
        byte[] octets = entree.readNBytes(CORPS_MAX + 1);
        if (octets.length > CORPS_MAX) {
            throw Refuse.invalide("Corps de requête trop long.");
        }
        if (octets.length == 0) {
            return Map.of();
        }
        try {
            return json.readValue(octets, Map.class);
        } catch (JacksonException e) {
            throw Refuse.invalide("Corps JSON illisible.");
        }
    }

    /** A required text member of a request, bounded. */
    static String texte(Map<String, Object> corps, String nom) {
        if (!(corps.get(nom) instanceof String valeur) || valeur.isBlank() || valeur.length() > 200) {
            throw Refuse.invalide(nom + " : texte obligatoire (200 caractères au plus).");
        }
        return valeur;
    }

    private static Reponse erreur(int statut, String code, @Nullable String message) {
        Map<String, Object> corps = new LinkedHashMap<>();
        corps.put("erreur", code);
        corps.put("message", message == null ? code : message);
        return new Reponse(statut, corps);
    }

    private static void dormir(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
