package fr.gouv.guichet.timbre.internal;

import fr.gouv.fauxservices.JeuDeDemonstration;
import fr.gouv.fauxservices.Service;
import fr.gouv.guichet.externe.ServeurDeTest;
import fr.gouv.guichet.timbre.EtatTimbre;
import fr.gouv.guichet.timbre.EtatTimbre.StatutTimbre;
import fr.gouv.guichet.timbre.NumeroTimbre;
import fr.gouv.guichet.timbre.RefusTimbre;
import fr.gouv.guichet.timbre.TimbreRefuseException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The timbre client against the demonstration server: check, reserve, consume exactly once, release (concurrent
 * submissions: {@link PaiementsTimbresIntegrationTest}).
 */
class TimbresHttpIntegrationTest {

    private final ServeurDeTest serveur = new ServeurDeTest();
    private final ClientHttpTimbres timbres = serveur.client(Service.TIMBRES, ClientHttpTimbres::new);
    private final NumeroTimbre timbre = new NumeroTimbre(JeuDeDemonstration.TIMBRES_25_EUROS.getFirst());
    private final String dossierA = "PC-2026-000101";
    private final String dossierB = "PC-2026-000102";

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
        assertThat(refus(() -> timbres.reserver(timbre, dossierB))).isEqualTo(RefusTimbre.RESERVE);
        assertThat(refus(() -> timbres.consommer(timbre, dossierB))).isEqualTo(RefusTimbre.RESERVE);

        assertThat(timbres.consommer(timbre, dossierA).statut()).isEqualTo(StatutTimbre.CONSOMME);
        assertThat(timbres.consommer(timbre, dossierA).statut()).as("même dossier : idempotent").isEqualTo(StatutTimbre.CONSOMME);
        assertThat(refus(() -> timbres.reserver(timbre, dossierB))).isEqualTo(RefusTimbre.DEJA_UTILISE);
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
                .isEqualTo(RefusTimbre.NON_RESERVE);
    }

    @Test
    void timbresExpireDejaUtiliseRembourseEtInconnuSontRefusesAvecDesMessagesDistincts() {
        List<RefusTimbre> refus = List.of(
                refus(() -> timbres.reserver(new NumeroTimbre(JeuDeDemonstration.TIMBRE_EXPIRE), dossierA)),
                refus(() -> timbres.reserver(new NumeroTimbre(JeuDeDemonstration.TIMBRE_DEJA_UTILISE), dossierA)),
                refus(() -> timbres.reserver(new NumeroTimbre(JeuDeDemonstration.TIMBRE_REMBOURSE), dossierA)),
                refus(() -> timbres.reserver(new NumeroTimbre(JeuDeDemonstration.TIMBRE_INCONNU), dossierA)),
                refus(() -> timbres.verifier(new NumeroTimbre(JeuDeDemonstration.TIMBRE_INCONNU))));
        assertThat(refus).containsExactly(RefusTimbre.EXPIRE, RefusTimbre.DEJA_UTILISE, RefusTimbre.REMBOURSE,
                RefusTimbre.INCONNU, RefusTimbre.INCONNU);
        assertThat(refus.stream().distinct().map(RefusTimbre::message).distinct()).hasSize(4);
        assertThat(timbres.verifier(new NumeroTimbre(JeuDeDemonstration.TIMBRE_EXPIRE)).statut()).isEqualTo(StatutTimbre.EXPIRE);
    }

    @Test
    void unNumeroCommencantPar2525EstUnTimbreDe25EurosAVolonte() {
        NumeroTimbre aVolonte = new NumeroTimbre(JeuDeDemonstration.PREFIXE_TIMBRES_25_EUROS_A_VOLONTE + "000011112222");
        assertThat(timbres.reserver(aVolonte, dossierA).montant()).isEqualByComparingTo("25");
    }

    private static RefusTimbre refus(Runnable appel) {
        return catchThrowableOfType(TimbreRefuseException.class, appel::run).refus();
    }
}
