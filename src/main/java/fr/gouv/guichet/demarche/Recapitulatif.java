package fr.gouv.guichet.demarche;

import fr.gouv.guichet.formulaire.Champ;
import fr.gouv.guichet.formulaire.DefinitionFormulaire;
import fr.gouv.guichet.formulaire.Page;
import fr.gouv.guichet.formulaire.Reponses;
import fr.gouv.guichet.formulaire.Section;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The answers of a dossier as label / value lines, by page and section (recap before validation, récépissé). */
public final class Recapitulatif {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRANCE);

    public record Ligne(String libelle, String valeur) {
    }

    public record Bloc(int numeroPage, String titre, List<Ligne> lignes) {
    }

    private Recapitulatif() {
    }

    public static List<Bloc> de(DefinitionFormulaire definition, Reponses reponses) {
        List<Bloc> blocs = new ArrayList<>();
        for (int i = 0; i < definition.pages().size(); i++) {
            Page page = definition.pages().get(i);
            for (Section section : page.sections()) {
                List<Ligne> lignes = new ArrayList<>();
                for (Champ champ : section.champs()) {
                    if (definition.estVisible(champ, reponses)) {
                        lignes.add(new Ligne(champ.libelle(), valeur(champ, reponses)));
                    }
                }
                if (!lignes.isEmpty()) {
                    blocs.add(new Bloc(i + 1, section.titre(), lignes));
                }
            }
        }
        return blocs;
    }

    /** All lines, flat (for the récépissé). */
    public static List<Ligne> lignes(DefinitionFormulaire definition, Reponses reponses) {
        return de(definition, reponses).stream().flatMap(b -> b.lignes().stream()).toList();
    }

    public static String valeur(Champ champ, Reponses reponses) {
        if (champ.estGroupe()) {
            List<Map<String, String>> groupes = reponses.groupes(champ.id());
            if (groupes.isEmpty()) {
                return "Non renseigné";
            }
            List<String> entrees = new ArrayList<>();
            for (int i = 0; i < groupes.size(); i++) {
                Map<String, String> g = groupes.get(i);
                String contenu = champ.sousChamps().stream()
                        .filter(s -> g.get(s.id()) != null && !g.get(s.id()).isBlank())
                        .map(s -> s.libelle() + " : " + g.get(s.id()))
                        .collect(Collectors.joining(" ; "));
                entrees.add((i + 1) + ". " + contenu);
            }
            return String.join("\n", entrees);
        }
        return switch (champ.type()) {
            case CHOIX_MULTIPLE -> {
                List<String> choix = reponses.liste(champ.id());
                yield choix.isEmpty() ? "Aucun" : choix.stream().map(champ::libelleOption).collect(Collectors.joining(", "));
            }
            case CHOIX_UNIQUE, OUI_NON, LISTE_DEROULANTE -> {
                String v = reponses.texte(champ.id());
                yield v == null || v.isBlank() ? "Non renseigné" : champ.libelleOption(v);
            }
            case DATE -> date(reponses.texte(champ.id()));
            default -> {
                String v = reponses.texte(champ.id());
                yield v == null || v.isBlank() ? "Non renseigné" : v;
            }
        };
    }

    private static String date(String iso) {
        if (iso == null || iso.isBlank()) {
            return "Non renseigné";
        }
        try {
            return DATE.format(LocalDate.parse(iso));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }
}
