package fr.gouv.guichet.commission;

import fr.gouv.guichet.agent.AgentConnecte;
import fr.gouv.guichet.commission.internal.SeancesCommission;
import fr.gouv.guichet.commission.internal.SeancesCommission.Inscription;
import fr.gouv.guichet.demarche.Dossier;
import fr.gouv.guichet.demarche.DossierIntrouvable;
import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.demarche.EtatDossier;
import fr.gouv.guichet.demarche.Transition;
import fr.gouv.guichet.demarche.TypeActeur;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The commission départementale de vidéoprotection of each préfecture: its sessions, their agenda, the opinions.
 * Every write takes the agent and checks, like the rest of the back office, that they instruct for the préfecture
 * concerned: otherwise the session or the dossier is "not found" (404).
 */
@Service
public class Commissions {

    public static final int LONGUEUR_MAX_LIEU = 500;
    public static final int LONGUEUR_MAX_TEXTE = 5000;
    /** A session more than two years ahead is most likely a typing error. */
    public static final int ANNEES_MAX = 2;

    private final SeancesCommission seances;
    private final Dossiers dossiers;
    private final Clock horloge;

    Commissions(SeancesCommission seances, Dossiers dossiers, Clock horloge) {
        this.seances = seances;
        this.dossiers = dossiers;
        this.horloge = horloge;
    }

    /** Sessions of the préfecture that have not started yet, soonest first. */
    public List<Seance> seancesAVenir(String codeDepartement) {
        return seances.aVenir(codeDepartement, horloge.instant());
    }

    /** The last sessions held, most recent first. */
    public List<Seance> seancesPassees(String codeDepartement, int nombre) {
        return seances.passees(codeDepartement, horloge.instant(), nombre);
    }

    /** The session, if it belongs to a préfecture of the agent. */
    public Seance seance(AgentConnecte agent, long seanceId) {
        Seance seance = seances.seance(seanceId).orElseThrow(SeanceIntrouvable::new);
        if (!agent.instruit(seance.codeDepartement())) {
            throw new SeanceIntrouvable();
        }
        return seance;
    }

    /**
     * Schedules a session.
     *
     * @param debut local time in the préfecture (Europe/Paris), in the future
     * @throws SaisieCommissionInvalide with {@code debut} / {@code lieu} messages
     */
    @Transactional
    public Seance creerSeance(AgentConnecte agent, String codeDepartement, @Nullable LocalDateTime debut, @Nullable String lieu) {
        if (!agent.instruit(codeDepartement)) {
            throw new SeanceIntrouvable();
        }
        Map<String, String> erreurs = new LinkedHashMap<>();
        Instant maintenant = horloge.instant();
        if (debut == null) {
            erreurs.put("debut", "Indiquez la date et l’heure de la séance.");
        } else if (!debut.atZone(SeancesCommission.PARIS).toInstant().isAfter(maintenant)) {
            erreurs.put("debut", "La date de la séance doit être dans le futur.");
        } else if (debut.isAfter(LocalDateTime.now(horloge.withZone(SeancesCommission.PARIS)).plusYears(ANNEES_MAX))) {
            erreurs.put("debut", "La séance doit avoir lieu dans les deux ans : vérifiez l’année.");
        }
        String texteLieu = lieu == null ? "" : lieu.strip();
        if (texteLieu.isEmpty()) {
            erreurs.put("lieu", "Indiquez le lieu de la séance.");
        } else if (texteLieu.length() > LONGUEUR_MAX_LIEU) {
            erreurs.put("lieu", "Le lieu ne doit pas dépasser " + LONGUEUR_MAX_LIEU + " caractères.");
        }
        if (!erreurs.isEmpty()) {
            throw new SaisieCommissionInvalide(erreurs);
        }
        long id = seances.creer(codeDepartement, debut.withSecond(0).withNano(0), texteLieu, agent.id(), maintenant);
        return seances.seance(id).orElseThrow();
    }

