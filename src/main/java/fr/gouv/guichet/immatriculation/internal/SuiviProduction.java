package fr.gouv.guichet.immatriculation.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import fr.gouv.guichet.demarche.Dossier;
import fr.gouv.guichet.demarche.InstructionDossiers;
import fr.gouv.guichet.demarche.TransitionImpossible;
import fr.gouv.guichet.demarche.TypeActeur;
import fr.gouv.guichet.immatriculation.CycleImmatriculation;
import fr.gouv.guichet.immatriculation.RegistreVehicules;
import fr.gouv.guichet.immatriculation.Vehicule;
import fr.gouv.guichet.immatriculation.externe.ProductionCertificats;
import fr.gouv.guichet.immatriculation.externe.ServiceIndisponible;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;

/**
 * The card from order to shipping: ordered from the production service (idempotent by dossier), then followed until
 * it is shipped with its tracking number. A production service down leaves the dossier validated: the recurring task
 * orders it again later, nothing is lost. The usager's page also refreshes its own dossier.
 */
@Component
public class SuiviProduction {

    private static final Logger log = LoggerFactory.getLogger(SuiviProduction.class);

    private final InstructionDossiers dossiers;
    private final Demandes demandes;
    private final RegistreVehicules registre;
    private final ProductionCertificats production;
    private final org.springframework.transaction.support.TransactionTemplate transaction;
    /** The shipping is recorded in a transaction of its own, which a concurrent recording rolls back whole. */
    private final org.springframework.transaction.support.TransactionTemplate expedition;
    private final Clock horloge;

    SuiviProduction(InstructionDossiers dossiers, Demandes demandes, RegistreVehicules registre,
                    ProductionCertificats production,
                    org.springframework.transaction.PlatformTransactionManager transactions, Clock horloge) {
        this.horloge = horloge;
        this.transaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.expedition = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.expedition.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.dossiers = dossiers;
        this.demandes = demandes;
        this.registre = registre;
        this.production = production;
    }

    /** Orders the card of a validated dossier; false if the production service is unavailable (retried later). */
    @Transactional
    public boolean commander(long dossierId) {
        // One order per card: the automatic processing after validation and the scheduled pass may both reach a validated
        // dossier at once; the second waits here, then reads the state the first recorded and orders nothing.
        demandes.verrouillerCommande(dossierId);
        Dossier dossier = dossiers.pourInstruction(dossierId).orElseThrow();
        if (!dossier.etat().equals(CycleImmatriculation.VALIDE)) {
            return true;
        }
        Demandes.Demande demande = demandes.parDossier(dossierId).orElseThrow();
        if (registre.historique(demande.vehiculeId()).stream().noneMatch(o -> o.dossierId() != null && o.dossierId() == dossierId)) {
            // The register does not record this operation yet: the card would carry the former holder or address. The
            // processing after validation updates the register, then orders the card itself.
            return true;
        }
        Vehicule v = registre.parId(demande.vehiculeId()).orElseThrow();
        try {
            String commande = production.commander(new ProductionCertificats.Commande(dossier.numero(), v.immatriculation(),
                    v.titulaire().complet(), v.adresse().ligne(), v.adresse().codePostal(), v.adresse().commune()));
            demandes.noterCommande(dossierId, commande);
            dossiers.appliquer(dossierId, CycleImmatriculation.LANCER_PRODUCTION, TypeActeur.SYSTEME, 0, "commande n° " + commande);
            return true;
        } catch (ServiceIndisponible e) {
            log.warn("Production des certificats indisponible pour le dossier {} : nouvelle commande au prochain passage ({})",
                    dossier.numero(), e.getMessage());
            // The usager's page says so until the card is ordered.
            demandes.noterProductionIndisponible(dossierId, horloge.instant());
            return false;
        }
    }

    /**
     * Asks where the card of this dossier stands; records the shipping once. Outside any transaction: the production
     * service is asked without holding a connection, and the shipping is recorded in a transaction of its own. When
     * the task, another instance or another page of the usager recorded it meanwhile, the transition is refused and
     * that transaction alone is rolled back — the caller (the usager's page) goes on; before, the refusal marked the
     * page's own transaction rollback-only and the page answered 500 (CI, 2 December 2026).
     */
    public void actualiser(long dossierId) {
        Dossier dossier = dossiers.pourInstruction(dossierId).orElse(null);
        if (dossier == null || !dossier.etat().equals(CycleImmatriculation.EN_PRODUCTION)) {
            return;
        }
        Demandes.Demande demande = demandes.parDossier(dossierId).orElseThrow();
        if (demande.numeroCommande() == null) {
            return;
        }
        try {
            ProductionCertificats.Suivi suivi = production.suivre(demande.numeroCommande());
            if (suivi.expedie() && suivi.numeroSuivi() != null) {
                expedition.executeWithoutResult(s -> {
                    demandes.noterExpedition(dossierId, suivi.numeroSuivi(), suivi.expedieLe(), suivi.livraisonPrevueLe());
                    dossiers.appliquer(dossierId, CycleImmatriculation.EXPEDIER, TypeActeur.SYSTEME, 0,
                            "suivi n° " + suivi.numeroSuivi() + ", livraison prévue le " + suivi.livraisonPrevueLe());
                });
            }
        } catch (ServiceIndisponible e) {
            log.warn("Suivi de la carte du dossier {} indisponible : {}", dossier.numero(), e.getMessage());
        } catch (TransitionImpossible e) {
            // Recorded meanwhile by the task, another instance or another page: its transaction was rolled back whole.
        }
    }

    /**
     * One pass of the task {@code immatriculation-suivi-cartes} (any instance may run one while another, or the
     * processing after a validation, orders the same card: {@link #commander} serialises them).
     */
    public void passage() {
        // Through the transaction (a direct call would bypass it, and the lock of commander would not hold).
        demandes.dansLEtat(CycleImmatriculation.VALIDE.code(), 100).forEach(id -> transaction.execute(s -> commander(id)));
        demandes.dansLEtat(CycleImmatriculation.EN_PRODUCTION.code(), 200).forEach(this::actualiser);
    }

    @Configuration(proxyBeanMethods = false)
    static class Tache {
        @Bean
        RecurringTask<Void> suiviCartesImmatriculation(SuiviProduction suivi,
                                                       @Value("${guichet.immatriculation.production.intervalle-suivi:PT30S}") Duration intervalle) {
            return Tasks.recurring("immatriculation-suivi-cartes", FixedDelay.of(intervalle)).execute((instance, contexte) -> suivi.passage());
        }
    }
}
