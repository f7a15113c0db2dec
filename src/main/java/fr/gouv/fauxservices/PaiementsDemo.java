package fr.gouv.fauxservices;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The demonstration payment provider: a payment opened by its reference (opening again gives the same payment), a
 * page where the person pays, refuses or abandons, then a notification signed with HMAC-SHA256 (header
 * {@code X-Signature}) posted to Guichet. How the notification is sent is programmable, to prove that Guichet
 * records a payment once whatever happens: normally (before the browser is sent back), twice, late (after the
 * browser is sent back), or never. A paid payment can be refunded in full ({@code POST /v1/paiements/{id}/remboursements}):
 * Guichet refunds a second payment of a dossier already paid.
 */
public final class PaiementsDemo {

    /** How the next notifications are sent. */
    public enum Notification { NORMALE, DOUBLE, RETARDEE, AUCUNE }

    private record Paiement(String identifiant, String reference, int montant, String libelle, String urlRetour,
                            String urlNotification, String statut) {
        Paiement avec(String nouveau) {
            return new Paiement(identifiant, reference, montant, libelle, urlRetour, urlNotification, nouveau);
        }
    }

    private final Map<String, Paiement> parIdentifiant = new ConcurrentHashMap<>();
    private final Map<String, String> parReference = new ConcurrentHashMap<>();
    private final AtomicLong compteur = new AtomicLong();
    private final Map<String, String> remboursementParPaiement = new ConcurrentHashMap<>();
    private final Map<String, Integer> remboursementsDemandes = new ConcurrentHashMap<>();
    private final byte[] secret;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile Notification mode = Notification.NORMALE;
    private volatile Duration retard = Duration.ofSeconds(2);

