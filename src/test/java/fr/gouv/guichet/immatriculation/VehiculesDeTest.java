package fr.gouv.guichet.immatriculation;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/** Vehicles put straight into the demonstration register, for tests whose subject is an operation on them. */
public final class VehiculesDeTest {

    /** Starts anywhere, then never gives the same number twice in a run. */
    private static final AtomicInteger NUMEROS_DE_VOIE = new AtomicInteger(1 + ThreadLocalRandom.current().nextInt(1_000_000));

    private final JdbcClient jdbc;

    public VehiculesDeTest(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record VehiculeDeTest(long id, String immatriculation) {
    }

    /** A 5 CV car in Toulon held by this account, its number taken from the national series. */
    public VehiculeDeTest vehicule(long usagerId, boolean gage) {
        return vehicule(usagerId, gage, null, 0);
    }

    public VehiculeDeTest vehicule(long usagerId, boolean gage, @org.jspecify.annotations.Nullable String numero, int etiquettes) {
        String immat = numero != null ? numero : NumeroImmatriculation.deRang(
                jdbc.sql("select nextval('immatriculation_serie_seq')").query(Long.class).single()).valeur();
        long id = jdbc.sql("""
                        insert into vehicule (immatriculation, vin, marque, modele, puissance_fiscale, premiere_immatriculation, categorie,
                          usager_id, titulaire_nom, titulaire_prenoms, adresse, code_postal, commune, code_departement, gage, etiquettes_adresse)
                        values (?, ?, 'Peugeot', '208', 5, ?, 'VP', ?, 'Vendeur', 'Camille', '1 rue de la Paix', '83000', 'Toulon', '83', ?, ?)
                        returning id""")
                .params(immat, "VF" + UUID.randomUUID().toString().replace("-", "").substring(0, 15).toUpperCase(), LocalDate.of(2019, 5, 1),
                        usagerId, gage, etiquettes)
                .query(Long.class).single();
        return new VehiculeDeTest(id, immat);
    }

    /**
     * An address no other test of the run uses: the fraud rules count the changes of holder to one address over the
     * whole shared database, so two tests buying to the same address would send each other's dossiers to the CERT.
     */
    public static String adresseUnique(String voie) {
        return NUMEROS_DE_VOIE.getAndIncrement() + " " + voie;
    }

    /** Waits (at most 60 s) until the condition holds: the steps after a deposit run in the outbox's listeners. */
    public static void attendre(String quoi, BooleanSupplier condition) {
        long fin = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > fin) {
                throw new AssertionError("Toujours pas au bout de 60 s : " + quoi);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
