package fr.gouv.guichet.identite;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class TimbresIdentiteTest {

    private final TimbresIdentite timbres = new TimbresIdentite(fr.gouv.guichet.timbre.BaremeTimbres.charger());
    private final LocalDate jour = LocalDate.of(2026, 12, 3);

    @Test
    void passeport_selonLAgeAuJourDeLaPreDemande() {
        assertThat(timbres.dus(TitresDemandes.PASSEPORT, "premiere", jour.minusYears(18), jour))
                .extracting(TimbresIdentite.TimbreDu::montant).containsExactly(new BigDecimal("86.00"));
        assertThat(timbres.dus(TitresDemandes.PASSEPORT, "premiere", jour.minusYears(18).plusDays(1), jour))
                .extracting(TimbresIdentite.TimbreDu::montant).containsExactly(new BigDecimal("42.00"));
        assertThat(timbres.dus(TitresDemandes.PASSEPORT, "premiere", jour.minusYears(15), jour))
                .extracting(TimbresIdentite.TimbreDu::montant).containsExactly(new BigDecimal("42.00"));
        assertThat(timbres.dus(TitresDemandes.PASSEPORT, "premiere", jour.minusYears(15).plusDays(1), jour))
                .extracting(TimbresIdentite.TimbreDu::montant).containsExactly(new BigDecimal("17.00"));
    }

    @Test
    void carteGratuiteSaufPerteOuVol_lesDeuxTitresSAdditionnent() {
        assertThat(timbres.dus(TitresDemandes.CNI, "renouvellement", jour.minusYears(40), jour)).isEmpty();
        assertThat(timbres.dus(TitresDemandes.CNI, "vol", jour.minusYears(40), jour))
                .extracting(TimbresIdentite.TimbreDu::montant).containsExactly(new BigDecimal("25.00"));
        assertThat(PiecesAApporter.total(timbres.dus(TitresDemandes.CNI_PASSEPORT, "perte", jour.minusYears(40), jour)))
                .isEqualByComparingTo("111.00");
        assertThat(timbres.dus(TitresDemandes.PASSEPORT, "premiere", jour.minusYears(40), LocalDate.of(2017, 1, 1))).isEmpty();
    }
}
