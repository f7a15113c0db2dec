package fr.gouv.guichet.tiers.internal;

import fr.gouv.guichet.demarche.InstructionDossiers;
import fr.gouv.guichet.demarche.Historique;
import fr.gouv.guichet.demarche.TypeActeur;
import fr.gouv.guichet.signalement.NouveauSignal;
import fr.gouv.guichet.signalement.Signal;
import fr.gouv.guichet.signalement.Signaux;
import fr.gouv.guichet.tiers.CycleHabilitation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fraud rules of the trusted third parties (issue 15, point 4; the Cour des comptes' scenarios), run in the
 * transaction of each deposit and objection. Each rule that finds something raises a signal, with its explanation and
 * figures, on the company's habilitation dossier (the préfecture's dashboard and list of signals) and, when it
 * concerns one deposit, on the client's dossier (its instructing service). When the weights of the signals raised
 * since the habilitation or the last lifting reach the threshold, the habilitation is suspended pending review
 * ({@link CycleHabilitation#SUSPENDRE_AUTOMATIQUEMENT}) and the préfecture is told. Thresholds are data
 * ({@link ReglesFraude}).
 */
@Component
class ControlesFraude {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final ReglesFraude regles = ReglesFraude.charger();
    private final DepotRepository depots;
    private final EntrepriseRepository entreprises;
    private final Signaux signaux;
    private final InstructionDossiers dossiers;
    private final ApplicationEventPublisher evenements;
    private final Clock horloge;

    ControlesFraude(DepotRepository depots, EntrepriseRepository entreprises, Signaux signaux,
                    InstructionDossiers dossiers, ApplicationEventPublisher evenements, Clock horloge) {
        this.depots = depots;
        this.entreprises = entreprises;
        this.signaux = signaux;
        this.dossiers = dossiers;
        this.evenements = evenements;
        this.horloge = horloge;
    }

    ReglesFraude regles() {
        return regles;
    }

    void apresDepot(Entreprise entreprise, Depot depot) {
        Instant maintenant = horloge.instant();
        volume(entreprise, maintenant);
        memeAdresse(entreprise, depot, maintenant);
        lieux(entreprise, maintenant);
        mandat(entreprise, depot);
        adresseInconnue(entreprise, depot, maintenant);
        reventes(entreprise, depot, maintenant);
        suspendreSiSeuil(entreprise.id());
    }

    void apresOpposition(Entreprise entreprise, Depot depot) {
        lever(entreprise, depot, ReglesFraude.OPPOSITION, "opposition-" + depot.id(),
                "Le client " + depot.client() + " s’oppose au dossier n° " + depot.numero() + " déposé en son nom par "
                        + entreprise.raisonSociale() + " : le mandat présenté est peut-être faux.",
                details("Dossier", String.valueOf(depot.numero()), "Client", depot.client(), "Motif du client",
                        depot.motifOpposition() == null ? "" : tronquer(depot.motifOpposition())));
        suspendreSiSeuil(entreprise.id());
    }

    /** Far above the company's history (mean of the 5 previous windows) or its declared yearly volume, scaled to the window. */
    private void volume(Entreprise e, Instant maintenant) {
        ReglesFraude.Regle r = regles.regle(ReglesFraude.VOLUME);
        int plancher = regles.regle(ReglesFraude.VOLUME_PLANCHER).seuil();
        Duration f = r.fenetre();
        int recents = depots.depotsDepuis(e.id(), maintenant.minus(f));
        if (recents < plancher) {
            return;
        }
        double declare = e.volumeAnnuel() * (f.toHours() / (365.0 * 24));
        double historique = (depots.depotsDepuis(e.id(), maintenant.minus(f.multipliedBy(6))) - recents) / 5.0;
        double attendu = Math.max(1, Math.max(declare, historique));
        if (recents > r.seuil() * attendu) {
            lever(e, null, ReglesFraude.VOLUME, "volume-" + maintenant.atZone(PARIS).toLocalDate(),
                    recents + " dépôts en " + f.toDays() + " jours, plus de " + r.seuil() + " fois l’attendu (" + Math.round(attendu)
                            + ") : volume déclaré de " + e.volumeAnnuel() + " démarches par an pour " + e.effectif()
                            + " salarié(s), historique de " + Math.round(historique) + " par période.",
                    details("Dépôts sur la période", String.valueOf(recents), "Attendu", String.valueOf(Math.round(attendu)),
                            "Volume annuel déclaré", String.valueOf(e.volumeAnnuel()), "Salariés", String.valueOf(e.effectif())));
        }
    }

    /** Many clients' titles sent to one address (all companies together: a fictitious garage is rarely alone). */
    private void memeAdresse(Entreprise e, Depot d, Instant maintenant) {
        ReglesFraude.Regle r = regles.regle(ReglesFraude.MEME_ADRESSE);
        int clients = depots.clientsDistinctsVersAdresseDepuis(d.clientAdresse(), maintenant.minus(r.fenetre()));
        if (clients >= r.seuil()) {
            lever(e, d, ReglesFraude.MEME_ADRESSE, tronquer(d.clientAdresse()),
                    clients + " clients différents ont déclaré la même adresse en " + r.fenetre().toDays() + " jours : « "
                            + d.clientAdresse() + " ». Une adresse de domiciliation fictive reçoit souvent les titres de fraudeurs.",
                    details("Adresse", tronquer(d.clientAdresse()), "Clients distincts", String.valueOf(clients),
                            "Dernier dossier", String.valueOf(d.numero())));
        }
    }

    /** Collaborators acting from many networks within the window: shared or stolen credentials. */
    private void lieux(Entreprise e, Instant maintenant) {
        ReglesFraude.Regle r = regles.regle(ReglesFraude.LIEUX_MULTIPLES);
        int lieux = depots.lieuxDepuis(e.id(), maintenant.minus(r.fenetre()));
        if (lieux >= r.seuil()) {
            lever(e, null, ReglesFraude.LIEUX_MULTIPLES, "lieux-" + maintenant.truncatedTo(ChronoUnit.HOURS),
                    "Les dépôts de " + e.raisonSociale() + " viennent de " + lieux + " réseaux différents en "
                            + r.fenetre().toMinutes() + " minutes : des identifiants sont peut-être partagés ou volés.",
                    details("Réseaux distincts", String.valueOf(lieux), "Fenêtre (minutes)", String.valueOf(r.fenetre().toMinutes())));
        }
    }

    /** An uploaded mandate serves once: the same file presented again is a copy. */
    private void mandat(Entreprise e, Depot d) {
        if (!d.mandatMode().equals("TELEVERSE")) {
            return;
        }
        ReglesFraude.Regle r = regles.regle(ReglesFraude.MANDAT_REUTILISE);
        int autres = depots.reutilisationsMandat(d.mandatSha256(), d.id());
        if (autres >= r.seuil()) {
            lever(e, d, ReglesFraude.MANDAT_REUTILISE, d.mandatSha256(),
                    "Le mandat joint au dossier n° " + d.numero() + " (client " + d.client() + ") est le même fichier que celui de "
                            + autres + " autre(s) dépôt(s) : un mandat ne sert qu’une fois.",
                    details("Empreinte SHA-256", d.mandatSha256(), "Autres dépôts", String.valueOf(autres)));
        }
    }

    /** Titles sent to addresses the national address reference does not know (a fictitious garage's clients rarely exist). */
    private void adresseInconnue(Entreprise e, Depot d, Instant maintenant) {
        if (!Boolean.FALSE.equals(d.adresseConnue())) {
            return;
        }
        ReglesFraude.Regle r = regles.regle(ReglesFraude.ADRESSE_INCONNUE);
        int inconnues = depots.adressesInconnuesDepuis(e.id(), maintenant.minus(r.fenetre()));
        if (inconnues >= r.seuil()) {
            lever(e, d, ReglesFraude.ADRESSE_INCONNUE, "adresses-inconnues-" + maintenant.atZone(PARIS).toLocalDate(),
                    inconnues + " dépôts de " + e.raisonSociale() + " en " + r.fenetre().toDays() + " jours vers des adresses que la "
                            + "Base Adresse Nationale ne connaît pas ; la dernière : « " + d.clientAdresse() + " » (dossier n° "
                            + d.numero() + ").",
                    details("Adresses inconnues", String.valueOf(inconnues), "Dernière adresse", d.clientAdresse(),
                            "Dernier dossier", String.valueOf(d.numero())));
        }
    }

    /** One vehicle whose holder is changed again and again by professionals: sold and re-registered in a chain. */
    private void reventes(Entreprise e, Depot d, Instant maintenant) {
        if (d.immatriculation() == null) {
            return;
        }
        ReglesFraude.Regle r = regles.regle(ReglesFraude.REVENTES_EN_CHAINE);
        Instant depuis = maintenant.minus(r.fenetre());
        int reventes = depots.reventesDepuis(d.immatriculation(), depuis);
        if (reventes >= r.seuil()) {
            String professionnels = String.join(", ", depots.entreprisesDesReventes(d.immatriculation(), depuis));
            lever(e, d, ReglesFraude.REVENTES_EN_CHAINE, d.immatriculation(),
                    "Le véhicule " + d.immatriculation() + " a changé " + reventes + " fois de titulaire par des professionnels en "
                            + r.fenetre().toDays() + " jours (" + professionnels + ") : revente en chaîne, peut-être pour "
                            + "blanchir un véhicule volé ou effacer ses infractions.",
                    details("Véhicule", d.immatriculation(), "Changements de titulaire", String.valueOf(reventes),
                            "Professionnels", professionnels));
        }
    }

    private void lever(Entreprise e, Depot depot, String regle, String objet, String explication, Map<String, String> details) {
        signaux.lever(new NouveauSignal(e.dossierHabilitation(), regle, objet, explication, details));
        if (depot != null && depot.numero() != null) {
            // A change of holder waiting for its payment is a draft: its service sees the signal on the habilitation.
            signaux.lever(new NouveauSignal(depot.dossier(), regle, objet, explication, details));
        }
    }

    /** Suspends the habilitation when the weights of the signals since it was (re)opened reach the threshold. */
    private void suspendreSiSeuil(long entrepriseId) {
        Entreprise e = entreprises.parId(entrepriseId).orElseThrow();
        if (!e.peutDeposer()) {
            return;
        }
        ReglesFraude.Regle seuil = regles.regle(ReglesFraude.SUSPENSION);
        Instant depuis = dossiers.transitions(e.dossierHabilitation()).stream()
                .filter(t -> t.vers().equals(CycleHabilitation.HABILITEE)).map(Historique.TransitionEnregistree::moment)
                .reduce((a, b) -> b).orElse(Instant.EPOCH);
        Instant fenetre = horloge.instant().minus(seuil.fenetre());
        List<Signal> comptes = signaux.duDossier(e.dossierHabilitation()).stream()
                .filter(s -> !s.leveLe().isBefore(depuis) && s.leveLe().isAfter(fenetre) && regles.regle(s.regle()) != null).toList();
        int total = comptes.stream().mapToInt(s -> regles.regle(s.regle()).poids()).sum();
        if (total < seuil.seuil()) {
            return;
        }
        String explication = "Signaux de contrôle : " + String.join(" ; ", comptes.stream().map(Signal::explication).toList());
        String motif = tronquer("poids " + total + " pour un seuil de " + seuil.seuil() + " — " + explication);
        dossiers.appliquer(e.dossierHabilitation(), CycleHabilitation.SUSPENDRE_AUTOMATIQUEMENT, TypeActeur.SYSTEME, 0, motif);
        evenements.publishEvent(new EvenementsTiers.SuspensionAutomatique(e.id(), e.raisonSociale(),
                dossiers.service(e.dossierHabilitation()).orElse(e.codeDepartement()), motif));
    }

    private static Map<String, String> details(String... cleValeur) {
        Map<String, String> d = new LinkedHashMap<>();
        for (int i = 0; i + 1 < cleValeur.length; i += 2) {
            d.put(cleValeur[i], tronquer(cleValeur[i + 1]));
        }
        return d;
    }

    private static String tronquer(String texte) {
        return texte.length() <= 200 ? texte : texte.substring(0, 199) + "…";
    }
}
