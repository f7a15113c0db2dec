package fr.gouv.guichet.permis.internal;

import fr.gouv.guichet.demarche.Dossier;
import fr.gouv.guichet.instruction.EncartDossier;
import fr.gouv.guichet.permis.DemarchePermis;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The appointment in préfecture of a non-EU exchange, on the préfecture agent's dossier page. */
@Component
class EncartRendezVousPermis implements EncartDossier {

    /** What the fragment shows: the active appointment as a sentence, or null when none is booked. */
    record Donnees(@Nullable String rendezVous) {
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
        return new Donnees(rendezVous.actif(dossier.id())
                .map(r -> CourrielsRendezVousPermis.QUAND.format(r.debut()) + " (guichet " + r.guichet() + ")").orElse(null));
    }
}
