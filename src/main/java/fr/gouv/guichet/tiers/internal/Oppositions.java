package fr.gouv.guichet.tiers.internal;

import fr.gouv.guichet.demarche.InstructionDossiers;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Optional;

/**
 * The client's side of a deposit made in their name: the link e-mailed to them (a single-purpose token, only its
 * SHA-256 is stored) shows the dossier and lets them object, once. The objection is recorded, raises a signal (fraud
 * rules) and is e-mailed to the instructing service.
 */
@Service
public class Oppositions {

    public static final int MOTIF_MAX = 2000;

    private final DepotRepository depots;
    private final EntrepriseRepository entreprises;
    private final ControlesFraude controles;
    private final InstructionDossiers dossiers;
    private final ApplicationEventPublisher evenements;
    private final Clock horloge;

    Oppositions(DepotRepository depots, EntrepriseRepository entreprises, ControlesFraude controles,
                InstructionDossiers dossiers,
                ApplicationEventPublisher evenements, Clock horloge) {
        this.depots = depots;
        this.entreprises = entreprises;
        this.controles = controles;
        this.dossiers = dossiers;
        this.evenements = evenements;
        this.horloge = horloge;
    }

    /** The deposit behind this link, if the token is one. */
    public Optional<Depot> depot(String jeton) {
        return Jetons.forme(jeton) ? depots.parJeton(Jetons.empreinte(jeton)) : Optional.empty();
    }

    public Entreprise entreprise(Depot depot) {
        return entreprises.parId(depot.entreprise()).orElseThrow();
    }

    /** Records the objection; false when it was already recorded (nothing changes then). */
    @Transactional
    public boolean opposer(Depot depot, String motif) {
        String texte = motif.strip();
        if (texte.length() > MOTIF_MAX) {
            throw new IllegalArgumentException("Motif trop long");
        }
        if (!depots.opposer(depot.id(), texte, horloge.instant())) {
            return false;
        }
        Depot oppose = depots.parId(depot.id()).orElseThrow();
        Entreprise entreprise = entreprise(oppose);
        controles.apresOpposition(entreprise, oppose);
        evenements.publishEvent(new EvenementsTiers.OppositionClient(oppose.id(), oppose.dossier(),
                dossiers.service(oppose.dossier()).orElseThrow(), String.valueOf(oppose.numero()), entreprise.raisonSociale(), texte));
        return true;
    }
}
