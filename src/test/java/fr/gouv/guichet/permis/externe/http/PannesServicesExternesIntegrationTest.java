package fr.gouv.guichet.permis.externe.http;

import fr.gouv.guichet.externe.ReglagesServiceExterne;
import fr.gouv.guichet.timbre.internal.ClientHttpTimbres;
import fr.gouv.guichet.externe.ServeurDeTest;
import fr.gouv.fauxservices.JeuDeDemonstration;
import fr.gouv.fauxservices.Pannes.Mode;
import fr.gouv.fauxservices.Service;
import fr.gouv.guichet.timbre.NumeroTimbre;
import fr.gouv.guichet.timbre.EtatTimbre.StatutTimbre;
import fr.gouv.guichet.timbre.ServiceTimbres;
import fr.gouv.guichet.timbre.TimbreRefuseException;
import fr.gouv.guichet.externe.ServiceExterneIndisponibleException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Service down, slow, flaky, answers lost: typed exception with a clear French message, retries, breaker. */
class PannesServicesExternesIntegrationTest {

    private final ServeurDeTest serveur = new ServeurDeTest();
    private final NumeroTimbre timbre = new NumeroTimbre(JeuDeDemonstration.TIMBRES_25_EUROS.getFirst());
    private final String dossier = "PC-2026-000301";

    @AfterEach
    void arreter() {
        serveur.close();
    }

    @Test
    void serviceEnPanne_exceptionTypeeEtMessageFrancaisClair() {
        ClientHttpTimbres timbres = serveur.client(Service.TIMBRES, ClientHttpTimbres::new);
        serveur.close();
        Instant debut = Instant.now();
        ServiceExterneIndisponibleException panne = catchThrowableOfType(ServiceExterneIndisponibleException.class,
                () -> timbres.reserver(timbre, dossier));
        assertThat(Duration.between(debut, Instant.now())).isLessThan(Duration.ofSeconds(5));
        assertThat(panne.service()).isEqualTo(ServiceTimbres.SYSTEME);
        assertThat(panne.messageUsager()).isEqualTo("Nous n'arrivons pas à joindre le service des timbres fiscaux "
                + "électroniques pour le moment. Ce que vous avez saisi est conservé : réessayez dans quelques minutes, "
                + "ou revenez plus tard à votre brouillon.");
    }

    @Test
    void deuxEchecsPuisSucces_lesRelancesSuffisent() {
        serveur.serveur.pannes().programmer(Service.TIMBRES, Mode.INDISPONIBLE, 2);
        assertThat(serveur.client(Service.TIMBRES, ClientHttpTimbres::new).reserver(timbre, dossier).statut()).isEqualTo(StatutTimbre.RESERVE);
        assertThat(serveur.serveur.requetes(Service.TIMBRES)).isEqualTo(3);
        assertThat(serveur.serveur.clesIdempotence(Service.TIMBRES)).hasSize(3).as("la même clé à chaque tentative")
                .containsOnly(serveur.serveur.clesIdempotence(Service.TIMBRES).getFirst());
    }

    @Test
    void reponsePerdue_laRelanceAvecLaMemeCleRetrouveLeResultatSansRienRefaire() {
        serveur.serveur.pannes().programmer(Service.PRODUCTION, Mode.REPONSE_PERDUE, 1);
        var commande = serveur.client(Service.PRODUCTION, ClientHttpProductionTitres::new).commander(ClientsHttpPermisIntegrationTest.demande("PC-2026-000302"));
        assertThat(commande.numeroCommande()).isEqualTo("CMD-000001");
        assertThat(serveur.serveur.clesIdempotence(Service.PRODUCTION)).hasSize(2)
                .satisfies(cles -> assertThat(cles.get(0)).isEqualTo(cles.get(1)));
        var autre = serveur.client(Service.PRODUCTION, ClientHttpProductionTitres::new).commander(ClientsHttpPermisIntegrationTest.demande("PC-2026-000303"));
        assertThat(autre.numeroCommande()).as("une seule commande créée par la première demande").isEqualTo("CMD-000002");
        assertThat(serveur.serveur.clesIdempotence(Service.PRODUCTION).get(2)).as("nouvelle demande, nouvelle clé")
                .isNotEqualTo(serveur.serveur.clesIdempotence(Service.PRODUCTION).getFirst());
    }

