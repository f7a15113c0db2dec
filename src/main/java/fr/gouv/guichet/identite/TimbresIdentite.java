package fr.gouv.guichet.identite;

import fr.gouv.guichet.timbre.BaremeTimbres;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

/**
 * The timbres fiscaux a pré-demande calls for, their amounts read as dated rows of the neutral timbre module's table
 * ({@code tarifs-timbres/identite.csv}): passport 86 € from 18, 42 € from 15 to 17, 17 € under 15; identity card free,
 * 25 € when the previous one was lost or stolen. The age is the one on the day of the pré-demande.
 */
public final class TimbresIdentite {

    /** One timbre due: its motif in the timbre table, what it pays for, its amount. */
    public record TimbreDu(String motif, String libelle, BigDecimal montant) {
    }

    private final BaremeTimbres bareme;

    public TimbresIdentite(BaremeTimbres bareme) {
        this.bareme = bareme;
    }

    /** The timbres due for these titles, this reason and this birth date, on {@code jour}. */
    public List<TimbreDu> dus(TitresDemandes titres, String motif, LocalDate naissance, LocalDate jour) {
        List<TimbreDu> dus = new ArrayList<>();
        if (titres.passeport()) {
            int age = Period.between(naissance, jour).getYears();
            String tarif = age >= 18 ? "IDENTITE_PASSEPORT_MAJEUR" : age >= 15 ? "IDENTITE_PASSEPORT_15_17" : "IDENTITE_PASSEPORT_MOINS_15";
            ajouter(dus, tarif, "Passeport", jour);
        }
        if (titres.cni() && (motif.equals("perte") || motif.equals("vol"))) {
            ajouter(dus, "IDENTITE_CNI_PERTE_VOL", "Carte d’identité (perte ou vol)", jour);
        }
        return dus;
    }

    private void ajouter(List<TimbreDu> dus, String motif, String libelle, LocalDate jour) {
        // Before the table's first row (no amount known), nothing is claimed rather than a guessed amount.
        if (bareme.tarifs().stream().anyMatch(t -> t.motif().equals(motif) && t.couvre(jour)) && bareme.timbreExige(motif, jour)) {
            dus.add(new TimbreDu(motif, libelle, bareme.montant(motif, jour)));
        }
    }
}
