package fr.gouv.guichet.permis.internal;

import fr.gouv.fauxservices.JeuDeDemonstration;
import fr.gouv.fauxservices.ServeurServicesExternes;
import fr.gouv.guichet.permis.FormatEphoto;
import fr.gouv.guichet.externe.ConfigurationServicesExternes;
import fr.gouv.guichet.externe.ServiceExterneIndisponibleException;
import fr.gouv.guichet.externe.ServicesExternesEmbarques;
import fr.gouv.guichet.permis.CodeEphoto;
import fr.gouv.guichet.permis.externe.ServicePhotos;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where the ports' clients go: configured address, embedded demonstration server (started on first use), nowhere. */
class ConfigurationPermisTest {

    private final ApplicationContextRunner contexte = new ApplicationContextRunner()
            .withUserConfiguration(ConfigurationServicesExternes.class, ConfigurationPermis.class)
            .withPropertyValues("guichet.embarque.services-externes.port=0");
    private final CodeEphoto code = new CodeEphoto(JeuDeDemonstration.EPHOTO_VALIDES.getFirst());

    @Test
    void sansAdresse_leServeurDeDemonstrationDemarreAuPremierAppelSeulement() {
        contexte.withPropertyValues("guichet.embarque.services-externes.actif=true").run(c -> {
            ServicesExternesEmbarques embarques = c.getBean(ServicesExternesEmbarques.class);
            assertThat(embarques.demarre()).as("rien au démarrage du contexte").isFalse();
            assertThat(c.getBean(ServicePhotos.class).recuperer(code).photoJpeg()).isNotEmpty();
            assertThat(embarques.demarre()).isTrue();
        });
    }

    @Test
    void sansAdresseNiServicesEmbarques_leServiceEstSignaleIndisponible() {
        contexte.run(c -> {
            assertThatThrownBy(() -> c.getBean(ServicePhotos.class).recuperer(code))
                    .isInstanceOf(ServiceExterneIndisponibleException.class)
                    .hasMessageContaining("guichet.permis.services.ephoto.url");
            assertThat(c.getBean(ServicesExternesEmbarques.class).demarre()).isFalse();
        });
    }

    @Test
    void uneAdresseConfigureeEstUtiliseeEtLeServeurDeDemonstrationNeDemarrePas() {
        try (ServeurServicesExternes ailleurs = ServeurServicesExternes.demarrer(0)) {
            contexte.withPropertyValues("guichet.embarque.services-externes.actif=true",
                    "guichet.permis.services.ephoto.url=" + ailleurs.url() + "/ephoto/",
                    "guichet.permis.services.ephoto.delai-reponse=PT3S",
                    "guichet.permis.services.ephoto.relances=0").run(c -> {
                assertThat(c.getBean(ServicePhotos.class).recuperer(code).photoJpeg()).isNotEmpty();
                assertThat(ailleurs.requetes(fr.gouv.fauxservices.Service.EPHOTO)).isEqualTo(1);
                assertThat(c.getBean(ServicesExternesEmbarques.class).demarre()).isFalse();
            });
        }
    }

    @Test
    void laLongueurDuCodeEphotoEstUnReglage() {
        contexte.run(c -> assertThat(c.getBean(FormatEphoto.class).longueurs()).containsExactly(22));
        contexte.withPropertyValues("guichet.permis.ephoto.longueurs=21,22")
                .run(c -> assertThat(c.getBean(FormatEphoto.class).longueurs()).containsExactly(21, 22));
    }
}
