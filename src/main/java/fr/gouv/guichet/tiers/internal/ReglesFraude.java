package fr.gouv.guichet.tiers.internal;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

import java.time.Duration;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fraud rules' thresholds, windows and weights, read from {@value #EMPLACEMENT} ({@code code;seuil;fenetre;poids;source}):
 * data, checked at start-up (every rule the controls apply is present, numbers positive, windows ISO-8601).
 */
public final class ReglesFraude {

    public static final String EMPLACEMENT = "tiers/regles-fraude.csv";
    public static final String VOLUME = "tiers-volume";
    public static final String VOLUME_PLANCHER = "tiers-volume-plancher";
    public static final String MEME_ADRESSE = "tiers-meme-adresse";
    public static final String LIEUX_MULTIPLES = "tiers-lieux-multiples";
    public static final String MANDAT_REUTILISE = "tiers-mandat-reutilise";
    public static final String OPPOSITION = "tiers-opposition";
    public static final String SUSPENSION = "suspension";
    public static final String ADRESSE_INCONNUE = "tiers-adresse-inconnue";
    public static final String REVENTES_EN_CHAINE = "tiers-reventes-en-chaine";

    /** @param fenetre the observed window; {@code source} says where the rule comes from */
    public record Regle(String code, int seuil, Duration fenetre, int poids, String source) {
    }

    private final Map<String, Regle> regles;

    public ReglesFraude(Map<String, Regle> regles) {
        for (String code : new String[]{VOLUME, VOLUME_PLANCHER, MEME_ADRESSE, LIEUX_MULTIPLES, MANDAT_REUTILISE, OPPOSITION, SUSPENSION,
                ADRESSE_INCONNUE, REVENTES_EN_CHAINE}) {
            if (!regles.containsKey(code)) {
                throw new IllegalArgumentException("Règle de fraude absente de " + EMPLACEMENT + " : " + code);
            }
        }
        this.regles = Map.copyOf(regles);
    }

    public static ReglesFraude charger() {
        return lire(new ClassPathResource(EMPLACEMENT));
    }

    public static ReglesFraude lire(Resource fichier) {
        Map<String, Regle> regles = new LinkedHashMap<>();
        for (DonneesCsv.Ligne l : DonneesCsv.lire(fichier)) {
            try {
                Regle r = new Regle(l.colonne(0), Integer.parseInt(l.colonne(1)), fenetre(l.colonne(2)), Integer.parseInt(l.colonne(3)),
                        l.colonne(4));
                if (r.seuil() < 1 || r.poids() < 0 || r.fenetre().isNegative() || r.fenetre().isZero()) {
                    throw new IllegalArgumentException("seuil ≥ 1, poids ≥ 0, fenêtre positive");
                }
                regles.put(r.code(), r);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(EMPLACEMENT + ", ligne " + l.numero() + " : " + e.getMessage(), e);
            }
        }
        return new ReglesFraude(regles);
    }

    private static Duration fenetre(String texte) {
        if (texte.startsWith("PT")) {
            return Duration.parse(texte);
        }
        Period p = Period.parse(texte);
        if (p.getYears() != 0 || p.getMonths() != 0) {
            throw new IllegalArgumentException("fenêtre en jours ou en heures (P30D, PT1H) : " + texte);
        }
        return Duration.ofDays(p.getDays());
    }

    public Regle regle(String code) {
        return regles.get(code);
    }
}
