package fr.gouv.guichet.compte.internal;

import org.jspecify.annotations.Nullable;

import java.io.Serial;
import java.io.Serializable;
import java.util.Map;

/**
 * The identité pivot given by FranceConnect, keyed on its {@code sub}. {@code lieuNaissance} is empty for a person
 * born abroad; {@code dateNaissance} may be presumed ({@code YYYY-01-01}).
 */
public record IdentiteFranceConnect(String sub, String prenoms, String nomNaissance, @Nullable String nomUsage,
                                    String dateNaissance, @Nullable String sexe, @Nullable String lieuNaissance,
                                    @Nullable String paysNaissance, @Nullable String email) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public static IdentiteFranceConnect de(Map<String, Object> claims) {
        return new IdentiteFranceConnect(texte(claims, "sub"), texte(claims, "given_name"), texte(claims, "family_name"),
                vide(texte(claims, "preferred_username")), texte(claims, "birthdate"), vide(texte(claims, "gender")),
                vide(texte(claims, "birthplace")), vide(texte(claims, "birthcountry")), vide(texte(claims, "email")));
    }

    public boolean neeALEtranger() {
        return paysNaissance != null && !"99100".equals(paysNaissance);
    }

    public boolean datePresumee() {
        return dateNaissance.endsWith("-01-01") || dateNaissance.endsWith("-00-00");
    }

    /** "Marie Claire DUPONT" (with "épouse LEROY" style nom d'usage when there is one). */
    public String nomComplet() {
        return prenoms + " " + nomNaissance + (nomUsage == null ? "" : " (nom d’usage : " + nomUsage + ")");
    }

    /** "12/06/1984" (the provider's date as given, even presumed). */
    public String dateAffichee() {
        String[] parties = dateNaissance.split("-");
        return parties.length == 3 ? parties[2] + "/" + parties[1] + "/" + parties[0] : dateNaissance;
    }

    private static String texte(Map<String, Object> claims, String nom) {
        Object valeur = claims.get(nom);
        return valeur == null ? "" : valeur.toString().strip();
    }

    private static @Nullable String vide(String valeur) {
        return valeur.isEmpty() ? null : valeur;
    }
}
