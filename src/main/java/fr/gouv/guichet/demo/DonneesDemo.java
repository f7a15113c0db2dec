package fr.gouv.guichet.demo;

import fr.gouv.guichet.agent.Agents;
import fr.gouv.guichet.agent.RoleAgent;
import fr.gouv.guichet.compte.ServiceDeDemonstration;
import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.demarche.InstructionDossiers;
import fr.gouv.guichet.videoprotection.CycleVideoprotection;
import fr.gouv.guichet.demarche.TypeActeur;
import fr.gouv.guichet.referentiel.Departement;
import fr.gouv.guichet.referentiel.Departements;
import fr.gouv.guichet.referentiel.ServiceInstructeur;
import fr.gouv.guichet.referentiel.ServicesInstructeurs;
import fr.gouv.guichet.referentiel.TypeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Seeds the demo once (idempotent): agent {@code agent-83@demo.guichet.local} (administrateur of the Préfecture
 * du Var; likewise for every département), CERT agents ({@code agent-cert-bordeaux@demo.guichet.local} for the
 * driving licences of the Var, {@code agent-cert-nimes@demo.guichet.local} for its vehicle registrations, and
 * {@code agent-<code du CERT>@demo.guichet.local} for each CERT), usager {@code usager@demo.guichet.local}, all with
 * the demo password, and a few dossiers in the Var and in Paris. The services' contact details are filled with
 * fictitious values by {@code referentiel}'s demo filler.
 */
@Component
@ConditionalOnProperty(name = "guichet.demo", havingValue = "true")
class DonneesDemo {

    private static final Logger log = LoggerFactory.getLogger(DonneesDemo.class);
    static final String USAGER = "usager@demo.guichet.local";

    private final Agents agents;
    private final ServiceDeDemonstration comptes;
    private final Dossiers dossiers;
    private final InstructionDossiers instruction;
    private final Departements departements;
    private final JdbcClient jdbc;
    private final ServicesInstructeurs services;
    private final String motDePasse;

    DonneesDemo(Agents agents, ServiceDeDemonstration comptes, Dossiers dossiers, InstructionDossiers instruction,
                Departements departements, JdbcClient jdbc, ServicesInstructeurs services,
                @Value("${guichet.demo.mot-de-passe:Demo-Guichet-2026}") String motDePasse) {
        this.agents = agents;
        this.comptes = comptes;
        this.dossiers = dossiers;
        this.instruction = instruction;
        this.departements = departements;
        this.jdbc = jdbc;
        this.services = services;
        this.motDePasse = motDePasse;
    }

    @EventListener(ApplicationReadyEvent.class)
    void amorcer() {
        agentsDesCert();
        boolean dejaFait = jdbc.sql("select count(*) from agent where email = 'agent-83@demo.guichet.local'").query(Integer.class).single() > 0;
        if (dejaFait) {
            return;
        }
        for (Departement d : departements.tous()) {
            long id = agents.creerAvecMotDePasse("agent-" + d.code().toLowerCase() + "@demo.guichet.local",
                    "Agent de démonstration — " + d.libellePrefecture(), motDePasse, false);
            agents.rattacher(id, d.code(), RoleAgent.ADMINISTRATEUR);
        }
        long usager = comptes.usagerActive(USAGER, motDePasse, "83");
        deposer(usager, "83", "Boulangerie du Port", "Toulon", "83000", false, null);
        deposer(usager, "83", "Supermarché des Arènes", "Fréjus", "83600", true, CycleVideoprotection.PRENDRE_EN_CHARGE);
        deposer(usager, "83", "Pharmacie de la Gare", "Hyères", "83400", false, CycleVideoprotection.DEMANDER_PIECES);
        deposer(usager, "83", "Mairie de La Seyne-sur-Mer", "La Seyne-sur-Mer", "83500", true, null);
        deposer(usager, "75", "Grand magasin Haussmann", "Paris", "75009", true, null);
        log.info("Mode démonstration : agents agent-<département>@demo.guichet.local et usager {} (mot de passe : {})", USAGER, motDePasse);
    }

