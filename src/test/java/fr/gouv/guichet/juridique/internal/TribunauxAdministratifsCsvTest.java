package fr.gouv.guichet.juridique.internal;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reference table of tribunaux administratifs covers the 101 départements, each with the tribunal of its
 * ressort as article R221-3 of the code de justice administrative fixes it (transcribed below, independently of the
 * CSV), named as article R221-1 names the overseas tribunals.
 */
class TribunauxAdministratifsCsvTest {

    /** CJA R221-3, version in force since décret n° 2015-1444 (siège : départements), metropolitan and overseas départements. */
    static final String R221_3 = """
            Amiens : Aisne, Oise, Somme ;
            Bastia : Corse-du-Sud, Haute-Corse ;
            Besançon : Doubs, Jura, Haute-Saône, Territoire de Belfort ;
            Bordeaux : Dordogne, Gironde, Lot-et-Garonne ;
            Caen : Calvados, Manche, Orne ;
            Cergy-Pontoise : Hauts-de-Seine, Val-d'Oise ;
            Châlons-en-Champagne : Ardennes, Aube, Marne, Haute-Marne ;
            Clermont-Ferrand : Allier, Cantal, Haute-Loire, Puy-de-Dôme ;
            Dijon : Côte-d'Or, Nièvre, Saône-et-Loire, Yonne ;
            Grenoble : Drôme, Isère, Savoie, Haute-Savoie ;
            Lille : Nord, Pas-de-Calais ;
            Limoges : Corrèze, Creuse, Indre, Haute-Vienne ;
            Lyon : Ain, Ardèche, Loire, Rhône ;
            Marseille : Alpes-de-Haute-Provence, Hautes-Alpes, Bouches-du-Rhône ;
            Melun : Seine-et-Marne, Val-de-Marne ;
            Montpellier : Aude, Hérault, Pyrénées-Orientales ;
            Montreuil : Seine-Saint-Denis ;
            Nancy : Meurthe-et-Moselle, Meuse, Vosges ;
            Nantes : Loire-Atlantique, Maine-et-Loire, Mayenne, Sarthe, Vendée ;
            Nice : Alpes-Maritimes ;
            Nîmes : Gard, Lozère, Vaucluse ;
            Orléans : Cher, Eure-et-Loir, Indre-et-Loire, Loir-et-Cher, Loiret ;
            Paris : Paris ;
            Pau : Gers, Landes, Pyrénées-Atlantiques, Hautes-Pyrénées ;
            Poitiers : Charente, Charente-Maritime, Deux-Sèvres, Vienne ;
            Rennes : Côtes-d'Armor, Finistère, Ille-et-Vilaine, Morbihan ;
            Rouen : Eure, Seine-Maritime ;
            Strasbourg : Moselle, Bas-Rhin, Haut-Rhin ;
            Toulon : Var ;
            Toulouse : Ariège, Aveyron, Haute-Garonne, Lot, Tarn, Tarn-et-Garonne ;
            Versailles : Essonne, Yvelines ;
            de la Guadeloupe : Guadeloupe ;
            de la Guyane : Guyane ;
            de la Martinique : Martinique ;
            de La Réunion : La Réunion ;
            de Mayotte : Mayotte ;
            """;

    /** Département name → code, from the migration that creates the 101 départements. */
    static Map<String, String> codesParNom() throws IOException {
        String sql = Files.readString(Path.of("src/main/resources/db/migration/V20261123_01__referentiel_departements.sql"));
        Matcher m = Pattern.compile("\\('([0-9AB]{2,3})', '((?:[^']|'')+)'").matcher(sql);
        Map<String, String> codes = new HashMap<>();
        while (m.find()) {
            codes.put(m.group(2).replace("''", "'"), m.group(1));
        }
        return codes;
    }

    @Test
    void chaqueDepartement_aLeTribunalDeSonRessort() throws IOException {
        Map<String, String> codes = codesParNom();
        assertThat(codes).hasSize(101);
        Map<String, String> attendu = new TreeMap<>();
        for (String ligne : R221_3.strip().split("\n")) {
            String[] siegeEtRessort = ligne.replace(";", "").split(" : ");
            String siege = siegeEtRessort[0].strip();
            String nom = "tribunal administratif " + (siege.startsWith("de ") ? siege
                    : (siege.matches("^[AEIOUÉ].*") ? "d’" : "de ") + siege);
            for (String departement : siegeEtRessort[1].split(", ")) {
                String code = codes.get(departement.strip());
                assertThat(code).as("département « %s » du référentiel", departement).isNotNull();
                assertThat(attendu.put(code, nom)).as("département %s dans un seul ressort", departement).isNull();
            }
        }
        Map<String, String> lu = new TreeMap<>();
        for (String[] ligne : RegistreTribunaux.lireRessource()) {
            assertThat(lu.put(ligne[0], ligne[1])).as("une ligne par département : %s", ligne[0]).isNull();
        }
        assertThat(lu).hasSize(101).isEqualTo(attendu);
    }

    @Test
    void leVar_relevesDuTribunalDeToulon_avecSonAdresse_etParisDeCeluiDeParis() {
        Map<String, String[]> lignes = new HashMap<>();
        RegistreTribunaux.lireRessource().forEach(l -> lignes.put(l[0], l));
        assertThat(lignes.get("83")[1]).isEqualTo("tribunal administratif de Toulon");
        assertThat(List.of(lignes.get("83")[2].split("\n"))).containsExactly("5 rue Racine", "CS 40510", "83041 Toulon Cedex 9");
        assertThat(lignes.get("75")[1]).isEqualTo("tribunal administratif de Paris");
        assertThat(lignes.get("13")[1]).isEqualTo("tribunal administratif de Marseille");
        assertThat(lignes.get("93")[1]).isEqualTo("tribunal administratif de Montreuil");
        assertThat(lignes.values()).allSatisfy(l -> assertThat(l[2].split("\n")[l[2].split("\n").length - 1]).containsPattern("^\\d{5} "));
    }
}
