package fr.gouv.guichet.permis.externe.http;

import fr.gouv.fauxservices.JeuDeDemonstration;
import fr.gouv.guichet.permis.BaremeTimbres;
import fr.gouv.guichet.permis.DemarchePermis;
import fr.gouv.guichet.permis.NumeroTimbre;
import fr.gouv.guichet.permis.PaiementTimbre;
import fr.gouv.guichet.permis.externe.EtatTimbre.StatutTimbre;
import fr.gouv.guichet.permis.externe.ReferenceDossier;
import fr.gouv.guichet.permis.externe.Refus;
import fr.gouv.guichet.permis.externe.RefusServiceExterneException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Paying a loss with a timbre: amount from the dated table, then reserve, consume, release through the real client. */
class PaiementTimbreIntegrationTest {

    private final ServeurDeTest serveur = new ServeurDeTest();
    private final PaiementTimbre paiement = new PaiementTimbre(serveur.timbres(), BaremeTimbres.charger(), serveur.horloge);
    private final ReferenceDossier dossier = new ReferenceDossier("PC-2026-000401");

    @AfterEach
    void arreter() {
        serveur.close();
    }

    @Test
    void unePerteSePaieAvecUnTimbreDe25EurosConsommePourUnSeulDossier() {
        NumeroTimbre timbre = new NumeroTimbre(JeuDeDemonstration.TIMBRES_25_EUROS.getFirst());
        assertThat(paiement.montantDu(DemarchePermis.PERTE)).isEqualByComparingTo("25");
        assertThat(paiement.reserver(DemarchePermis.PERTE, timbre, dossier).statut()).isEqualTo(StatutTimbre.RESERVE);
        assertThat(paiement.consommer(timbre, dossier).statut()).isEqualTo(StatutTimbre.CONSOMME);
        assertThat(catchThrowableOfType(RefusServiceExterneException.class, () -> paiement.reserver(DemarchePermis.VOL,
                timbre, new ReferenceDossier("PC-2026-000402"))).refus()).isEqualTo(Refus.TIMBRE_DEJA_UTILISE);
    }

    @Test
    void unTimbreDUnAutreMontantEstRefuseSansEtreReserve() {
        NumeroTimbre passeport = new NumeroTimbre(JeuDeDemonstration.TIMBRE_86_EUROS);
        RefusServiceExterneException refus = catchThrowableOfType(RefusServiceExterneException.class,
                () -> paiement.reserver(DemarchePermis.PERTE, passeport, dossier));
        assertThat(refus.refus()).isEqualTo(Refus.TIMBRE_MONTANT);
        assertThat(refus.messageUsager()).contains("montant");
        assertThat(serveur.timbres().verifier(passeport).statut()).isEqualTo(StatutTimbre.DISPONIBLE);
    }

    @Test
    void uneDemarcheGratuiteNeReserveAucunTimbre() {
        assertThatThrownBy(() -> paiement.reserver(DemarchePermis.DETERIORATION,
                new NumeroTimbre(JeuDeDemonstration.TIMBRES_25_EUROS.getFirst()), dossier))
                .isInstanceOf(IllegalStateException.class);
        assertThat(serveur.timbres().verifier(new NumeroTimbre(JeuDeDemonstration.TIMBRES_25_EUROS.getFirst())).statut())
                .isEqualTo(StatutTimbre.DISPONIBLE);
    }

    @Test
    void unDossierAbandonneRendSonTimbre() {
        NumeroTimbre timbre = new NumeroTimbre(JeuDeDemonstration.TIMBRES_25_EUROS.get(1));
        paiement.reserver(DemarchePermis.VOL, timbre, dossier);
        assertThat(paiement.liberer(timbre, dossier).statut()).isEqualTo(StatutTimbre.DISPONIBLE);
        assertThat(paiement.reserver(DemarchePermis.VOL, timbre, new ReferenceDossier("PC-2026-000403")).statut())
                .isEqualTo(StatutTimbre.RESERVE);
    }
}
