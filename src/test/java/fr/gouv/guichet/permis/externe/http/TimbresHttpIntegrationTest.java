package fr.gouv.guichet.permis.externe.http;

import fr.gouv.fauxservices.JeuDeDemonstration;
import fr.gouv.guichet.permis.NumeroTimbre;
import fr.gouv.guichet.permis.externe.EtatTimbre;
import fr.gouv.guichet.permis.externe.EtatTimbre.StatutTimbre;
import fr.gouv.guichet.permis.externe.ReferenceDossier;
import fr.gouv.guichet.permis.externe.Refus;
import fr.gouv.guichet.permis.externe.RefusServiceExterneException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The timbre client against the demonstration server: check, reserve, consume exactly once, release. */
class TimbresHttpIntegrationTest {

    private final ServeurDeTest serveur = new ServeurDeTest();
    private final ClientHttpTimbres timbres = serveur.timbres();
    private final NumeroTimbre timbre = new NumeroTimbre(JeuDeDemonstration.TIMBRES_25_EUROS.getFirst());
    private final ReferenceDossier dossierA = new ReferenceDossier("PC-2026-000101");
    private final ReferenceDossier dossierB = new ReferenceDossier("PC-2026-000102");

    @AfterEach
    void arreter() {
        serveur.close();
    }

    @Test
    void verificationDUnTimbreValable() {
        EtatTimbre etat = timbres.verifier(timbre);
        assertThat(etat.statut()).isEqualTo(StatutTimbre.DISPONIBLE);
        assertThat(etat.montant()).isEqualByComparingTo("25");
        assertThat(etat.dateAchat()).isEqualTo(LocalDate.of(2026, 11, 28));
        assertThat(etat.valableJusquau()).isEqualTo(LocalDate.of(2027, 11, 28));
        assertThat(etat.dossier()).isNull();
        assertThat(timbres.verifier(new NumeroTimbre(JeuDeDemonstration.TIMBRE_86_EUROS)).montant()).isEqualByComparingTo("86");
    }

    @Test
    void reserverPuisConsommerUneSeuleFoisPourUnSeulDossier() {
        assertThat(timbres.reserver(timbre, dossierA).statut()).isEqualTo(StatutTimbre.RESERVE);
        assertThat(timbres.reserver(timbre, dossierA).dossier()).as("même dossier : idempotent").isEqualTo(dossierA);
        assertThat(refus(() -> timbres.reserver(timbre, dossierB))).isEqualTo(Refus.TIMBRE_RESERVE);
        assertThat(refus(() -> timbres.consommer(timbre, dossierB))).isEqualTo(Refus.TIMBRE_RESERVE);

        assertThat(timbres.consommer(timbre, dossierA).statut()).isEqualTo(StatutTimbre.CONSOMME);
        assertThat(timbres.consommer(timbre, dossierA).statut()).as("même dossier : idempotent").isEqualTo(StatutTimbre.CONSOMME);
        assertThat(refus(() -> timbres.reserver(timbre, dossierB))).isEqualTo(Refus.TIMBRE_DEJA_UTILISE);
        assertThat(timbres.liberer(timbre, dossierA).statut()).as("consommé : plus libérable").isEqualTo(StatutTimbre.CONSOMME);
        assertThat(timbres.verifier(timbre).dossier()).as("le dossier n'est dit qu'à lui-même").isNull();
    }

    @Test
    void unDossierAbandonneLibereSaReservation() {
        timbres.reserver(timbre, dossierA);
        assertThat(timbres.liberer(timbre, dossierB).statut()).as("B ne libère pas la réservation de A").isEqualTo(StatutTimbre.RESERVE);
        assertThat(timbres.liberer(timbre, dossierA).statut()).isEqualTo(StatutTimbre.DISPONIBLE);
        assertThat(timbres.liberer(timbre, dossierA).statut()).as("idempotent").isEqualTo(StatutTimbre.DISPONIBLE);
        assertThat(timbres.reserver(timbre, dossierB).dossier()).isEqualTo(dossierB);
        assertThat(refus(() -> timbres.consommer(new NumeroTimbre(JeuDeDemonstration.TIMBRES_25_EUROS.get(1)), dossierA)))
                .isEqualTo(Refus.TIMBRE_NON_RESERVE);
    }

    @Test
    void timbresExpireDejaUtiliseRembourseEtInconnuSontRefusesAvecDesMessagesDistincts() {
        List<Refus> refus = List.of(
                refus(() -> timbres.reserver(new NumeroTimbre(JeuDeDemonstration.TIMBRE_EXPIRE), dossierA)),
                refus(() -> timbres.reserver(new NumeroTimbre(JeuDeDemonstration.TIMBRE_DEJA_UTILISE), dossierA)),
                refus(() -> timbres.reserver(new NumeroTimbre(JeuDeDemonstration.TIMBRE_REMBOURSE), dossierA)),
                refus(() -> timbres.reserver(new NumeroTimbre(JeuDeDemonstration.TIMBRE_INCONNU), dossierA)),
                refus(() -> timbres.verifier(new NumeroTimbre(JeuDeDemonstration.TIMBRE_INCONNU))));
        assertThat(refus).containsExactly(Refus.TIMBRE_EXPIRE, Refus.TIMBRE_DEJA_UTILISE, Refus.TIMBRE_REMBOURSE,
                Refus.TIMBRE_INCONNU, Refus.TIMBRE_INCONNU);
        assertThat(refus.stream().distinct().map(Refus::message).distinct()).hasSize(4);
        assertThat(timbres.verifier(new NumeroTimbre(JeuDeDemonstration.TIMBRE_EXPIRE)).statut()).isEqualTo(StatutTimbre.EXPIRE);
    }

    @Test
    void unNumeroCommencantPar2525EstUnTimbreDe25EurosAVolonte() {
        NumeroTimbre aVolonte = new NumeroTimbre(JeuDeDemonstration.PREFIXE_TIMBRES_25_EUROS_A_VOLONTE + "000011112222");
        assertThat(timbres.reserver(aVolonte, dossierA).montant()).isEqualByComparingTo("25");
    }

    @Test
    void soumissionsConcurrentes_unTimbreNePaieJamaisDeuxDossiers() throws Exception {
        int dossiers = 12;
        ExecutorService executeur = Executors.newFixedThreadPool(dossiers);
        CountDownLatch depart = new CountDownLatch(1);
        try {
            List<Future<Boolean>> resultats = new ArrayList<>();
            for (int i = 0; i < dossiers; i++) {
                ReferenceDossier dossier = new ReferenceDossier("PC-2026-%06d".formatted(200 + i));
                Callable<Boolean> soumission = () -> {
                    depart.await();
                    try {
                        timbres.reserver(timbre, dossier);
                        timbres.consommer(timbre, dossier);
                        return true;
                    } catch (RefusServiceExterneException e) {
                        assertThat(e.refus()).isIn(Refus.TIMBRE_RESERVE, Refus.TIMBRE_DEJA_UTILISE);
                        return false;
                    }
                };
                resultats.add(executeur.submit(soumission));
            }
            depart.countDown();
            int payes = 0;
            for (Future<Boolean> resultat : resultats) {
                payes += resultat.get() ? 1 : 0;
            }
            assertThat(payes).isEqualTo(1);
            assertThat(timbres.verifier(timbre).statut()).isEqualTo(StatutTimbre.CONSOMME);
        } finally {
            executeur.shutdownNow();
        }
    }

    private static Refus refus(Runnable appel) {
        return catchThrowableOfType(RefusServiceExterneException.class, appel::run).refus();
    }
}
