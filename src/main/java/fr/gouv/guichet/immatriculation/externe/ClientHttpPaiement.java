package fr.gouv.guichet.immatriculation.externe;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@link PrestatairePaiement} over HTTP: {@code POST /v1/paiements} (idempotent by the payment reference),
 * {@code GET /v1/paiements/{id}}, {@code POST /v1/paiements/{id}/remboursements} (idempotent by its key); notifications are signed with HMAC-SHA256 of the body and the shared secret,
 * hex-encoded in the {@value #EN_TETE_SIGNATURE} header.
 */
public class ClientHttpPaiement extends ClientHttp implements PrestatairePaiement {

    public static final String EN_TETE_SIGNATURE = "X-Signature";

    private final byte[] secret;

    public ClientHttpPaiement(Supplier<String> adresse, Duration delai, String secret) {
        super("Le prestataire de paiement", adresse, delai);
        if (secret.length() < 16) {
            throw new IllegalArgumentException("Le secret partagé avec le prestataire de paiement fait 16 caractères au moins");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Session ouvrir(Demande d) {
        Map<String, Object> corps = new LinkedHashMap<>();
        corps.put("reference", d.reference());
        corps.put("montant", d.montantCentimes());
        corps.put("libelle", d.libelle());
        corps.put("urlRetour", d.urlRetour());
        corps.put("urlNotification", d.urlNotification());
        Map<String, Object> r = envoyer("/v1/paiements", corps, d.reference());
        return new Session(texte(r, "identifiant"), texte(r, "urlPaiement"));
    }

    @Override
    public Etat etat(String identifiant) {
        if (!identifiant.matches("[A-Za-z0-9-]{1,64}")) {
            throw new IllegalArgumentException("Identifiant de paiement invalide");
        }
        return etat(lire("/v1/paiements/" + identifiant));
    }

    @Override
    public String rembourser(String identifiant, int montantCentimes, String motif, String cleIdempotence) {
        if (!identifiant.matches("[A-Za-z0-9-]{1,64}")) {
            throw new IllegalArgumentException("Identifiant de paiement invalide");
        }
        Map<String, Object> corps = new LinkedHashMap<>();
        corps.put("montant", montantCentimes);
        corps.put("motif", motif);
        return texte(envoyer("/v1/paiements/" + identifiant + "/remboursements", corps, cleIdempotence), "identifiant");
    }

    @Override
    public boolean signatureValide(byte[] corps, String signature) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] attendue = HexFormat.of().formatHex(mac.doFinal(corps)).getBytes(StandardCharsets.US_ASCII);
            return MessageDigest.isEqual(attendue, signature.strip().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public Etat lireNotification(byte[] corps) {
        return etat(json().readValue(corps, Map.class));
    }

    private static Etat etat(Map<String, Object> r) {
        return new Etat(texte(r, "identifiant"), texte(r, "reference"), Statut.valueOf(texte(r, "statut")), entier(r, "montant"));
    }
}