    @Test
    void serviceTropLent_delaiDeReponseDepasseAChaqueTentative() {
        serveur.serveur.pannes().programmer(Service.EPHOTO, Mode.LENT, 3, Duration.ofMillis(1500));
        ClientHttpPhotos photos = serveur.client(Service.EPHOTO, ClientHttpPhotos::new);
        assertThatThrownBy(() -> photos.recuperer(new fr.gouv.guichet.permis.CodeEphoto(JeuDeDemonstration.EPHOTO_VALIDES.getFirst())))
                .isInstanceOf(ServiceExterneIndisponibleException.class);
        assertThat(serveur.serveur.requetes(Service.EPHOTO)).isEqualTo(3);
    }

    @Test
    void leDisjoncteurSOuvreApresDesEchecsRepetesPuisSeRefermeQuandLeServiceRevient() throws InterruptedException {
        String url = serveur.url(Service.TIMBRES);
        ReglagesServiceExterne reglages = new ReglagesServiceExterne(url, Duration.ofSeconds(1), Duration.ofSeconds(1), 2,
                Duration.ofMillis(10), 100, 4, 4, Duration.ofMillis(400), null);
        ClientHttpTimbres timbres = new ClientHttpTimbres(reglages, () -> url);
        serveur.serveur.pannes().programmer(Service.TIMBRES, Mode.INDISPONIBLE, 1000);

        assertThatThrownBy(() -> timbres.verifier(timbre)).isInstanceOf(ServiceExterneIndisponibleException.class);
        assertThatThrownBy(() -> timbres.verifier(timbre)).isInstanceOf(ServiceExterneIndisponibleException.class);
        assertThat(timbres.etatDisjoncteur()).isEqualTo("OPEN");
        long requetes = serveur.serveur.requetes(Service.TIMBRES);
        assertThat(requetes).isEqualTo(4);
        assertThatThrownBy(() -> timbres.verifier(timbre)).isInstanceOf(ServiceExterneIndisponibleException.class)
                .hasMessageContaining("disjoncteur");
        assertThat(serveur.serveur.requetes(Service.TIMBRES)).as("disjoncteur ouvert : aucun appel").isEqualTo(requetes);

        serveur.serveur.pannes().reparer();
        Thread.sleep(500);
        assertThat(timbres.verifier(timbre).statut()).isEqualTo(StatutTimbre.DISPONIBLE);
        assertThat(timbres.etatDisjoncteur()).isEqualTo("CLOSED");
    }

    @Test
    void lesRefusNeSontNiRelancesNiComptesCommeDesPannes() {
        ClientHttpTimbres timbres = serveur.client(Service.TIMBRES, ClientHttpTimbres::new);
        NumeroTimbre inconnu = new NumeroTimbre(JeuDeDemonstration.TIMBRE_INCONNU);
        for (int i = 0; i < 6; i++) {
            assertThatThrownBy(() -> timbres.verifier(inconnu)).isInstanceOf(TimbreRefuseException.class);
        }
        assertThat(serveur.serveur.requetes(Service.TIMBRES)).isEqualTo(6);
        assertThat(timbres.etatDisjoncteur()).isEqualTo("CLOSED");
    }

    @Test
    void sansAdresseLeServiceEstSignaleIndisponible() {
        ClientHttpTimbres timbres = new ClientHttpTimbres(ReglagesServiceExterne.parDefaut(null), () -> {
            throw new ServiceExterneIndisponibleException(ServiceTimbres.SYSTEME, "aucune adresse configurée");
        });
        assertThatThrownBy(() -> timbres.verifier(timbre)).isInstanceOf(ServiceExterneIndisponibleException.class)
                .hasMessageContaining("aucune adresse");
    }
}
