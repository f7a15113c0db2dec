package fr.gouv.guichet.permis.internal;

import fr.gouv.guichet.demarche.Dossier;
import fr.gouv.guichet.demarche.EtapeAvantDepot;
import fr.gouv.guichet.demarche.Evenements.BrouillonSupprime;
import fr.gouv.guichet.demarche.Evenements.DossierDepose;
import fr.gouv.guichet.demarche.InstructionDossiers;
import fr.gouv.guichet.formulaire.CatalogueFormulaires;
import fr.gouv.guichet.permis.DemarchePermis;
import fr.gouv.guichet.permis.PhotoPermis;
import fr.gouv.guichet.permis.TimbrePermis;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The licence's steps in the generic journey: the photo confirmed before the recap, the timbre reserved when the
 * usager validates ({@link EtapeAvantDepot}); at the deposit, the NEPH of an inscription (in the deposit's
 * transaction: shown with the number) and, after it, the timbre consumed once; a deleted draft releases its timbre.
 */
@Component
class EtapesPermis implements EtapeAvantDepot {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** The form page with the code and the timbre. */
    static final String PAGE_PHOTO_PAIEMENT = "photo-paiement";

    private final PhotoPermis photo;
    private final TimbrePermis timbre;
    private final DonneesPermis donnees;
    private final CatalogueFormulaires catalogue;
    private final InstructionDossiers dossiers;
    private final Clock horloge;

    EtapesPermis(PhotoPermis photo, TimbrePermis timbre, DonneesPermis donnees, CatalogueFormulaires catalogue,
                 InstructionDossiers dossiers, Clock horloge) {
        this.photo = photo;
        this.timbre = timbre;
        this.donnees = donnees;
        this.catalogue = catalogue;
        this.dossiers = dossiers;
        this.horloge = horloge;
    }

    @Override
    public Optional<String> pageAFaire(Dossier brouillon) {
        if (DemarchePermis.depuisCode(brouillon.demarche()).isEmpty() || photo.confirmee(brouillon)) {
            return Optional.empty();
        }
        return Optional.of("/usager/permis/dossiers/" + brouillon.id() + "/photo");
    }

    @Override
    public Optional<Renvoi> avantDepot(Dossier brouillon) {
        return DemarchePermis.depuisCode(brouillon.demarche())
                .flatMap(d -> timbre.reserver(d, brouillon))
                .map(message -> new Renvoi(pagePaiement(brouillon), message));
    }

    /** The form page where the timbre is typed. */
    String pagePaiement(Dossier dossier) {
        int page = catalogue.get(dossier.formulaireId(), dossier.formulaireVersion()).indexDePage(PAGE_PHOTO_PAIEMENT) + 1;
        return "/usager/dossiers/" + dossier.id() + "/pages/" + Math.max(page, 1);
    }

    /** In the deposit's transaction: the NEPH is durable with the number, and the accusé de réception can state it. */
    @EventListener
    void nephALInscription(DossierDepose depose) {
        if (DemarchePermis.INSCRIPTION.code().equals(depose.demarche())) {
            Dossier dossier = dossiers.pourInstruction(depose.dossierId()).orElseThrow();
            donnees.attribuerNeph(dossier.id(), YearMonth.now(horloge.withZone(PARIS)), dossier.codeDepartement(), horloge.instant());
        }
    }

    /** After the deposit, from the outbox (retried until the timbre service answers): consumed once. */
    @ApplicationModuleListener(condition = DemarchePermis.SI_EVENEMENT_DU_PERMIS)
    void consommerLeTimbre(DossierDepose depose) {
        if (DemarchePermis.estDuPermis(depose.demarche())) {
            dossiers.pourInstruction(depose.dossierId()).ifPresent(timbre::consommer);
        }
    }

    @ApplicationModuleListener(condition = DemarchePermis.SI_EVENEMENT_DU_PERMIS)
    void libererLeTimbre(BrouillonSupprime supprime) {
        if (DemarchePermis.estDuPermis(supprime.demarche())) {
            timbre.liberer(supprime.dossierId());
        }
    }
}
