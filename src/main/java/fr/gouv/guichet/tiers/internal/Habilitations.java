package fr.gouv.guichet.tiers.internal;

import fr.gouv.guichet.demarche.Dossier;
import fr.gouv.guichet.demarche.InstructionDossiers;
import fr.gouv.guichet.demarche.Evenements.DossierTransitionne;
import fr.gouv.guichet.formulaire.Reponses;
import fr.gouv.guichet.tiers.CycleHabilitation;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Keeps the habilitated companies in step with their habilitation dossiers, in the very transaction of each
 * transition (a synchronous listener of {@link DossierTransitionne}): habilitated → the company, its manager and the
 * invitations of the collaborators named in the request; suspended, lifted, withdrawn, terminated → its status (and
 * the term of the notice of a termination).
 */
@Component
class Habilitations {

    private final InstructionDossiers dossiers;
    private final EntrepriseRepository depot;
    private final Collaborateurs collaborateurs;
    private final Clock horloge;

    Habilitations(InstructionDossiers dossiers, EntrepriseRepository depot, Collaborateurs collaborateurs, Clock horloge) {
        this.dossiers = dossiers;
        this.depot = depot;
        this.collaborateurs = collaborateurs;
        this.horloge = horloge;
    }

    @EventListener
    void transition(DossierTransitionne e) {
        if (!CycleHabilitation.estUneHabilitation(e.demarche())) {
            return;
        }
        if (e.vers().equals(CycleHabilitation.HABILITEE.code()) && e.transition().equals(CycleHabilitation.HABILITER.code())) {
            habiliter(dossiers.pourInstruction(e.dossierId()).orElseThrow());
        } else if (e.vers().equals(CycleHabilitation.HABILITEE.code())) {
            depot.changerStatut(e.dossierId(), Entreprise.Statut.HABILITEE, horloge.instant());
        } else if (e.vers().equals(CycleHabilitation.SUSPENDUE.code())) {
            depot.changerStatut(e.dossierId(), Entreprise.Statut.SUSPENDUE, horloge.instant());
        } else if (e.vers().equals(CycleHabilitation.RETIREE.code())) {
            depot.changerStatut(e.dossierId(), Entreprise.Statut.RETIREE, horloge.instant());
        } else if (e.vers().equals(CycleHabilitation.RESILIATION_NOTIFIEE.code())) {
            depot.changerStatut(e.dossierId(), Entreprise.Statut.RESILIATION_NOTIFIEE, horloge.instant());
            depot.fixerFin(e.dossierId(), Resiliations.finDuPreavis(horloge.instant()), horloge.instant());
        } else if (e.vers().equals(CycleHabilitation.RESILIEE.code())) {
            depot.changerStatut(e.dossierId(), Entreprise.Statut.RESILIEE, horloge.instant());
        }
    }

    private void habiliter(Dossier dossier) {
        Reponses r = new Reponses(dossier.reponses());
        TypeTiers type = TypeTiers.depuisReponse(r.texte("type_tiers"));
        List<String> activites = type == TypeTiers.AUTO_ECOLE ? List.of(TypeTiers.ACTIVITE_ENSEIGNEMENT) : r.liste("activites");
        long id = depot.habiliter(dossier.id(), dossier.usagerId(), r.texte("raison_sociale"), r.texte("siret").replace(" ", ""),
                type, activites, type == TypeTiers.AUTO_ECOLE ? r.texte("numero_agrement") : null, r.texte("adresse"),
                r.texte("code_postal"), r.texte("commune"), dossier.codeDepartement(), entier(r.texte("effectif")),
                entier(r.texte("volume_annuel")), horloge.instant());
        if (dossier.usagerId() != null) {
            depot.ajouterCollaborateur(id, dossier.usagerId(), "GERANT", horloge.instant());
        }
        Entreprise entreprise = depot.parId(id).orElseThrow();
        for (Map<String, String> c : r.groupes("collaborateurs")) {
            collaborateurs.inviter(entreprise, c.getOrDefault("courriel", ""), dossier.usagerId());
        }
    }

    private static int entier(String texte) {
        // Checked by the form engine (NOMBRE, bounded) before the deposit.
        return Integer.parseInt(texte.strip());
    }
}