    PaiementsDemo(String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** Programs how the next notifications are sent (tests). */
    public void notifier(Notification mode, Duration retard) {
        this.mode = mode;
        this.retard = retard;
    }

    synchronized Map<String, Object> ouvrir(Map<String, Object> corps, String baseUrl) {
        String reference = Routeur.texte(corps, "reference");
        if (!(corps.get("montant") instanceof Number montant) || montant.intValue() <= 0) {
            throw Refuse.invalide("montant : entier positif en centimes.");
        }
        String id = parReference.computeIfAbsent(reference, r -> {
            String nouveau = "PAY-" + String.format("%08d", compteur.incrementAndGet());
            parIdentifiant.put(nouveau, new Paiement(nouveau, r, montant.intValue(), Routeur.texte(corps, "libelle"),
                    url(corps, "urlRetour"), url(corps, "urlNotification"), "EN_ATTENTE"));
            return nouveau;
        });
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("identifiant", id);
        r.put("urlPaiement", baseUrl + "/paiement/payer/" + id);
        return r;
    }

    Map<String, Object> etat(String identifiant) {
        return corps(trouver(identifiant));
    }

    /** The provider's status of this payment (tests): EN_ATTENTE, PAYE, REFUSE, ABANDONNE or REMBOURSE. */
    public String statut(String identifiant) {
        return trouver(identifiant).statut();
    }

    /** How many refund requests of this payment reached the provider (tests). */
    public int remboursementsDemandes(String identifiant) {
        return remboursementsDemandes.getOrDefault(identifiant, 0);
    }

    /**
     * Refunds a paid payment in full; asking again gives the same refund. A payment not paid (or an amount other than
     * the one paid) is refused: nothing is refunded that was not received.
     */
    synchronized Map<String, Object> rembourser(String identifiant, Map<String, Object> demande) {
        Paiement p = trouver(identifiant);
        remboursementsDemandes.merge(identifiant, 1, Integer::sum);
        if (!(demande.get("montant") instanceof Number montant) || montant.intValue() != p.montant()) {
            throw Refuse.invalide("montant : le montant payé, en centimes (remboursement total).");
        }
        Routeur.texte(demande, "motif");
        if (p.statut().equals("PAYE")) {
            remboursementParPaiement.put(identifiant, "RMB-" + String.format("%08d", compteur.incrementAndGet()));
            parIdentifiant.put(identifiant, p.avec("REMBOURSE"));
        } else if (!p.statut().equals("REMBOURSE")) {
            throw Refuse.conflit("paiement-non-encaisse", "Seul un paiement encaissé peut être remboursé.");
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("identifiant", remboursementParPaiement.get(identifiant));
        r.put("paiement", identifiant);
        r.put("montant", p.montant());
        r.put("statut", "REMBOURSE");
        return r;
    }

    String page(String identifiant) {
        Paiement p = trouver(identifiant);
        String montant = String.format(java.util.Locale.FRANCE, "%.2f €", p.montant() / 100.0);
        String actions = p.statut().equals("EN_ATTENTE") ? """
                <form method="post" action="/paiement/payer/%1$s"><p>
                <button type="submit" name="action" value="payer" id="payer">Payer %2$s</button>
                <button type="submit" name="action" value="refuser" id="refuser">Simuler un refus de la banque</button>
                <button type="submit" name="action" value="abandonner" id="abandonner">Abandonner et revenir sur Guichet</button>
                </p></form>""".formatted(p.identifiant(), echapper(montant))
                : "<p>Ce paiement est déjà traité (" + p.statut() + ").</p><p><a href=\"" + echapper(p.urlRetour()) + "\">Revenir sur Guichet</a></p>";
        return """
                <!DOCTYPE html>
                <html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Paiement de démonstration – %1$s</title></head>
                <body><main><h1>Prestataire de paiement de démonstration</h1>
                <p>Aucune somme n’est prélevée : ce service imite un prestataire de paiement en ligne.</p>
                <dl><dt>Objet</dt><dd>%2$s</dd><dt>Montant</dt><dd id="montant">%3$s</dd><dt>Référence</dt><dd>%4$s</dd></dl>
                %5$s</main></body></html>""".formatted(echapper(p.identifiant()), echapper(p.libelle()), echapper(montant),
                echapper(p.reference()), actions);
    }

    /** The person's choice: records it, notifies Guichet as programmed, and gives the address to send the browser back to. */
    String agir(String identifiant, String action) {
        Paiement p;
        synchronized (this) {
            p = trouver(identifiant);
            if (p.statut().equals("EN_ATTENTE")) {
                String statut = switch (action) {
                    case "payer" -> "PAYE";
                    case "refuser" -> "REFUSE";
                    case "abandonner" -> "ABANDONNE";
                    default -> throw Refuse.invalide("action : payer, refuser ou abandonner.");
                };
                p = p.avec(statut);
                parIdentifiant.put(identifiant, p);
            }
        }
        Paiement fait = p;
        switch (mode) {
            case NORMALE -> notifier(fait);
            case DOUBLE -> {
                notifier(fait);
                notifier(fait);
            }
            case RETARDEE -> CompletableFuture.runAsync(() -> {
                dormir(retard);
                notifier(fait);
            });
            case AUCUNE -> {
            }
        }
        return p.urlRetour();
    }

    private void notifier(Paiement p) {
        byte[] corps = tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsBytes(corps(p));
        try {
            client.send(HttpRequest.newBuilder(URI.create(p.urlNotification())).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json").header("X-Signature", signer(corps))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(corps)).build(), HttpResponse.BodyHandlers.discarding());
        } catch (java.io.IOException e) {
            org.slf4j.LoggerFactory.getLogger(PaiementsDemo.class).warn("Notification de paiement non remise : {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String signer(byte[] corps) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(corps));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private Paiement trouver(String identifiant) {
        Paiement p = parIdentifiant.get(identifiant);
        if (p == null) {
            throw Refuse.inconnu("paiement-inconnu", "Paiement inconnu.");
        }
        return p;
    }

    private static Map<String, Object> corps(Paiement p) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("identifiant", p.identifiant());
        r.put("reference", p.reference());
        r.put("statut", p.statut());
        r.put("montant", p.montant());
        return r;
    }

    private static String url(Map<String, Object> corps, String nom) {
        if (!(corps.get(nom) instanceof String valeur) || valeur.length() > 500
                || !(valeur.startsWith("http://") || valeur.startsWith("https://"))) {
            throw Refuse.invalide(nom + " : adresse http(s) obligatoire.");
        }
        return valeur;
    }

    private static String echapper(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static void dormir(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
