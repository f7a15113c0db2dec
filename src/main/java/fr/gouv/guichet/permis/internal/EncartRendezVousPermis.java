package fr.gouv.guichet.permis.internal;

import fr.gouv.guichet.demarche.Dossier;
import fr.gouv.guichet.instruction.EncartDossier;
import fr.gouv.guichet.permis.DemarchePermis;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The appointment in préfecture of a non-EU exchange, on the préfecture agent's dossier page. */
@Component
class EncartRendezVousPermis implements EncartDossier {

    /**
     * What the fragment shows: the active appointment as a sentence, or null when none is booked, and the link to the
     * préfecture's appointments of that day.
     */
    record Donnees(@Nullable String rendezVous, @Nullable String lienJour) {
    }

    private final RendezVousPrefecture rendezVous;

    EncartRendezVousPermis(RendezVousPrefecture rendezVous) {
        this.rendezVous = rendezVous;
    }

    @Override
    public boolean concerne(Dossier dossier) {
        return DemarchePermis.depuisCode(dossier.demarche()).map(DemarchePermis::rendezVousEnPrefecture).orElse(false);
    }

    @Override
    public String gabarit() {
        return "permis/rendez-vous-agent";
    }

    @Override
    public Donnees donnees(Dossier dossier) {
        var actif = rendezVous.actif(dossier.id());
        return new Donnees(actif.map(r -> CourrielsRendezVousPermis.QUAND.format(r.debut()) + " (guichet " + r.guichet() + ")").orElse(null),
                actif.map(r -> "/agent/services/" + r.service() + "/rendez-vous-permis?jour=" + r.debut().toLocalDate()).orElse(null));
    }
}
