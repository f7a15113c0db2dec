package fr.gouv.guichet.tiers.internal;

import fr.gouv.guichet.compte.Usagers;
import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.demarche.Evenements.DossierDepose;
import fr.gouv.guichet.demarche.Procedures;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.text.Normalizer;
import java.time.Clock;
import java.util.Locale;

/**
 * What every deposit for a client records, whatever the procedure: the deposit with its mandate, the fraud rules in
 * the same transaction, then — when the dossier is deposited, at once or, for a change of holder, when it is paid
 * ({@link DossierDepose}, in the payment's transaction) — the mandate attached to the dossier for its instructing
 * service, its hand-over to the client's account and the e-mail with the link to see it and object.
 */
@Component
class ConsignationDepots {

    private static final Logger log = LoggerFactory.getLogger(ConsignationDepots.class);

    /** The client as the collaborator typed them. */
    record Client(String nom, String prenoms, String email, String ligne, String complement, String codePostal, String commune) {
        /** The address, normalized (case, accents, punctuation, spaces) so that one address counts once. */
        String adresse() {
            String brut = ligne + " " + complement + " " + codePostal + " " + commune;
            String sansAccents = Normalizer.normalize(brut, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
            String adresse = sansAccents.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
            return adresse.length() > 400 ? adresse.substring(0, 400) : adresse;
        }
    }

    private final DepotRepository depots;
    private final MandatsClients mandats;
    private final ControlesFraude controles;
    private final ReferentielAdresses adresses;
    private final ProceduresOuvertes ouvertes;
    private final Procedures procedures;
    private final Dossiers dossiers;
    private final Usagers usagers;
    private final EntrepriseRepository entreprises;
    private final ApplicationEventPublisher evenements;
    private final Clock horloge;
    private final org.springframework.core.env.Environment env;

    ConsignationDepots(DepotRepository depots, MandatsClients mandats, ControlesFraude controles, ReferentielAdresses adresses,
                       ProceduresOuvertes ouvertes, Procedures procedures, Dossiers dossiers, Usagers usagers,
                       EntrepriseRepository entreprises, ApplicationEventPublisher evenements, Clock horloge,
                       org.springframework.core.env.Environment env) {
        this.depots = depots;
        this.mandats = mandats;
        this.controles = controles;
        this.adresses = adresses;
        this.ouvertes = ouvertes;
        this.procedures = procedures;
        this.dossiers = dossiers;
        this.usagers = usagers;
        this.entreprises = entreprises;
        this.evenements = evenements;
        this.horloge = horloge;
        this.env = env;
    }

    /** Asks the address reference, outside any transaction; null when it does not answer (the deposit goes on). */
    @Nullable Boolean adresseConnue(Client c) {
        try {
            return adresses.connue((c.ligne() + " " + c.complement()).strip(), c.codePostal(), c.commune());
        } catch (ReferentielAdresses.ReferentielIndisponible e) {
            log.warn("Référentiel des adresses indisponible : adresse du client non vérifiée ({})", e.getMessage());
            return null;
        }
    }

    /** Records the deposit (in the caller's transaction) and runs the fraud rules; transmits it when the dossier is deposited. */
    long consigner(Entreprise entreprise, long collaborateur, long dossier, String procedure, Client client, Mandat mandat,
                   MandatsClients.Verifie verifie, @Nullable String cle, String lieu, @Nullable String immatriculation,
                   @Nullable Boolean adresseConnue, boolean depose) {
        String empreinte = mandats.empreinte(dossier, mandat, verifie);
        long depot = depots.enregistrer(entreprise.id(), collaborateur, dossier, procedure, client.nom().strip(), client.prenoms().strip(),
                client.email().strip(), client.adresse(), mandat.signeALEcran() ? "SIGNE_A_L_ECRAN" : "TELEVERSE", empreinte, cle,
                mandat.signataire().strip(), lieu, Jetons.empreinte(Jetons.nouveau()), horloge.instant(),
                new DepotRepository.Complement(immatriculation, adresseConnue, cle == null ? null : verifie.fichier()));
        controles.apresDepot(entreprise, depots.parId(depot).orElseThrow());
        if (depose) {
            transmettre(depot);
        }
        return depot;
    }

    /** A dossier filed for a client is deposited (a change of holder when it is paid): hand it over and tell the client. */
    @EventListener
    void depose(DossierDepose e) {
        if (ouvertes.ouverteAUneActivite(e.demarche())) {
            depots.parDossier(e.dossierId()).filter(d -> d.transmisLe() == null).ifPresent(d -> transmettre(d.id()));
        }
    }

    private void transmettre(long id) {
        String jeton = Jetons.nouveau();
        if (!depots.transmettre(id, Jetons.empreinte(jeton), horloge.instant())) {
            return;
        }
        Depot d = depots.parId(id).orElseThrow();
        if (d.numero() == null || d.collaborateur() == null) {
            return;
        }
        depots.mandatStocke(id).ifPresent(m -> {
            try {
                mandats.joindre(d.dossier(), d.collaborateur(), m);
            } catch (fr.gouv.guichet.demarche.QuotaAtteint e) {
                // Never undo a payment for a quota: the mandate stays with the deposit (its fingerprint, its stored file).
                log.warn("Mandat du dépôt {} non joint au dossier {} : {}", id, d.dossier(), e.getMessage());
            }
        });
        dossiers.confier(d.dossier(), d.collaborateur(), usagers.activeParEmail(d.clientEmail()).map(u -> u.id()).orElse(null));
        String entreprise = entreprises.parId(d.entreprise()).map(Entreprise::raisonSociale).orElse("");
        evenements.publishEvent(new EvenementsTiers.DepotPourClient(id, d.clientEmail(), entreprise, d.numero(),
                procedures.get(d.demarche()).libelle(), env.getProperty("guichet.url-publique", "http://localhost:8080")
                + "/tiers/depots/" + jeton));
    }
}
