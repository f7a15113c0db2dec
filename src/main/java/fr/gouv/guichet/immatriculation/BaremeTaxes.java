package fr.gouv.guichet.immatriculation;

import org.jspecify.annotations.Nullable;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The taxes of a registration operation, computed from dated tariffs ({@code classpath:immatriculation/tarifs.csv}):
 * Y1 (regional tax per fiscal horsepower, per region), Y4 (fixed tax), Y5 (delivery fee). Amounts are data with their
 * source and validity period, never constants; the tariff applied is the one in force on the operation date.
 */
public final class BaremeTaxes {

    public static final String FICHIER = "immatriculation/tarifs.csv";

    /** One dated tariff line. @param region null for every region */
    public record Tarif(String code, @Nullable String region, LocalDate valideDu, @Nullable LocalDate valideAu, BigDecimal montant,
                        String source) {
        boolean enVigueur(String region, LocalDate date) {
            return (this.region == null || this.region.equals(region)) && !date.isBefore(valideDu)
                    && (valideAu == null || date.isBefore(valideAu));
        }
    }

    /** One line of the amount due. */
    public record Ligne(String code, String libelle, int centimes, String source) {
        public String montant() {
            return Taxes.euros(centimes);
        }
    }

    /** What an operation costs: its lines and their total, in cents. */
    public record Taxes(List<Ligne> lignes) {
        public Taxes {
            lignes = List.copyOf(lignes);
        }

        public int totalCentimes() {
            return lignes.stream().mapToInt(Ligne::centimes).sum();
        }

        public static String euros(int centimes) {
            return String.format(java.util.Locale.FRANCE, "%,.2f €", centimes / 100.0).replace('\u202f', ' ');
        }
    }

    /** No tariff is in force for this tax, region and date: the operation cannot be priced (never guessed). */
    public static final class TarifIntrouvable extends RuntimeException {
        public TarifIntrouvable(String code, String region, LocalDate date) {
            super("Aucun tarif " + code + " en vigueur le " + date + " pour la région " + region);
        }
    }

    private final List<Tarif> tarifs;

    public BaremeTaxes(List<Tarif> tarifs) {
        this.tarifs = List.copyOf(tarifs);
    }

    public static BaremeTaxes charger() {
        try (InputStream in = Objects.requireNonNull(BaremeTaxes.class.getClassLoader().getResourceAsStream(FICHIER), FICHIER)) {
            return lire(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BaremeTaxes lire(InputStream in) throws IOException {
        List<Tarif> lus = new ArrayList<>();
        BufferedReader lecteur = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String ligne;
        boolean entete = true;
        while ((ligne = lecteur.readLine()) != null) {
            if (ligne.isBlank() || ligne.startsWith("#")) {
                continue;
            }
            if (entete) {
                entete = false;
                continue;
            }
            String[] c = ligne.split(";", -1);
            lus.add(new Tarif(c[0], c[1].isBlank() ? null : c[1], LocalDate.parse(c[2]), c[3].isBlank() ? null : LocalDate.parse(c[3]),
                    new BigDecimal(c[4]), c[5]));
        }
        return new BaremeTaxes(lus);
    }

    /** The tariff of this tax in force in this region on this date. @throws TarifIntrouvable if none */
    public Tarif enVigueur(String code, String region, LocalDate date) {
        List<Tarif> candidats = tarifs.stream().filter(t -> t.code().equals(code) && t.enVigueur(region, date)).toList();
        // A regional line wins over a line for every region; among lines of the same scope, the most recent start.
        return candidats.stream().max(java.util.Comparator.comparing((Tarif t) -> t.region() != null).thenComparing(Tarif::valideDu))
                .orElseThrow(() -> new TarifIntrouvable(code, region, date));
    }

    /**
     * The taxes of an operation on this vehicle, for a holder living in {@code region}, on {@code date}.
     *
     * @param nouvelleCarte whether the operation makes a new card (an address change on a label does not)
     */
    public Taxes calculer(Operation operation, Vehicule vehicule, String region, LocalDate date, boolean nouvelleCarte) {
        List<Ligne> lignes = new ArrayList<>();
        switch (operation) {
            case CHANGEMENT_TITULAIRE -> {
                Tarif y1 = enVigueur("Y1", region, date);
                lignes.add(new Ligne("Y1", "Taxe régionale : " + vehicule.puissanceFiscale() + " CV × " + Taxes.euros(centimes(y1.montant())),
                        centimes(y1.montant().multiply(BigDecimal.valueOf(vehicule.puissanceFiscale()))), y1.source()));
                ajouter(lignes, enVigueur("Y4", region, date), "Taxe fixe");
                ajouter(lignes, enVigueur("Y5", region, date), "Redevance d’acheminement du certificat");
            }
            case DUPLICATA -> {
                ajouter(lignes, enVigueur("Y4", region, date), "Taxe fixe");
                ajouter(lignes, enVigueur("Y5", region, date), "Redevance d’acheminement du certificat");
            }
            case CHANGEMENT_ADRESSE -> {
                if (nouvelleCarte) {
                    ajouter(lignes, enVigueur("Y5", region, date), "Redevance d’acheminement du nouveau certificat");
                }
            }
        }
        return new Taxes(lignes);
    }

    private static void ajouter(List<Ligne> lignes, Tarif tarif, String libelle) {
        lignes.add(new Ligne(tarif.code(), libelle, centimes(tarif.montant()), tarif.source()));
    }

    private static int centimes(BigDecimal euros) {
        return euros.movePointRight(2).setScale(0, java.math.RoundingMode.HALF_UP).intValueExact();
    }
}
