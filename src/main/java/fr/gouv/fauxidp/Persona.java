package fr.gouv.fauxidp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A person known to the demonstration provider. {@code claims} are what the provider returns (identité pivot for
 * FranceConnect, professional claims for ProConnect). {@code defaut} lets a test ask for a faulty answer.
 */
public record Persona(String cle, Fournisseur fournisseur, String sub, String libelle, Map<String, Object> claims,
                      List<String> amr, Defaut defaut) {

    /** Which issuer the persona belongs to. */
    public enum Fournisseur {
        FC("fc"), PROCONNECT("proconnect");

        private final String chemin;

        Fournisseur(String chemin) {
            this.chemin = chemin;
        }

        public String chemin() {
            return chemin;
        }

        public static Fournisseur duChemin(String chemin) {
            return chemin.startsWith("/proconnect/") ? PROCONNECT : FC;
        }
    }

    /** Faults a test may ask for: a userinfo that is not signed, a userinfo whose signature is broken, a low acr. */
    public enum Defaut { AUCUN, USERINFO_NON_SIGNE, USERINFO_FALSIFIE, ACR_INSUFFISANT }

    public Persona {
        claims = new LinkedHashMap<>(claims);
        amr = List.copyOf(amr);
    }

    public String email() {
        return String.valueOf(claims.getOrDefault("email", ""));
    }
}
