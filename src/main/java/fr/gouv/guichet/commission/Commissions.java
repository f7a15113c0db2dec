package fr.gouv.guichet.commission;

import fr.gouv.guichet.agent.AgentConnecte;
import fr.gouv.guichet.commission.internal.SeancesCommission;
import fr.gouv.guichet.commission.internal.SeancesCommission.Inscription;
import fr.gouv.guichet.demarche.Dossier;
import fr.gouv.guichet.demarche.DossierIntrouvable;
import fr.gouv.guichet.demarche.InstructionDossiers;
import fr.gouv.guichet.demarche.TypeActeur;
import fr.gouv.guichet.videoprotection.CycleVideoprotection;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
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
    private final InstructionDossiers dossiers;
    private final Clock horloge;

    Commissions(SeancesCommission seances, InstructionDossiers dossiers, Clock horloge) {
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
     * Schedules a session, or records one already held (to record the opinions it gave); recorded in its history.
     *
     * @param debut local time in the préfecture (Europe/Paris), within two years either way
     * @throws SaisieCommissionInvalide with {@code debut} / {@code lieu} messages
     */
    @Transactional
    public Seance creerSeance(AgentConnecte agent, String codeDepartement, @Nullable LocalDateTime debut, @Nullable String lieu) {
        if (!agent.instruit(codeDepartement)) {
            throw new SeanceIntrouvable();
        }
        String texteLieu = valider(debut, lieu, Map.of());
        Instant maintenant = horloge.instant();
        long id = seances.creer(codeDepartement, debut.withSecond(0).withNano(0), texteLieu, agent.id(), maintenant);
        Seance seance = seances.seance(id).orElseThrow();
        seances.journaliser(id, "CREATION", "Séance créée : " + seance.libelle() + ", " + String.join(" ", seance.lignesLieu()), null,
                agent.id(), maintenant);
        return seance;
    }

    /**
     * Changes a session's date, time or place, with an optional reason; recorded. A cancelled session cannot change,
     * nor can the date of a session whose opinions are recorded (decisions cite it).
     */
    @Transactional
    public Seance modifierSeance(AgentConnecte agent, long seanceId, @Nullable LocalDateTime debut, @Nullable String lieu,
                                 @Nullable String motif) {
        Seance avant = seance(agent, seanceId);
        Map<String, String> erreurs = new LinkedHashMap<>();
        if (avant.annulee()) {
            erreurs.put("debut", "Cette séance est annulée : elle ne peut plus être modifiée.");
        } else if (debut != null && !debut.withSecond(0).withNano(0).equals(avant.debut()) && seances.aDesAvis(seanceId)) {
            erreurs.put("debut", "Des avis rendus lors de cette séance sont enregistrés : sa date ne peut plus changer.");
        }
        String texteMotif = motif(motif, false, erreurs);
        String texteLieu = valider(debut, lieu, erreurs);
        seances.modifier(seanceId, debut.withSecond(0).withNano(0), texteLieu);
        Seance apres = seances.seance(seanceId).orElseThrow();
        seances.journaliser(seanceId, "MODIFICATION", "Avant : " + avant.libelle() + ", " + String.join(" ", avant.lignesLieu())
                + ". Après : " + apres.libelle() + ", " + String.join(" ", apres.lignesLieu()) + ".", texteMotif, agent.id(), horloge.instant());
        return apres;
    }

    /**
     * Cancels a session with its reason, recorded; the dossiers on its agenda leave it and wait for another session
     * (their state and the commission's delay do not change). A session whose opinions are recorded cannot be cancelled.
     */
    @Transactional
    public Seance annulerSeance(AgentConnecte agent, long seanceId, @Nullable String motif) {
        Seance seance = seance(agent, seanceId);
        Map<String, String> erreurs = new LinkedHashMap<>();
        if (seance.annulee()) {
            erreurs.put("motif", "Cette séance est déjà annulée.");
        } else if (seances.aDesAvis(seanceId)) {
            erreurs.put("motif", "Des avis rendus lors de cette séance sont enregistrés : elle ne peut pas être annulée.");
        }
        String texte = motif(motif, true, erreurs);
        if (!erreurs.isEmpty()) {
            throw new SaisieCommissionInvalide(erreurs);
        }
        Instant maintenant = horloge.instant();
        seances.annuler(seanceId, texte, maintenant);
        seances.journaliser(seanceId, "ANNULATION", "Séance annulée ; " + seance.nombreDossiers() + " dossier(s) retiré(s) de l’ordre du jour",
                texte, agent.id(), maintenant);
        return seances.seance(seanceId).orElseThrow();
    }

    /** The session's record: creation, modifications, cancellation. */
    public List<Seance.Evenement> journal(AgentConnecte agent, long seanceId) {
        seance(agent, seanceId);
        return seances.journal(seanceId);
    }

    /** Checks a session's date and place, with {@code erreurs} found by the caller; throws all of them, or returns the place. */
    private String valider(@Nullable LocalDateTime debut, @Nullable String lieu, Map<String, String> erreursAppelant) {
        Map<String, String> erreurs = new LinkedHashMap<>(erreursAppelant);
        LocalDateTime maintenant = LocalDateTime.now(horloge.withZone(SeancesCommission.PARIS));
        if (debut == null) {
            erreurs.putIfAbsent("debut", "Indiquez la date et l’heure de la séance.");
        } else if (debut.isAfter(maintenant.plusYears(ANNEES_MAX))) {
            erreurs.putIfAbsent("debut", "La séance doit avoir lieu dans les deux ans : vérifiez l’année.");
        } else if (debut.isBefore(maintenant.minusYears(ANNEES_MAX))) {
            erreurs.putIfAbsent("debut", "Une séance tenue ne peut être enregistrée que dans les deux ans : vérifiez l’année.");
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
        return texteLieu;
    }

    private static @Nullable String motif(@Nullable String motif, boolean obligatoire, Map<String, String> erreurs) {
        String texte = motif == null || motif.isBlank() ? null : motif.strip();
        if (texte == null && obligatoire) {
            erreurs.putIfAbsent("motif", "Indiquez le motif de l’annulation : il est enregistré et montré avec la séance.");
        } else if (texte != null && texte.length() > LONGUEUR_MAX_LIEU) {
            erreurs.putIfAbsent("motif", "Le motif ne doit pas dépasser " + LONGUEUR_MAX_LIEU + " caractères.");
        }
        return texte;
    }

    /**
     * Puts a dossier on a session's agenda. A dossier in instruction (or authorized provisionally) goes to "en attente
     * de l’avis de la commission" (transition {@link CycleVideoprotection#INSCRIRE_COMMISSION} recorded, usager informed); a
     * dossier postponed by the commission (still inscribed, no opinion) moves to this session without a transition.
     * The session must stand (not cancelled) and be of the dossier's préfecture; it may have been held already, to
     * record the opinion it gave.
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
        if (seance.annulee()) {
            throw new SaisieCommissionInvalide("dossier", "Cette séance est annulée : inscrivez le dossier à une autre séance.");
        }
        Optional<Inscription> courante = seances.courantePourMiseAJour(dossierId);
        if (courante.isPresent() && courante.get().seanceId() == seanceId) {
            throw new SaisieCommissionInvalide("dossier", "Le dossier " + dossier.numero() + " est déjà inscrit à cette séance.");
        }
        if (courante.isPresent() && courante.get().avis() != null) {
            throw new SaisieCommissionInvalide("dossier", "La commission a déjà rendu son avis sur le dossier " + dossier.numero() + ".");
        }
        if (courante.isPresent() && !dossier.etat().estFinal()) {
            // Postponed by the commission to a later session: the dossier keeps its state.
        } else if (CycleVideoprotection.INSCRIRE_COMMISSION.possibleDepuis(dossier.etat())) {
            dossiers.appliquer(dossierId, CycleVideoprotection.INSCRIRE_COMMISSION, TypeActeur.AGENT, agent.id(), motif(seance));
        } else if (!dossier.etat().equals(CycleVideoprotection.ATTENTE_AVIS_COMMISSION)) {
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
        if (seance.annulee()) {
            throw new SaisieCommissionInvalide("avis", "Cette séance est annulée : aucun avis n’y a été rendu.");
        }
        if (seance.debut().atZone(SeancesCommission.PARIS).toInstant().isAfter(horloge.instant())) {
            throw new SaisieCommissionInvalide("avis", "La séance n’a pas encore commencé : l’avis pourra être enregistré à partir du "
                    + seance.jour() + " à " + seance.heure() + ".");
        }
        if (dossier.deposeLe() != null && seance.debut().toLocalDate().isBefore(dossier.deposeLe().atZone(SeancesCommission.PARIS).toLocalDate())) {
            throw new SaisieCommissionInvalide("avis", "Cette séance s’est tenue avant le dépôt du dossier " + dossier.numero()
                    + " : elle n’a pas pu rendre d’avis sur lui.");
        }
        if (dossier.etat().estFinal()) {
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

    /**
     * What a final authorization may cite today: the opinion recorded for the dossier, or else the delay of R252-15
     * run out without one; empty while the commission may still give its opinion (or was never seized).
     */
    public Optional<AvisVise> avisVise(long dossierId) {
        Optional<AvisCommission> avis = seances.dernierAvis(dossierId);
        if (avis.isPresent()) {
            return avis.map(AvisVise::de);
        }
        return seances.echeance(dossierId).filter(e -> e.depassee(LocalDate.now(horloge.withZone(SeancesCommission.PARIS))))
                .map(AvisVise::delaiExpire);
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
