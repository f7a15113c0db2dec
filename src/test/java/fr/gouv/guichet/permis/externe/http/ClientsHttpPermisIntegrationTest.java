package fr.gouv.guichet.permis.externe.http;

import fr.gouv.fauxservices.Service;
import fr.gouv.guichet.externe.ServeurDeTest;
import fr.gouv.fauxservices.JeuDeDemonstration;
import fr.gouv.guichet.permis.CategoriePermis;
import fr.gouv.guichet.permis.CodeEphoto;
import fr.gouv.guichet.permis.Neph;
import fr.gouv.guichet.permis.externe.DemandeFabrication;
import fr.gouv.guichet.permis.externe.DossierCandidat;
import fr.gouv.guichet.permis.externe.PhotoSignature;
import fr.gouv.guichet.permis.externe.ReferenceDossier;
import fr.gouv.guichet.permis.externe.Refus;
import fr.gouv.guichet.permis.externe.RefusServiceExterneException;
import fr.gouv.guichet.permis.externe.SuiviTitre;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The real HTTP clients of ePhoto, examination results and title production against the demonstration server. */
class ClientsHttpPermisIntegrationTest {

    private static final ServeurDeTest SERVEUR = new ServeurDeTest();
    private static final LocalDate AUJOURDHUI = LocalDate.of(2026, 12, 1);

    @AfterAll
    static void arreter() {
        SERVEUR.close();
    }

    @Test
    void unCodeEphotoValideDonneLaPhotoEtLaSignature() throws IOException {
        PhotoSignature planche = SERVEUR.client(Service.EPHOTO, ClientHttpPhotos::new).recuperer(new CodeEphoto(JeuDeDemonstration.EPHOTO_VALIDES.getFirst()));
        assertThat(ImageIO.read(new ByteArrayInputStream(planche.photoJpeg())).getHeight()).isEqualTo(450);
        assertThat(ImageIO.read(new ByteArrayInputStream(planche.signaturePng())).getWidth()).isEqualTo(300);
        assertThat(planche.datePriseDeVue()).isEqualTo(AUJOURDHUI.minusDays(10));
        assertThat(planche.valableJusquau()).isEqualTo(AUJOURDHUI.minusDays(10).plusMonths(6));
        assertThat(planche.dejaUtilise()).isFalse();
    }

    @Test
    void codeEphotoExpireEtCodeInconnuOntDesMessagesDistincts() {
        RefusServiceExterneException expire = catchThrowableOfType(RefusServiceExterneException.class,
                () -> SERVEUR.client(Service.EPHOTO, ClientHttpPhotos::new).recuperer(new CodeEphoto(JeuDeDemonstration.EPHOTO_EXPIRE)));
        RefusServiceExterneException inconnu = catchThrowableOfType(RefusServiceExterneException.class,
                () -> SERVEUR.client(Service.EPHOTO, ClientHttpPhotos::new).recuperer(new CodeEphoto(JeuDeDemonstration.EPHOTO_INCONNU)));
        assertThat(expire.refus()).isEqualTo(Refus.CODE_EPHOTO_EXPIRE);
        assertThat(inconnu.refus()).isEqualTo(Refus.CODE_EPHOTO_INCONNU);
        assertThat(expire.messageUsager()).contains("a expiré").isNotEqualTo(inconnu.messageUsager());
        assertThat(inconnu.messageUsager()).contains("inconnu");
    }

    @Test
    void unCodeDejaUtiliseParUnAutreDossierEstSignaleSansEtreRefuse() {
        CodeEphoto code = new CodeEphoto(JeuDeDemonstration.EPHOTO_DEJA_UTILISE);
        assertThat(SERVEUR.client(Service.EPHOTO, ClientHttpPhotos::new).recuperer(code).dejaUtilise()).isTrue();
        assertThat(SERVEUR.client(Service.EPHOTO, ClientHttpPhotos::new).declarerUtilisation(code, new ReferenceDossier("PC-2026-000001")).autresDossiers()).isEqualTo(1);

        CodeEphoto neuf = new CodeEphoto(JeuDeDemonstration.EPHOTO_VALIDES.get(1));
        ReferenceDossier dossier = new ReferenceDossier("PC-2026-000002");
        assertThat(SERVEUR.client(Service.EPHOTO, ClientHttpPhotos::new).declarerUtilisation(neuf, dossier).reutilise()).isFalse();
        assertThat(SERVEUR.client(Service.EPHOTO, ClientHttpPhotos::new).declarerUtilisation(neuf, dossier).reutilise()).as("même dossier : idempotent").isFalse();
        assertThat(SERVEUR.client(Service.EPHOTO, ClientHttpPhotos::new).declarerUtilisation(neuf, new ReferenceDossier("PC-2026-000003")).autresDossiers()).isEqualTo(1);
    }

