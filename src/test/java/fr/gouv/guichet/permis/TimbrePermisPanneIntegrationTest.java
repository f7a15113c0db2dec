package fr.gouv.guichet.permis;

import fr.gouv.guichet.demarche.Dossier;
import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.externe.ServiceExterneIndisponibleException;
import fr.gouv.guichet.support.ComptesDeTest;
import fr.gouv.guichet.support.TestGuichet;
import fr.gouv.guichet.timbre.BaremeTimbres;
import fr.gouv.guichet.timbre.EtatTimbre;
import fr.gouv.guichet.timbre.NumeroTimbre;
import fr.gouv.guichet.timbre.PaiementsTimbres;
import fr.gouv.guichet.timbre.ServiceTimbres;
import fr.gouv.guichet.timbre.internal.UtilisationsTimbres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Clock;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The timbre service is down when the usager validates: a clear French message, the draft and its answers kept, nothing held. */
@TestGuichet
class TimbrePermisPanneIntegrationTest {

    @Autowired
    UtilisationsTimbres utilisations;
    @Autowired
    Dossiers dossiers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encodeur;
    @Autowired
    Clock horloge;

    static final class ServiceEnPanne implements ServiceTimbres {
        private ServiceExterneIndisponibleException panne() {
            return new ServiceExterneIndisponibleException(SYSTEME, "délai de réponse dépassé");
        }

        @Override
        public EtatTimbre verifier(NumeroTimbre numero) {
            throw panne();
        }

        @Override
        public EtatTimbre reserver(NumeroTimbre numero, String dossier) {
            throw panne();
        }

        @Override
        public EtatTimbre consommer(NumeroTimbre numero, String dossier) {
            throw panne();
        }

        @Override
        public EtatTimbre liberer(NumeroTimbre numero, String dossier) {
            throw panne();
        }
    }

    @Test
    void serviceDesTimbresEnPanne_messageClair_brouillonIntact_aucunTimbreTenu() {
        TimbrePermis timbre = new TimbrePermis(new PaiementsTimbres(new ServiceEnPanne(), BaremeTimbres.charger(), utilisations, horloge));
        ComptesDeTest.Compte compte = new ComptesDeTest(jdbc, encodeur).usager("83");
        String numero = "2525000011112222";
        long id = dossiers.creerBrouillon(compte.id(), "83", DemarchePermis.PERTE.code(), DemarchePermis.PERTE.formulaire(), "1",
                ReponsesPermisDeTest.valides(DemarchePermis.PERTE, "DEMOEPHOTOVALIDE000001", numero, "Dupont"), null, null);
        Dossier brouillon = dossiers.deLUsager(id, compte.id()).orElseThrow();

        Optional<String> message = timbre.reserver(DemarchePermis.PERTE, brouillon);

        assertThat(message).contains("Nous n'arrivons pas à joindre le service des timbres fiscaux électroniques pour le moment. "
                + "Ce que vous avez saisi est conservé : réessayez dans quelques minutes, ou revenez plus tard à votre brouillon.");
        Dossier apres = dossiers.deLUsager(id, compte.id()).orElseThrow();
        assertThat(apres.estBrouillon()).isTrue();
        assertThat(apres.reponses()).containsEntry("numero_timbre", numero);
        assertThat(timbre.duDossier(apres)).isEmpty();
    }
}
