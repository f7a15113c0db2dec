package fr.gouv.guichet.timbre.internal;

import fr.gouv.fauxservices.JeuDeDemonstration;
import fr.gouv.fauxservices.Pannes.Mode;
import fr.gouv.fauxservices.Service;
import fr.gouv.guichet.externe.ServeurDeTest;
import fr.gouv.guichet.externe.ServiceExterneIndisponibleException;
import fr.gouv.guichet.support.TestGuichet;
import fr.gouv.guichet.timbre.BaremeTimbres;
import fr.gouv.guichet.timbre.EtatTimbre;
import fr.gouv.guichet.timbre.EtatTimbre.StatutTimbre;
import fr.gouv.guichet.timbre.NumeroTimbre;
import fr.gouv.guichet.timbre.PaiementsTimbres;
import fr.gouv.guichet.timbre.RefusTimbre;
import fr.gouv.guichet.timbre.ServiceTimbres;
import fr.gouv.guichet.timbre.TimbreRefuseException;
import fr.gouv.guichet.timbre.UtilisationTimbre;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Paying with a timbre, exactly once, recorded in Guichet's database: amount from a dated table by motif, then
 * reserve, consume, release through the real client and the demonstration server; concurrent submissions.
 */
@TestGuichet
class PaiementsTimbresIntegrationTest {

    static final BaremeTimbres BAREME = BaremeTimbres.lire(new ByteArrayResource("""
            motif;montant;du;au;source
            ESSAI_25;25.00;2017-01-01;;essai
            ESSAI_GRATUIT;0.00;2017-01-01;;essai
            """.getBytes(StandardCharsets.UTF_8)));

    @Autowired
    UtilisationsTimbres utilisations;
    @Autowired
    JdbcClient jdbc;

    private final ServeurDeTest serveur = new ServeurDeTest();
    private final ClientHttpTimbres client = serveur.client(Service.TIMBRES, ClientHttpTimbres::new);

    @AfterEach
    void arreter() {
        serveur.close();
    }

    private PaiementsTimbres paiements(ServiceTimbres service) {
        return new PaiementsTimbres(service, BAREME, utilisations, serveur.horloge);
    }

    /** A 25 € timbre of the demonstration server no other test has used (the database is shared). */
    private static NumeroTimbre neuf() {
        return new NumeroTimbre(JeuDeDemonstration.PREFIXE_TIMBRES_25_EUROS_A_VOLONTE
                + "%012d".formatted(ThreadLocalRandom.current().nextLong(1_000_000_000_000L)));
    }

    private static String dossier() {
        return "ESSAI-" + ThreadLocalRandom.current().nextLong(1_000_000_000L);
    }

    @Test
    void reserverPuisConsommerUneSeuleFois_unAutreDossierEstRefuseParGuichetSansAppelerLeService() {
        PaiementsTimbres paiements = paiements(client);
        NumeroTimbre timbre = neuf();
        String a = dossier();
        assertThat(paiements.montantDu("ESSAI_25")).isEqualByComparingTo("25");
        assertThat(paiements.reserver("ESSAI_25", timbre, a).statut()).isEqualTo(StatutTimbre.RESERVE);
        assertThat(paiements.reserver("ESSAI_25", timbre, a).statut()).as("même dossier : idempotent").isEqualTo(StatutTimbre.RESERVE);
        assertThat(refus(() -> paiements.reserver("ESSAI_25", timbre, dossier()))).isEqualTo(RefusTimbre.RESERVE);

        paiements.consommer(timbre, a);
        long requetes = serveur.serveur.requetes(Service.TIMBRES);
        paiements.consommer(timbre, a);
        assertThat(serveur.serveur.requetes(Service.TIMBRES)).as("consommé une fois : rien n'est refait").isEqualTo(requetes);
        assertThat(refus(() -> paiements.reserver("ESSAI_25", timbre, dossier()))).isEqualTo(RefusTimbre.DEJA_UTILISE);
        assertThat(serveur.serveur.requetes(Service.TIMBRES)).as("refusé par la table de Guichet").isEqualTo(requetes);
        paiements.liberer(timbre, a);
        assertThat(paiements.duDossier(a)).get().extracting(UtilisationTimbre::statut).isEqualTo(UtilisationTimbre.Statut.CONSOMME);
        assertThat(client.verifier(timbre).statut()).isEqualTo(StatutTimbre.CONSOMME);
    }

    @Test
    void unDossierAbandonneRendSonTimbre() {
        PaiementsTimbres paiements = paiements(client);
        NumeroTimbre timbre = neuf();
        String a = dossier();
        String b = dossier();
        paiements.reserver("ESSAI_25", timbre, a);
        paiements.liberer(timbre, b);
        assertThat(refus(() -> paiements.reserver("ESSAI_25", timbre, b))).as("B ne libère pas le timbre de A")
                .isEqualTo(RefusTimbre.RESERVE);
        paiements.liberer(timbre, a);
        assertThat(paiements.duDossier(a)).isEmpty();
        assertThat(paiements.reserver("ESSAI_25", timbre, b).dossier()).isEqualTo(b);
        assertThat(refus(() -> paiements.consommer(timbre, a))).isEqualTo(RefusTimbre.NON_RESERVE);
    }

