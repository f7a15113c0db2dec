package fr.gouv.guichet.permis;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The timbre fiscal amounts of the licence procedures, as dated rows ({@code classpath:permis/tarifs-timbres.csv}:
 * {@code demarche;montant;du;au;source}): a new amount is a new row, never a code change. Checked on loading:
 * known procedure, amount ≥ 0 in euros and cents, no two overlapping periods for one procedure.
 */
public final class BaremeTimbres {

    public static final String EMPLACEMENT = "permis/tarifs-timbres.csv";

    private final List<TarifTimbre> tarifs;

    public BaremeTimbres(List<TarifTimbre> tarifs) {
        for (int i = 0; i < tarifs.size(); i++) {
            for (int j = i + 1; j < tarifs.size(); j++) {
                TarifTimbre a = tarifs.get(i);
                TarifTimbre b = tarifs.get(j);
                if (a.demarche() == b.demarche() && a.chevauche(b)) {
                    throw new IllegalArgumentException("Tarifs de timbre qui se chevauchent pour " + a.demarche() + " : "
                            + a.du() + " et " + b.du());
                }
            }
        }
        this.tarifs = List.copyOf(tarifs);
    }

    /** The application's table. */
    public static BaremeTimbres charger() {
        return lire(new ClassPathResource(EMPLACEMENT));
    }

    public static BaremeTimbres lire(Resource fichier) {
        List<TarifTimbre> lus = new ArrayList<>();
        try (BufferedReader lecteur = new BufferedReader(new InputStreamReader(fichier.getInputStream(), StandardCharsets.UTF_8))) {
            String ligne;
            int numero = 0;
            while ((ligne = lecteur.readLine()) != null) {
                numero++;
                if (numero == 1 || ligne.isBlank() || ligne.startsWith("#")) {
                    continue;
                }
                lus.add(ligne(ligne, numero, fichier));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Barème des timbres illisible : " + fichier.getDescription(), e);
        }
        return new BaremeTimbres(lus);
    }

    private static TarifTimbre ligne(String ligne, int numero, Resource fichier) {
        String[] champs = ligne.split(";", -1);
        try {
            if (champs.length != 5) {
                throw new IllegalArgumentException("5 colonnes attendues, " + champs.length + " trouvées");
            }
            return new TarifTimbre(DemarchePermis.valueOf(champs[0].strip()), new BigDecimal(champs[1].strip()),
                    LocalDate.parse(champs[2].strip()), champs[3].isBlank() ? null : LocalDate.parse(champs[3].strip()),
                    champs[4].strip());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Barème des timbres " + fichier.getDescription() + ", ligne " + numero
                    + " : " + e.getMessage(), e);
        }
    }

    /** The amount due on that date (0 when the procedure is free); fails when the table has no row for that date. */
    public BigDecimal montant(DemarchePermis demarche, LocalDate date) {
        return tarif(demarche, date).montant();
    }

    public TarifTimbre tarif(DemarchePermis demarche, LocalDate date) {
        return tarifs.stream().filter(t -> t.demarche() == demarche && t.couvre(date)).findFirst()
                .orElseThrow(() -> new IllegalStateException("Aucun tarif de timbre pour « " + demarche.libelle()
                        + " » au " + date + " : compléter " + EMPLACEMENT + "."));
    }

    /** Whether a timbre must be paid for that procedure on that date. */
    public boolean timbreExige(DemarchePermis demarche, LocalDate date) {
        return montant(demarche, date).signum() > 0;
    }

    public List<TarifTimbre> tarifs() {
        return tarifs;
    }
}
