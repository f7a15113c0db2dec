package fr.gouv.guichet.permis.internal;

import fr.gouv.fauxservices.JeuDeDemonstration;
import fr.gouv.guichet.externe.ServicesExternesEmbarques;
import fr.gouv.guichet.permis.CodeEphoto;
import fr.gouv.guichet.permis.DemarchePermis;
import fr.gouv.guichet.permis.FormulairesPermis;
import fr.gouv.guichet.permis.externe.ServicePhotos;
import fr.gouv.guichet.support.TestGuichet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole application: the licence's beans are there and reach the embedded demonstration server. */
@TestGuichet
class PermisIntegrationTest {

    @Autowired
    ServicesExternesEmbarques embarques;
    @Autowired
    ServicePhotos photos;
    @Autowired
    FormulairesPermis formulaires;

    /** (That the server does not start with the context is checked by {@code ConfigurationPermisTest}.) */
    @Test
    void lesPortsDuPermisSontCablesSurLeServeurDeDemonstrationEmbarque() {
        assertThat(formulaires.derniereVersion(DemarchePermis.PERTE).champ("numero_timbre")).isPresent();
        assertThat(photos.recuperer(new CodeEphoto(JeuDeDemonstration.EPHOTO_VALIDES.getFirst())).photoJpeg()).isNotEmpty();
        assertThat(embarques.demarre()).isTrue();
    }
}