    /**
     * Puts a dossier on a session's agenda. A dossier in instruction (or authorized provisionally) goes to "en attente
     * de l’avis de la commission" (transition {@link Transition#INSCRIRE_COMMISSION} recorded, usager informed); a
     * dossier postponed by the commission (still inscribed, no opinion) moves to this session without a transition.
     * The session must be to come and of the dossier's préfecture.
     *
     * @throws SeanceIntrouvable       the session is not of a préfecture of the agent
     * @throws DossierIntrouvable      the dossier is not of a préfecture of the agent
     * @throws SaisieCommissionInvalide ({@code dossier}) the dossier cannot go on this agenda
     */
    @Transactional
    public void inscrire(AgentConnecte agent, long seanceId, long dossierId) {
        Seance seance = seance(agent, seanceId);
        Dossier dossier = dossiers.pourInstruction(dossierId).orElseThrow(DossierIntrouvable::new);
        if (!agent.instruit(dossier.codeDepartement())) {
            throw new DossierIntrouvable();
        }
        if (!dossier.codeDepartement().equals(seance.codeDepartement())) {
            throw new SaisieCommissionInvalide("dossier", "Le dossier " + dossier.numero()
                    + " relève d’une autre préfecture : il ne peut être inscrit qu’à une séance de sa propre commission.");
        }
        Instant maintenant = horloge.instant();
        if (!seance.debut().atZone(SeancesCommission.PARIS).toInstant().isAfter(maintenant)) {
            throw new SaisieCommissionInvalide("dossier", "Cette séance a déjà eu lieu : inscrivez le dossier à une séance à venir.");
        }
        Optional<Inscription> courante = seances.courantePourMiseAJour(dossierId);
        if (courante.isPresent() && courante.get().seanceId() == seanceId) {
            throw new SaisieCommissionInvalide("dossier", "Le dossier " + dossier.numero() + " est déjà inscrit à cette séance.");
        }
        if (courante.isPresent() && courante.get().avis() != null) {
            throw new SaisieCommissionInvalide("dossier", "La commission a déjà rendu son avis sur le dossier " + dossier.numero() + ".");
        }
        if (courante.isPresent() && !dossier.etat().estDecide()) {
            // Postponed by the commission to a later session: the dossier keeps its state.
        } else if (Transition.INSCRIRE_COMMISSION.possibleDepuis(dossier.etat())) {
            dossiers.appliquer(dossierId, Transition.INSCRIRE_COMMISSION, TypeActeur.AGENT, agent.id(), motif(seance));
        } else if (dossier.etat() != EtatDossier.ATTENTE_AVIS_COMMISSION) {
            // (A dossier already waiting for the commission without a session — sent there by the generic action — just gets one.)
            throw new SaisieCommissionInvalide("dossier", "Le dossier " + dossier.numero() + " est « "
                    + dossier.etat().libelleAgent().toLowerCase(Locale.FRANCE) + " » : seul un dossier en instruction "
                    + "(ou autorisé à titre provisoire) peut être inscrit à l’ordre du jour.");
        }
        seances.retirerCourante(dossierId);
        seances.inscrire(seanceId, dossierId, agent.id(), maintenant);
    }

    /** The transition's motif, as the dossier's history shows it: "séance du mardi 9 mars 2027 à 14 h 30, Salle…". */
    static String motif(Seance seance) {
        List<String> lieu = seance.lignesLieu();
        return seance.libelle() + (lieu.isEmpty() ? "" : ", " + lieu.getFirst());
    }

    /**
     * Records (or corrects, until the préfet decides) the commission's opinion on a dossier of the session's agenda,
     * once the session has started (the opinion is dated by the session, and the arrêté cannot cite a future one).
     *
     * @param texte required for {@link Avis#FAVORABLE_AVEC_RESERVES} and {@link Avis#DEFAVORABLE}
     * @throws SaisieCommissionInvalide with {@code avis} / {@code texte} / {@code dossier} messages
     */
    @Transactional
    public void enregistrerAvis(AgentConnecte agent, long seanceId, long dossierId, @Nullable Avis avis, @Nullable String texte) {
        Seance seance = seance(agent, seanceId);
        Dossier dossier = dossierInscrit(agent, seanceId, dossierId);
        if (seance.debut().atZone(SeancesCommission.PARIS).toInstant().isAfter(horloge.instant())) {
            throw new SaisieCommissionInvalide("avis", "La séance n’a pas encore commencé : l’avis pourra être enregistré à partir du "
                    + seance.jour() + " à " + seance.heure() + ".");
        }
        if (dossier.etat().estDecide()) {
            throw new SaisieCommissionInvalide("dossier", "Le préfet a déjà statué sur le dossier " + dossier.numero()
                    + " : l’avis ne peut plus être modifié.");
        }
        Map<String, String> erreurs = new LinkedHashMap<>();
        String t = texte == null || texte.isBlank() ? null : texte.strip();
        if (avis == null) {
            erreurs.put("avis", "Indiquez l’avis de la commission.");
        } else if (avis.exigeUnTexte() && t == null) {
            erreurs.put("texte", avis == Avis.DEFAVORABLE ? "Indiquez les motifs de l’avis défavorable."
                    : "Indiquez les réserves émises par la commission.");
        }
        if (t != null && t.length() > LONGUEUR_MAX_TEXTE) {
            erreurs.put("texte", "Le texte de l’avis ne doit pas dépasser 5 000 caractères.");
        }
        if (!erreurs.isEmpty()) {
            throw new SaisieCommissionInvalide(erreurs);
        }
        seances.enregistrerAvis(seanceId, dossierId, avis, t, agent.id(), horloge.instant());
    }

    /** The commission asked for one more month to give its opinion on this dossier (CSI R252-15). */
    @Transactional
    public void prorogerDelai(AgentConnecte agent, long seanceId, long dossierId) {
        seance(agent, seanceId);
        dossierInscrit(agent, seanceId, dossierId);
        seances.proroger(seanceId, dossierId);
    }

    /** The latest opinion the commission gave on the dossier, for the decision ("Vu l’avis de la commission du …"). */
    public Optional<AvisCommission> avis(long dossierId) {
        return seances.dernierAvis(dossierId);
    }

    /** When the commission's opinion is due, if the dossier was ever put on an agenda. */
    public Optional<Echeance> echeanceAvis(long dossierId) {
        return seances.echeance(dossierId);
    }

    private Dossier dossierInscrit(AgentConnecte agent, long seanceId, long dossierId) {
        Dossier dossier = dossiers.pourInstruction(dossierId).orElseThrow(DossierIntrouvable::new);
        if (!agent.instruit(dossier.codeDepartement()) || seances.courante(seanceId, dossierId).isEmpty()) {
            throw new DossierIntrouvable();
        }
        return dossier;
    }
}
