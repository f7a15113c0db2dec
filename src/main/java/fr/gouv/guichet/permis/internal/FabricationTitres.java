package fr.gouv.guichet.permis.internal;

import fr.gouv.guichet.demarche.Dossier;
import fr.gouv.guichet.demarche.InstructionDossiers;
import fr.gouv.guichet.demarche.TransitionImpossible;
import fr.gouv.guichet.demarche.TypeActeur;
import fr.gouv.guichet.permis.CyclePermis;
import fr.gouv.guichet.permis.externe.CommandeTitre;
import fr.gouv.guichet.permis.externe.ProductionTitres;
import fr.gouv.guichet.permis.externe.RefusServiceExterneException;
import fr.gouv.guichet.externe.ServiceExterneIndisponibleException;
import fr.gouv.guichet.permis.externe.SuiviTitre;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A validated title, from the order to the shipping (issue 12, point 10). The request is recorded when the CERT
 * validates (through the outbox, {@link DemandesFabrication}); each attempt then calls the production service outside
 * any transaction — ordering (idempotent: the dossier's number is the order's key, and the client sends one
 * idempotency key for all retries of a call), then following the order until it is shipped — and records what it
 * learnt with the lifecycle's system transitions ({@link CyclePermis#LANCER_PRODUCTION}, {@link CyclePermis#EXPEDIER}),
 * whose rows the usager reads in their timeline with the expected dates. A failure is recorded on the row (the agent
 * reads it) and the {@code permis-fabrication} task tries again: nothing is lost.
 */
@Service
class FabricationTitres {

    private static final Logger LOG = LoggerFactory.getLogger(FabricationTitres.class);
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRANCE);
    /** No second attempt on one dossier within this time (the call's own timeouts and retries are shorter). */
    static final Duration BAIL = Duration.ofSeconds(10);

    private final FabricationsRepository fabrications;
    private final InstructionDossiers dossiers;
    private final ProductionTitres production;
    private final TransactionTemplate transaction;
    private final Clock horloge;

    FabricationTitres(FabricationsRepository fabrications, InstructionDossiers dossiers, ProductionTitres production,
                      PlatformTransactionManager transactions, Clock horloge) {
        this.fabrications = fabrications;
        this.dossiers = dossiers;
        this.production = production;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.horloge = horloge;
    }

    /** Records that the title of this validated dossier is to be produced (again: nothing changes). */
    void demander(long dossierId) {
        transaction.executeWithoutResult(s -> fabrications.demander(dossierId, horloge.instant()));
    }

    /** One attempt for every title not shipped yet (the scheduled task); returns the number of attempts. */
    int avancerEnCours() {
        int tentatives = 0;
        for (long id : fabrications.aAvancer(horloge.instant(), BAIL, 100)) {
            tentatives += avancer(id) ? 1 : 0;
        }
        return tentatives;
    }

    /**
     * One attempt: orders the title, or asks where the order stands, and records the answer; an unreachable or refusing
     * service leaves the reason on the row. Returns false when another attempt holds the dossier.
     */
    boolean avancer(long dossierId) {
        Instant maintenant = horloge.instant();
        if (!Boolean.TRUE.equals(transaction.execute(s -> fabrications.prendre(dossierId, maintenant, BAIL)))) {
            return false;
        }
        Fabrication f = fabrications.de(dossierId).orElseThrow();
        Dossier dossier = dossiers.pourInstruction(dossierId).orElseThrow();
        try {
            if (!f.commandee()) {
                CommandeTitre commande = production.commander(ReponsesPermis.de(dossier).demandeFabrication(dossier));
                transaction.executeWithoutResult(s -> {
                    fabrications.commandee(dossierId, commande, horloge.instant());
                    systeme(dossierId, dossier, CyclePermis.LANCER_PRODUCTION, "commande n° " + commande.numeroCommande()
                            + " ; fabrication prévue le " + DATE.format(commande.productionPrevueLe()));
                });
            } else {
                SuiviTitre suivi = production.suivre(f.numeroCommande());
                transaction.executeWithoutResult(s -> {
                    fabrications.suivie(dossierId, suivi);
                    if (suivi.etape() == SuiviTitre.Etape.EXPEDIE) {
                        systeme(dossierId, dossier, CyclePermis.EXPEDIER, "envoi suivi n° " + suivi.numeroSuivi() + " le "
                                + DATE.format(suivi.expedieLe()) + " ; livraison prévue le " + DATE.format(suivi.livraisonPrevueLe()));
                    }
                });
            }
        } catch (ServiceExterneIndisponibleException e) {
            LOG.warn("Fabrication du titre du dossier {} : {}", dossier.numero(), e.getMessage());
            echec(dossierId, "Le service de fabrication des titres ne répond pas. La demande est conservée : elle sera "
                    + "renvoyée automatiquement, sans risque de doublon.");
        } catch (RefusServiceExterneException e) {
            echec(dossierId, "Le service de fabrication a refusé la demande : " + e.refus().message());
        } catch (ReponsesPermis.DonneesIncompletes e) {
            echec(dossierId, e.getMessage());
        }
        return true;
    }

    /** Fires a system transition if the dossier still stands before it (another attempt may have fired it). */
    private void systeme(long dossierId, Dossier lu, fr.gouv.guichet.demarche.Transition transition, String motif) {
        Dossier actuel = dossiers.pourInstruction(dossierId).orElse(lu);
        if (!transition.possibleDepuis(actuel.etat())) {
            return;
        }
        try {
            dossiers.appliquer(dossierId, transition, TypeActeur.SYSTEME, 0, motif);
        } catch (TransitionImpossible e) {
            LOG.info("Dossier {} : {} déjà enregistrée par une autre tentative", lu.numero(), transition.code());
        }
    }

    private void echec(long dossierId, String raison) {
        transaction.executeWithoutResult(s -> fabrications.echec(dossierId, raison, horloge.instant()));
    }
}
