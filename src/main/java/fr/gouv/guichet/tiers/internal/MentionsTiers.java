package fr.gouv.guichet.tiers.internal;

import fr.gouv.guichet.demarche.MentionsDossier;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * On a dossier a company filed for a client, what is recorded, neutrally: who filed it for whom, with which mandate,
 * and the client's objection if any. Shown on the dossier's pages (usager and agent) through {@code demarche}'s
 * extension point.
 */
@Component
class MentionsTiers implements MentionsDossier {

    private final DepotRepository depots;
    private final EntrepriseRepository entreprises;
    private final ProceduresOuvertes ouvertes;

    MentionsTiers(DepotRepository depots, EntrepriseRepository entreprises, ProceduresOuvertes ouvertes) {
        this.depots = depots;
        this.entreprises = entreprises;
        this.ouvertes = ouvertes;
    }

    @Override
    public boolean concerne(String demarche) {
        return ouvertes.ouverteAUneActivite(demarche);
    }

    @Override
    public List<String> mentions(long dossierId) {
        Depot d = depots.parDossier(dossierId).orElse(null);
        if (d == null) {
            return List.of();
        }
        Entreprise e = entreprises.parId(d.entreprise()).orElseThrow();
        List<String> mentions = new ArrayList<>();
        mentions.add("Déposé par " + e.raisonSociale() + " (" + e.type().libelle().toLowerCase(java.util.Locale.ROOT) + ", SIRET "
                + e.siret() + ") pour le compte de " + d.client() + ", le " + Convention.DATE.format(d.deposeLe()) + ", avec un mandat "
                + (d.mandatMode().equals("TELEVERSE") ? "signé joint au dossier." : "signé à l’écran par " + d.client() + "."));
        if (d.opposeLe() != null) {
            mentions.add("Le client s’est opposé à ce dépôt le " + Convention.DATE.format(d.opposeLe())
                    + (d.motifOpposition() == null || d.motifOpposition().isBlank() ? "." : " : « " + d.motifOpposition() + " »."));
        }
        return mentions;
    }
}
