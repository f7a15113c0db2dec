package fr.gouv.guichet.juridique.internal;

import fr.gouv.guichet.document.DonneesVersionnees;
import fr.gouv.guichet.document.TribunalAdministratif;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The table {@code tribunal_administratif} (one row per département) and its history. At start-up, the rows of
 * {@value #RESSOURCE} are inserted for the départements not yet in the table: a change made by the national
 * administrator is never overwritten by a new version of the file.
 */
@Repository
public class RegistreTribunaux {

    public static final String RESSOURCE = "actes/tribunaux-administratifs.csv";

    /** Separator of the address lines, in the CSV file and in the table. */
    static final String SEPARATEUR_LIGNES = "\n";

    private static final java.time.format.DateTimeFormatter QUAND =
            java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH 'h' mm", java.util.Locale.FRANCE)
                    .withZone(java.time.ZoneId.of("Europe/Paris"));

    public record Ligne(String codeDepartement, String nom, List<String> adresse, Optional<Instant> modifieLe, Optional<String> modifiePar) {

        /** "1 décembre 2026 à 04 h 10 par admin@…", or empty when the row is still the one of the file. */
        public String derniereModification() {
            return modifieLe.map(q -> QUAND.format(q) + modifiePar.map(p -> " par " + p).orElse("")).orElse("");
        }
    }

    public record Changement(String ancienNom, List<String> ancienneAdresse, String nouveauNom, List<String> nouvelleAdresse,
                             Instant modifieLe, String modifiePar) {

        public String quand() {
            return QUAND.format(modifieLe);
        }
    }

    private final JdbcClient jdbc;
    private final Clock horloge;

    RegistreTribunaux(JdbcClient jdbc, Clock horloge) {
        this.jdbc = jdbc;
        this.horloge = horloge;
        int ajoutes = 0;
        for (String[] ligne : lireRessource()) {
            ajoutes += jdbc.sql("""
                            insert into tribunal_administratif (code_departement, nom, adresse)
                            select ?, ?, ? where exists (select 1 from departement where code = ?)
                            on conflict (code_departement) do nothing""")
                    .params(ligne[0], ligne[1], ligne[2], ligne[0]).update();
        }
        if (ajoutes > 0) {
            org.slf4j.LoggerFactory.getLogger(RegistreTribunaux.class).info("{} tribunaux administratifs chargés depuis {}", ajoutes, RESSOURCE);
        }
    }

    public Optional<TribunalAdministratif> tribunal(String codeDepartement) {
        return jdbc.sql("select nom, adresse from tribunal_administratif where code_departement = ?").param(codeDepartement)
                .query((rs, i) -> new TribunalAdministratif(rs.getString(1), lignes(rs.getString(2)))).optional();
    }

    public List<Ligne> tous() {
        return jdbc.sql("""
                        select t.code_departement, t.nom, t.adresse, t.modifie_le, t.modifie_par
                        from tribunal_administratif t join departement d on d.code = t.code_departement order by d.ordre""")
                .query((rs, i) -> new Ligne(rs.getString(1), rs.getString(2), lignes(rs.getString(3)),
                        Optional.ofNullable(rs.getObject(4, OffsetDateTime.class)).map(OffsetDateTime::toInstant),
                        Optional.ofNullable(rs.getString(5))))
                .list();
    }

    public Optional<Ligne> ligne(String codeDepartement) {
        return tous().stream().filter(l -> l.codeDepartement().equals(codeDepartement)).findFirst();
    }

    public List<Changement> historique(String codeDepartement) {
        return jdbc.sql("""
                        select ancien_nom, ancienne_adresse, nouveau_nom, nouvelle_adresse, modifie_le, modifie_par
                        from tribunal_administratif_historique where code_departement = ? order by modifie_le desc, id desc""")
                .param(codeDepartement)
                .query((rs, i) -> new Changement(rs.getString(1), lignes(rs.getString(2)), rs.getString(3), lignes(rs.getString(4)),
                        rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getString(6)))
                .list();
    }

    /** Replaces the tribunal of a département and records who changed it, when, and the former value. */
    @Transactional
    public void modifier(String codeDepartement, TribunalAdministratif nouveau, String par) {
        Ligne ancien = jdbc.sql("select nom, adresse from tribunal_administratif where code_departement = ? for update")
                .param(codeDepartement)
                .query((rs, i) -> new Ligne(codeDepartement, rs.getString(1), lignes(rs.getString(2)), Optional.empty(), Optional.empty()))
                .optional().orElseThrow(() -> new IllegalArgumentException("Département inconnu : " + codeDepartement));
        OffsetDateTime maintenant = OffsetDateTime.ofInstant(horloge.instant(), ZoneOffset.UTC);
        String adresse = String.join(SEPARATEUR_LIGNES, nouveau.adresse());
        jdbc.sql("update tribunal_administratif set nom = ?, adresse = ?, modifie_le = ?, modifie_par = ? where code_departement = ?")
                .params(nouveau.nom(), adresse, maintenant, par, codeDepartement).update();
        jdbc.sql("""
                        insert into tribunal_administratif_historique
                          (code_departement, ancien_nom, ancienne_adresse, nouveau_nom, nouvelle_adresse, modifie_le, modifie_par)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(codeDepartement, ancien.nom(), String.join(SEPARATEUR_LIGNES, ancien.adresse()), nouveau.nom(), adresse,
                        maintenant, par).update();
    }

    private static List<String> lignes(String adresse) {
        return Arrays.stream(adresse.split(SEPARATEUR_LIGNES)).map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    /** The CSV rows: code, name, address lines joined by {@link #SEPARATEUR_LIGNES}. */
    static List<String[]> lireRessource() {
        List<String[]> lignes = new ArrayList<>();
        for (List<String> champs : DonneesVersionnees.lire(RESSOURCE, 3)) {
            List<String> adresse = Arrays.stream(champs.get(2).split(";")).map(String::strip).toList();
            // Validated as the acts need it: a wrong row stops the start instead of printing a wrong tribunal.
            new TribunalAdministratif(champs.get(1), adresse);
            lignes.add(new String[] {champs.get(0), champs.get(1), String.join(SEPARATEUR_LIGNES, adresse)});
        }
        return lignes;
    }
}