    @Test
    void lesResultatsDExamenDisentQuiAReussiQuelleCategorieQuand() {
        DossierCandidat lea = SERVEUR.client(Service.EXAMENS, ClientHttpResultatsExamen::new).candidat(new Neph(JeuDeDemonstration.NEPH_A2_B)).orElseThrow();
        assertThat(lea.nom()).isEqualTo("MARTIN");
        assertThat(lea.prenoms()).isEqualTo("Léa Marie");
        assertThat(lea.reussiteLe(CategoriePermis.A2)).contains(LocalDate.of(2024, 6, 3));
        assertThat(lea.reussiteLe(CategoriePermis.B)).contains(LocalDate.of(2024, 11, 20));
        assertThat(lea.reussiteLe(CategoriePermis.C)).isEmpty();
        assertThat(SERVEUR.client(Service.EXAMENS, ClientHttpResultatsExamen::new).candidat(new Neph(JeuDeDemonstration.NEPH_SANS_REUSSITE)).orElseThrow().reussites()).isEmpty();
        assertThat(SERVEUR.client(Service.EXAMENS, ClientHttpResultatsExamen::new).candidat(new Neph(JeuDeDemonstration.NEPH_INCONNU))).isEmpty();
    }

    @Test
    void laCommandeDUnTitreEstIdempotentePuisLeTitreEstExpedieAvecUnNumeroDeSuivi() {
        DemandeFabrication demande = demande("PC-2026-000010");
        var commande = SERVEUR.client(Service.PRODUCTION, ClientHttpProductionTitres::new).commander(demande);
        assertThat(SERVEUR.client(Service.PRODUCTION, ClientHttpProductionTitres::new).commander(demande)).as("commander à nouveau : même commande").isEqualTo(commande);
        assertThat(SERVEUR.client(Service.PRODUCTION, ClientHttpProductionTitres::new).commander(demande("PC-2026-000011")).numeroCommande()).isNotEqualTo(commande.numeroCommande());

        SuiviTitre enProduction = SERVEUR.client(Service.PRODUCTION, ClientHttpProductionTitres::new).suivre(commande.numeroCommande());
        assertThat(enProduction.etape()).isEqualTo(SuiviTitre.Etape.EN_PRODUCTION);
        assertThat(enProduction.numeroSuivi()).isNull();

        SERVEUR.horloge.avancer(Duration.ofHours(2));
        SuiviTitre expedie = SERVEUR.client(Service.PRODUCTION, ClientHttpProductionTitres::new).suivre(commande.numeroCommande());
        assertThat(expedie.etape()).isEqualTo(SuiviTitre.Etape.EXPEDIE);
        assertThat(expedie.numeroSuivi()).matches("8R\\d{11}");
        assertThat(expedie.livraisonPrevueLe()).isEqualTo(expedie.expedieLe().plusDays(2));

        assertThat(catchThrowableOfType(RefusServiceExterneException.class, () -> SERVEUR.client(Service.PRODUCTION, ClientHttpProductionTitres::new).suivre("CMD-999999"))
                .refus()).isEqualTo(Refus.COMMANDE_INCONNUE);
    }

    static DemandeFabrication demande(String dossier) {
        return new DemandeFabrication(new ReferenceDossier(dossier), new Neph(JeuDeDemonstration.NEPH_B), "DUPONT",
                "Camille", LocalDate.of(2001, 4, 12), "Toulon (83)", Set.of(CategoriePermis.B),
                new CodeEphoto(JeuDeDemonstration.EPHOTO_VALIDES.getFirst()), List.of("12 rue de la République"),
                "83000", "Toulon");
    }
}
