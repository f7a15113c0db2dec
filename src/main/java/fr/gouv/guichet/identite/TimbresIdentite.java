package fr.gouv.guichet.identite;

import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The timbres fiscaux a pré-demande calls for, from the dated amounts of {@value #EMPLACEMENT}: passport 86 € from 18,
 * 42 € from 15 to 17, 17 € under 15; identity card free, 25 € when the previous one was lost or stolen. The age is the
 * one on the day of the pré-demande.
 */
public final class TimbresIdentite {

    public static final String EMPLACEMENT = "identite/tarifs-timbres.csv";

    /** One timbre due: its tariff code, what it pays for, its amount. */
    public record TimbreDu(String tarif, String libelle, BigDecimal montant) {
    }

    private record Ligne(String tarif, BigDecimal montant, LocalDate du, LocalDate au) {
    }

    private final List<Ligne> lignes;

    private TimbresIdentite(List<Ligne> lignes) {
        this.lignes = List.copyOf(lignes);
    }

    public static TimbresIdentite charger() {
        List<Ligne> lues = new ArrayList<>();
        try {
            String texte = new ClassPathResource(EMPLACEMENT).getContentAsString(StandardCharsets.UTF_8);
            texte.lines().skip(1).filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(l -> {
                String[] c = l.split(";", -1);
                if (c.length != 5) {
                    throw new IllegalStateException(EMPLACEMENT + " : 5 colonnes attendues dans « " + l + " »");
                }
                lues.add(new Ligne(c[0], new BigDecimal(c[1]), LocalDate.parse(c[2]),
                        c[3].isBlank() ? LocalDate.MAX : LocalDate.parse(c[3])));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(EMPLACEMENT + " illisible", e);
        }
        return new TimbresIdentite(lues);
    }

    /** The timbres due for these titles, this reason and this birth date, on {@code jour}. */
    public List<TimbreDu> dus(TitresDemandes titres, String motif, LocalDate naissance, LocalDate jour) {
        List<TimbreDu> dus = new ArrayList<>();
        if (titres.passeport()) {
            int age = Period.between(naissance, jour).getYears();
            String tarif = age >= 18 ? "PASSEPORT_MAJEUR" : age >= 15 ? "PASSEPORT_15_17" : "PASSEPORT_MOINS_15";
            montant(tarif, jour).ifPresent(m -> dus.add(new TimbreDu(tarif, "Passeport", m)));
        }
        if (titres.cni() && (motif.equals("perte") || motif.equals("vol"))) {
            montant("CNI_PERTE_VOL", jour).ifPresent(m -> dus.add(new TimbreDu("CNI_PERTE_VOL",
                    "Carte d’identité (perte ou vol)", m)));
        }
        return dus;
    }

    Optional<BigDecimal> montant(String tarif, LocalDate jour) {
        return lignes.stream().filter(l -> l.tarif().equals(tarif) && !jour.isBefore(l.du()) && jour.isBefore(l.au()))
                .map(Ligne::montant).findFirst();
    }
}
