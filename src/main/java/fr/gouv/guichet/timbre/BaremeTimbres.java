package fr.gouv.guichet.timbre;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

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
 * The timbre fiscal amounts, as dated rows: each procedure that asks for timbres ships its own file
 * {@code classpath:tarifs-timbres/<procédure>.csv} ({@code motif;montant;du;au;source}), and passes the motif when
 * it asks for an amount. A new amount is a new row, never a code change. Checked on loading: motif in capitals,
 * amount ≥ 0 in euros and cents, no two overlapping periods for one motif (across all files).
 */
public final class BaremeTimbres {

    public static final String EMPLACEMENT = "classpath*:tarifs-timbres/*.csv";

    private final List<TarifTimbre> tarifs;

    public BaremeTimbres(List<TarifTimbre> tarifs) {
        for (int i = 0; i < tarifs.size(); i++) {
            for (int j = i + 1; j < tarifs.size(); j++) {
                TarifTimbre a = tarifs.get(i);
                TarifTimbre b = tarifs.get(j);
                if (a.motif().equals(b.motif()) && a.chevauche(b)) {
                    throw new IllegalArgumentException("Tarifs de timbre qui se chevauchent pour " + a.motif() + " : "
                            + a.du() + " et " + b.du());
                }
            }
        }
        this.tarifs = List.copyOf(tarifs);
    }

    /** The application's table: every {@code tarifs-timbres/*.csv} of the class path. */
    public static BaremeTimbres charger() {
        try {
            return lire(new PathMatchingResourcePatternResolver().getResources(EMPLACEMENT));
        } catch (IOException e) {
            throw new UncheckedIOException("Barèmes des timbres introuvables : " + EMPLACEMENT, e);
        }
    }

    public static BaremeTimbres lire(Resource... fichiers) {
        List<TarifTimbre> lus = new ArrayList<>();
        for (Resource fichier : fichiers) {
            lus.addAll(lignes(fichier));
        }
        return new BaremeTimbres(lus);
    }

    private static List<TarifTimbre> lignes(Resource fichier) {
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
        return lus;
    }

    private static TarifTimbre ligne(String ligne, int numero, Resource fichier) {
        String[] champs = ligne.split(";", -1);
        try {
            if (champs.length != 5) {
                throw new IllegalArgumentException("5 colonnes attendues, " + champs.length + " trouvées");
            }
            return new TarifTimbre(champs[0].strip(), new BigDecimal(champs[1].strip()),
                    LocalDate.parse(champs[2].strip()), champs[3].isBlank() ? null : LocalDate.parse(champs[3].strip()),
                    champs[4].strip());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Barème des timbres " + fichier.getDescription() + ", ligne " + numero
                    + " : " + e.getMessage(), e);
        }
    }

    /** The amount due on that date (0 when free); fails when the table has no row for that motif and date. */
    public BigDecimal montant(String motif, LocalDate date) {
        return tarif(motif, date).montant();
    }

    public TarifTimbre tarif(String motif, LocalDate date) {
        return tarifs.stream().filter(t -> t.motif().equals(motif) && t.couvre(date)).findFirst()
                .orElseThrow(() -> new IllegalStateException("Aucun tarif de timbre pour le motif « " + motif
                        + " » au " + date + " : compléter " + EMPLACEMENT + "."));
    }

    /** Whether a timbre must be paid for that motif on that date. */
    public boolean timbreExige(String motif, LocalDate date) {
        return montant(motif, date).signum() > 0;
    }

    public List<TarifTimbre> tarifs() {
        return tarifs;
    }
}
