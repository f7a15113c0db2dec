package fr.gouv.guichet.formulaire.internal;

import fr.gouv.guichet.formulaire.Champ;
import fr.gouv.guichet.formulaire.Condition;
import fr.gouv.guichet.formulaire.DefinitionFormulaire;
import fr.gouv.guichet.formulaire.Page;
import fr.gouv.guichet.formulaire.Reponses;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Builds the answers of one page from HTTP request parameters (see {@link Reponses#depuisFormulaire}). */
public final class LecteurParametres {

    /** Entries beyond this index are ignored (a guard against forged requests). */
    private static final int INDEX_MAX = 500;
    private static final Pattern PARAMETRE_DE_GROUPE = Pattern.compile("^([A-Za-z0-9_-]+)\\[(\\d{1,4})]\\.([A-Za-z0-9_-]+)$");

    private static final Pattern DATE_FRANCAISE = Pattern.compile("^(\\d{1,2})/(\\d{1,2})/(\\d{4})$");

    private LecteurParametres() {
    }

    public static Reponses lire(DefinitionFormulaire definition, Page page, Map<String, String[]> parametres,
                                @Nullable Reponses existantes) {
        Map<String, Object> lues = new LinkedHashMap<>();
        for (Champ champ : page.champs()) {
            lues.put(champ.id(), switch (champ.type()) {
                case CHOIX_MULTIPLE -> valeursCochees(parametres.get(champ.id()));
                case GROUPE_REPETABLE -> entrees(champ, parametres);
                case DATE -> dateIso(premiereValeur(parametres.get(champ.id())));
                default -> premiereValeur(parametres.get(champ.id()));
            });
        }
        Reponses dePage = new Reponses(lues);
        Reponses contexte = existantes == null ? dePage : existantes.fusionner(dePage);
        Map<String, Object> gardees = new LinkedHashMap<>();
        for (Champ champ : page.champs()) {
            if (estVisible(definition, page, champ, contexte, existantes == null)) {
                gardees.put(champ.id(), lues.get(champ.id()));
            }
        }
        return new Reponses(gardees);
    }

    private static boolean estVisible(DefinitionFormulaire definition, Page page, Champ champ, Reponses contexte,
                                      boolean pageSeule) {
        Condition condition = champ.condition();
        if (condition == null) {
            return true;
        }
        Optional<Champ> reference = definition.champ(condition.champ());
        if (reference.isEmpty()) {
            return false;
        }
        if (pageSeule && !page.contient(reference.get().id())) {
            return true;
        }
        return estVisible(definition, page, reference.get(), contexte, pageSeule) && condition.estSatisfaite(contexte);
    }

    private static String premiereValeur(String @Nullable [] valeurs) {
        return valeurs == null || valeurs.length == 0 || valeurs[0] == null ? "" : valeurs[0].strip();
    }

    /** A date typed as 15/03/2027 (browsers without a date picker) is stored as 2027-03-15; anything else is kept. */
    private static String dateIso(String saisie) {
        Matcher m = DATE_FRANCAISE.matcher(saisie);
        if (!m.matches()) {
            return saisie;
        }
        return "%s-%02d-%02d".formatted(m.group(3), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
    }

    private static List<String> valeursCochees(String @Nullable [] valeurs) {
        List<String> cochees = new ArrayList<>();
        if (valeurs != null) {
            for (String valeur : valeurs) {
                if (valeur != null && !valeur.isBlank() && !cochees.contains(valeur.strip())) {
                    cochees.add(valeur.strip());
                }
            }
        }
        return cochees;
    }

    private static List<Map<String, String>> entrees(Champ groupe, Map<String, String[]> parametres) {
        TreeMap<Integer, Map<String, String>> parIndex = new TreeMap<>();
        for (Map.Entry<String, String[]> parametre : parametres.entrySet()) {
            Matcher m = PARAMETRE_DE_GROUPE.matcher(parametre.getKey());
            if (!m.matches() || !m.group(1).equals(groupe.id())) {
                continue;
            }
            int index = Integer.parseInt(m.group(2));
            String sousChampId = m.group(3);
            if (index > INDEX_MAX || groupe.sousChamp(sousChampId).isEmpty()) {
                continue;
            }
            parIndex.computeIfAbsent(index, i -> new LinkedHashMap<>()).put(sousChampId, premiereValeur(parametre.getValue()));
        }
        List<Map<String, String>> entrees = new ArrayList<>();
        for (Map<String, String> lue : parIndex.values()) {
            if (lue.values().stream().allMatch(String::isEmpty)) {
                continue;
            }
            Map<String, String> entree = new LinkedHashMap<>();
            for (Champ sousChamp : groupe.sousChamps()) {
                entree.put(sousChamp.id(), lue.getOrDefault(sousChamp.id(), ""));
            }
            entrees.add(entree);
        }
        return entrees;
    }
}