    @Test
    void montantFauxOuDemarcheGratuite_rienNEstReserve() {
        PaiementsTimbres paiements = paiements(client);
        NumeroTimbre passeport = new NumeroTimbre(JeuDeDemonstration.TIMBRE_86_EUROS);
        String a = dossier();
        TimbreRefuseException refus = catchThrowableOfType(TimbreRefuseException.class,
                () -> paiements.reserver("ESSAI_25", passeport, a));
        assertThat(refus.refus()).isEqualTo(RefusTimbre.MONTANT);
        assertThat(refus.messageUsager()).contains("montant");
        assertThat(client.verifier(passeport).statut()).isEqualTo(StatutTimbre.DISPONIBLE);
        assertThat(paiements.duDossier(a)).isEmpty();
        assertThatThrownBy(() -> paiements.reserver("ESSAI_GRATUIT", neuf(), a)).isInstanceOf(IllegalStateException.class);
        assertThat(paiements.duDossier(a)).isEmpty();
    }

    @Test
    void refusOuPanneDuService_laLigneEstRendueEtLUsagerPeutReessayer() {
        PaiementsTimbres paiements = paiements(client);
        String a = dossier();
        assertThat(refus(() -> paiements.reserver("ESSAI_25", new NumeroTimbre(JeuDeDemonstration.TIMBRE_DEJA_UTILISE), a)))
                .isEqualTo(RefusTimbre.DEJA_UTILISE);
        assertThat(refus(() -> paiements.reserver("ESSAI_25", new NumeroTimbre(JeuDeDemonstration.TIMBRE_EXPIRE), a)))
                .isEqualTo(RefusTimbre.EXPIRE);
        assertThat(paiements.duDossier(a)).isEmpty();

        NumeroTimbre timbre = neuf();
        client.verifier(timbre);
        serveur.serveur.pannes().programmer(Service.TIMBRES, Mode.INDISPONIBLE, 3);
        assertThatThrownBy(() -> paiements.reserver("ESSAI_25", timbre, a)).isInstanceOf(ServiceExterneIndisponibleException.class);
        assertThat(paiements.duDossier(a)).as("rien de tenu pendant la panne").isEmpty();
        serveur.serveur.pannes().reparer();
        assertThat(paiements.reserver("ESSAI_25", timbre, a).statut()).isEqualTo(StatutTimbre.RESERVE);
    }

    @Test
    void soumissionsConcurrentes_avecLeServiceDeDemonstration_unSeulDossierPaie() throws Exception {
        assertThat(concurrence(paiements(client), neuf())).isEqualTo(1);
    }

    /** Even a timbre service that would accept every dossier (lagging replica, bug): the table lets one pay. */
    @Test
    void soumissionsConcurrentes_avecUnServiceQuiAccepteTout_laTableDeGuichetNeLaissePayerQuUnDossier() throws Exception {
        NumeroTimbre timbre = neuf();
        assertThat(concurrence(paiements(new ServiceQuiAccepteTout()), timbre)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from timbre_utilisation where numero = ? and statut = 'CONSOMME'")
                .param(timbre.valeur()).query(Long.class).single()).isEqualTo(1);
    }

    private static int concurrence(PaiementsTimbres paiements, NumeroTimbre timbre) throws Exception {
        int dossiers = 12;
        ExecutorService executeur = Executors.newFixedThreadPool(dossiers);
        CountDownLatch depart = new CountDownLatch(1);
        try {
            List<Future<Boolean>> resultats = new ArrayList<>();
            for (int i = 0; i < dossiers; i++) {
                String dossier = dossier();
                Callable<Boolean> soumission = () -> {
                    depart.await();
                    try {
                        paiements.reserver("ESSAI_25", timbre, dossier);
                        paiements.consommer(timbre, dossier);
                        return true;
                    } catch (TimbreRefuseException e) {
                        assertThat(e.refus()).isIn(RefusTimbre.RESERVE, RefusTimbre.DEJA_UTILISE);
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
            return payes;
        } finally {
            executeur.shutdownNow();
        }
    }

    private static RefusTimbre refus(Runnable appel) {
        return catchThrowableOfType(TimbreRefuseException.class, appel::run).refus();
    }

    private static final class ServiceQuiAccepteTout implements ServiceTimbres {
        @Override
        public EtatTimbre verifier(NumeroTimbre numero) {
            return etat(numero, StatutTimbre.DISPONIBLE, null);
        }

        @Override
        public EtatTimbre reserver(NumeroTimbre numero, String dossier) {
            return etat(numero, StatutTimbre.RESERVE, dossier);
        }

        @Override
        public EtatTimbre consommer(NumeroTimbre numero, String dossier) {
            return etat(numero, StatutTimbre.CONSOMME, dossier);
        }

        @Override
        public EtatTimbre liberer(NumeroTimbre numero, String dossier) {
            return etat(numero, StatutTimbre.DISPONIBLE, null);
        }

        private static EtatTimbre etat(NumeroTimbre numero, StatutTimbre statut, String dossier) {
            return new EtatTimbre(numero, statut, new BigDecimal("25.00"), LocalDate.of(2026, 11, 30),
                    LocalDate.of(2027, 11, 30), dossier);
        }
    }
}
