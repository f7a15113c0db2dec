package fr.gouv.guichet.tiers.internal;

import fr.gouv.guichet.notification.Courriel;
import fr.gouv.guichet.notification.Courriels;
import fr.gouv.guichet.referentiel.ServicesInstructeurs;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.util.List;

/** E-mails of the trusted third parties, sent once each from the outbox. */
@Component
class CourrielsTiers {

    private final Courriels courriels;
    private final ServicesInstructeurs services;
    private final org.springframework.core.env.Environment env;

    CourrielsTiers(Courriels courriels, ServicesInstructeurs services, org.springframework.core.env.Environment env) {
        this.courriels = courriels;
        this.services = services;
        this.env = env;
    }

    @ApplicationModuleListener
    void invitation(EvenementsTiers.CollaborateurInvite e) {
        courriels.envoyer(new Courriel(e.email(), "Invitation à déposer pour les clients de " + e.entreprise() + " sur Guichet", List.of(
                e.entreprise() + ", tiers de confiance habilité par la préfecture, vous invite à déposer sur Guichet les démarches "
                        + "de ses clients, avec votre propre compte.",
                "Ouvrez le lien ci-dessous (valable 14 jours), connectez-vous ou créez votre compte avec cette adresse, puis "
                        + "acceptez l’invitation. Si vous n’attendiez pas cette invitation, ignorez ce message."),
                "Voir l’invitation", e.lien()));
    }

    @ApplicationModuleListener
    void depot(EvenementsTiers.DepotPourClient e) {
        courriels.envoyerUneFois("tiers-depot:" + e.depotId(), new Courriel(e.email(),
                "Une démarche a été déposée en votre nom par " + e.entreprise(), List.of(
                e.entreprise() + " a déposé en votre nom, avec le mandat que vous lui avez signé, la démarche « " + e.demarche()
                        + " » (dossier n° " + e.numero() + ").",
                "Le titre vous sera envoyé à votre adresse. Vous pouvez suivre le dossier avec le lien ci-dessous, ou dans "
                        + "votre espace Guichet si vous en avez un.",
                "Si vous n’avez pas signé de mandat à ce professionnel, ou si vous ne voulez pas de cette démarche, "
                        + "opposez-vous au dépôt depuis le même lien : la préfecture en est informée aussitôt."),
                "Voir le dossier ou m’y opposer", e.lien(), List.of(), "tiers-depot." + e.depotId()));
    }

    /** The service instructing the dossier is told at once (the agent also sees it on the dossier's page). */
    @ApplicationModuleListener
    void opposition(EvenementsTiers.OppositionClient e) {
        services.parCode(e.codeService()).map(s -> s.coordonnees().courriel()).filter(c -> !c.isBlank())
                .ifPresent(adresse -> courriels.envoyerUneFois("tiers-opposition:" + e.depotId(), new Courriel(adresse,
                        "Opposition du client au dossier n° " + e.numero() + " déposé par " + e.entreprise(), List.of(
                                "Le client au nom duquel " + e.entreprise() + " a déposé le dossier n° " + e.numero()
                                        + " déclare s’y opposer" + (e.motif().isBlank() ? "." : " : « " + e.motif() + " »."),
                                "Le dossier ne doit pas être validé sans vérification auprès du client. Un signal est levé sur "
                                        + "le professionnel."),
                                "Voir le dossier", base() + "/agent/dossiers/" + e.dossierId(), List.of(),
                                "tiers-opposition." + e.depotId())));
    }

    @ApplicationModuleListener
    void suspension(EvenementsTiers.SuspensionAutomatique e) {
        services.parCode(e.codeService()).map(s -> s.coordonnees().courriel()).filter(c -> !c.isBlank())
                .ifPresent(adresse -> courriels.envoyerUneFois("tiers-suspension:" + e.entrepriseId() + ":" + e.explication().hashCode(),
                        new Courriel(adresse, "Suspension automatique d’un tiers de confiance : " + e.raisonSociale(), List.of(
                                "Une règle de contrôle a suspendu l’habilitation de " + e.raisonSociale()
                                        + " dans l’attente de votre examen.",
                                "Motif : " + e.explication(),
                                "Examinez les signaux sur le tableau de bord des tiers de confiance, puis levez la suspension ou "
                                        + "retirez l’habilitation."),
                                "Tableau de bord des tiers de confiance",
                                base() + "/agent/services/" + e.codeService() + "/tiers", List.of(),
                                "tiers-suspension." + e.entrepriseId())));
    }

    /** Read at use: the public address may depend on the port the server got. */
    private String base() {
        return env.getProperty("guichet.url-publique", "http://localhost:8080");
    }
}
