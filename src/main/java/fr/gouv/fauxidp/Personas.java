package fr.gouv.fauxidp;

import fr.gouv.fauxidp.Persona.Defaut;
import fr.gouv.fauxidp.Persona.Fournisseur;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.charset.StandardCharsets;

/**
 * The personas of the demonstration provider: a few built-in ones (demo and manual trials), plus those a test adds.
 * Shared by the whole JVM, like the provider itself.
 */
public final class Personas {

    private static final Map<String, Persona> PERSONAS = new LinkedHashMap<>();

    static {
        ajouter(fc("marie", "Marie Claire DUPONT, née à Paris", "Marie Claire", "DUPONT", "", "1984-06-12", "female",
                "75056", "99100", "marie.dupont@exemple.fr", Defaut.AUCUN));
        ajouter(fc("karim", "Karim BENALI, né au Maroc", "Karim", "BENALI", "", "1979-03-02", "male",
                "", "99350", "karim.benali@exemple.fr", Defaut.AUCUN));
        ajouter(fc("jeanne", "Jeanne MARTIN, date de naissance présumée", "Jeanne", "MARTIN", "LEROY", "1970-01-01",
                "female", "2A004", "99100", "jeanne.martin@exemple.fr", Defaut.AUCUN));
        ajouter(fc("camille", "Camille DURAND, même adresse que l’usager de démonstration", "Camille", "DURAND", "",
                "1990-09-30", "female", "83137", "99100", "usager@demo.guichet.local", Defaut.AUCUN));
        ajouter(fc("louise", "Louise GIRAUD, sans adresse électronique", "Louise", "GIRAUD", "", "1948-11-05", "female",
                "83137", "99100", "", Defaut.AUCUN));
        for (String dep : List.of("83", "75", "2a", "13", "69")) {
            ajouter(agent("agent-" + dep, "Agent de la préfecture (" + dep.toUpperCase() + ")", "agent-" + dep + "@demo.guichet.local",
                    List.of("pwd", "mfa")));
        }
        ajouter(agent("inconnu", "Agent inconnu de Guichet", "agent.inconnu@ministere.gouv.fr", List.of("pwd")));
    }

    private Personas() {
    }

    public static synchronized void ajouter(Persona persona) {
        PERSONAS.put(persona.cle(), persona);
    }

    public static synchronized List<Persona> de(Fournisseur fournisseur) {
        return PERSONAS.values().stream().filter(p -> p.fournisseur() == fournisseur).toList();
    }

    public static synchronized Optional<Persona> parCle(String cle) {
        return Optional.ofNullable(PERSONAS.get(cle));
    }

    public static synchronized Optional<Persona> parSub(String sub) {
        return PERSONAS.values().stream().filter(p -> p.sub().equals(sub)).findFirst();
    }

    /** A FranceConnect persona (identité pivot claims, formats of FranceConnect v2). */
    public static Persona fc(String cle, String libelle, String prenoms, String nom, String nomUsage, String naissance,
                             String sexe, String lieuNaissance, String paysNaissance, String email, Defaut defaut) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("given_name", prenoms);
        claims.put("family_name", nom);
        claims.put("preferred_username", nomUsage);
        claims.put("birthdate", naissance);
        claims.put("gender", sexe);
        claims.put("birthplace", lieuNaissance);
        claims.put("birthcountry", paysNaissance);
        if (!email.isEmpty()) {
            // A FranceConnect identity without e-mail address has no email claim at all.
            claims.put("email", email);
        }
        return new Persona(cle, Fournisseur.FC, sub("fc:" + cle) + "v1", libelle, claims, List.of("fc"), defaut);
    }

    /** A ProConnect persona (professional claims). */
    public static Persona agent(String cle, String libelle, String email, List<String> amr) {
        Map<String, Object> claims = new LinkedHashMap<>();
        String local = email.substring(0, email.indexOf('@'));
        claims.put("given_name", "Camille");
        claims.put("usual_name", local.toUpperCase());
        claims.put("email", email);
        claims.put("uid", local);
        claims.put("siret", "13000325200016");
        claims.put("idp_id", "fia1v2");
        return new Persona(cle, Fournisseur.PROCONNECT, sub("pc:" + cle), libelle, claims, new ArrayList<>(amr), Defaut.AUCUN);
    }

    private static String sub(String graine) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(graine.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