    /** One administrator per CERT, and the two CERTs of the Var's sources under short addresses. */
    private void agentsDesCert() {
        if (jdbc.sql("select count(*) from agent where email = 'agent-cert-bordeaux@demo.guichet.local'").query(Integer.class).single() > 0) {
            return;
        }
        for (ServiceInstructeur s : services.tous()) {
            if (s.type() == TypeService.CERT) {
                long id = agents.creerAvecMotDePasse("agent-" + s.code() + "@demo.guichet.local", "Agent de démonstration — " + s.nom(),
                        motDePasse, false);
                agents.rattacher(id, s.code(), RoleAgent.ADMINISTRATEUR);
            }
        }
        long bordeaux = agents.creerAvecMotDePasse("agent-cert-bordeaux@demo.guichet.local",
                "Agent de démonstration — CERT de Bordeaux (permis de conduire)", motDePasse, false);
        agents.rattacher(bordeaux, "cert-permis-bordeaux", RoleAgent.ADMINISTRATEUR);
        long nimes = agents.creerAvecMotDePasse("agent-cert-nimes@demo.guichet.local",
                "Agent de démonstration — CERT de Nîmes (immatriculation)", motDePasse, false);
        agents.rattacher(nimes, "cert-immatriculation-nimes", RoleAgent.ADMINISTRATEUR);
        log.info("Mode démonstration : agents de CERT agent-cert-bordeaux@demo.guichet.local, agent-cert-nimes@demo.guichet.local "
                + "et agent-<code du CERT>@demo.guichet.local");
    }

    private void deposer(long usager, String departement, String nom, String commune, String codePostal, boolean prioritaire,
                         fr.gouv.guichet.demarche.@org.jspecify.annotations.Nullable Transition ensuite) {
        Map<String, Object> r = new HashMap<>();
        r.put("nature_demande", "nouveau");
        r.put("qualite", "commercant");
        r.put("nom_naissance", "Durand");
        r.put("prenom", "Camille");
        r.put("denomination", nom);
        r.put("activite", "Commerce");
        r.put("declarant_voie", "1 place de la République");
        r.put("declarant_code_postal", codePostal);
        r.put("declarant_commune", commune);
        r.put("declarant_telephone", "0400000000");
        r.put("contact_images_nom", "Camille Durand");
        r.put("contact_images_telephone", "0600000000");
        r.put("finalites", prioritaire ? List.of("prevention_atteintes_biens", "prevention_terrorisme") : List.of("prevention_atteintes_biens"));
        r.put("horaires_ouverture", "9 h - 19 h");
        r.put("etablissement_recevant_public", "oui");
        r.put("systeme_voie", "1 place de la République");
        r.put("systeme_code_postal", codePostal);
        r.put("systeme_commune", commune);
        r.put("cameras_interieures", "6");
        r.put("cameras_exterieures", "2");
        r.put("abords_immediats", "non");
        r.put("perimetre_videoprotege", "non");
        r.put("transmission", "non");
        r.put("installateur_certifie", "oui");
        r.put("installateur_nom", "Sécurité Démo");
        r.put("attestation_remise", "oui");
        r.put("personnes_habilitees", "Le responsable du site");
        r.put("enregistrement", "oui");
        r.put("duree_conservation", "15");
        r.put("mesures_securite", "Enregistreur sous clé");
        r.put("information_public", "Affiches aux entrées");
        r.put("droit_acces_service", "Le responsable du site");
        r.put("droit_acces_telephone", "0400000000");
        r.put("date_mise_en_service", LocalDate.now().plusMonths(3).toString());
        r.put("engagement", List.of("certifie"));
        long id = dossiers.creerBrouillon(usager, departement, "VP_AUTORISATION", "cerfa-13806", "04", r, null, null);
        dossiers.deposer(id, usager, UUID.randomUUID(), "VP");
        if (prioritaire) {
            instruction.definirPriorite(id, true);
        }
        if (CycleVideoprotection.DEMANDER_PIECES.equals(ensuite)) {
            instruction.appliquer(id, CycleVideoprotection.PRENDRE_EN_CHARGE, TypeActeur.AGENT, 0, null);
            instruction.appliquer(id, CycleVideoprotection.DEMANDER_PIECES, TypeActeur.AGENT, 0, "Plan de détail des caméras");
        } else if (ensuite != null) {
            instruction.appliquer(id, ensuite, TypeActeur.AGENT, 0, null);
        }
    }
}
