package fr.gouv.guichet.mediation.internal;

import org.springframework.util.AntPathMatcher;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What each page of Guichet is for, said in plain words on the help page, found from the page's path (the first
 * pattern that matches wins). A path that no pattern knows gets a general answer, never an error.
 */
public final class PagesDecrites {

    public record Page(String motif, String titre, String usage) {
    }

    private static final AntPathMatcher CORRESPONDANCE = new AntPathMatcher();
    /** The usager pages that name a dossier: the common ones and those of each procedure's own space. */
    private static final Pattern DOSSIER_USAGER = Pattern.compile(
            "^/usager/(?:dossiers|permis/dossiers|identite/dossiers|vehicules/demandes|pro/depots)/(\\d{1,18})(/.*)?$");

    static final List<Page> PAGES = List.of(
            new Page("/", "Accueil", "La page d’accueil présente les démarches que vous pouvez faire en ligne auprès de la préfecture et permet de créer un compte ou de vous connecter."),
            new Page("/inscription/**", "Création de compte", "Cette page sert à créer votre compte Guichet avec votre adresse électronique et un mot de passe. Un lien d’activation vous est ensuite envoyé par courriel."),
            new Page("/activation", "Activation du compte", "Cette page active votre compte grâce au lien reçu par courriel."),
            new Page("/connexion", "Connexion", "Cette page sert à vous connecter avec votre adresse électronique et votre mot de passe, ou avec FranceConnect."),
            new Page("/mot-de-passe-oublie", "Mot de passe oublié", "Cette page vous envoie par courriel un lien pour choisir un nouveau mot de passe."),
            new Page("/mot-de-passe/**", "Nouveau mot de passe", "Cette page sert à choisir un nouveau mot de passe avec le lien reçu par courriel."),
            new Page("/connexion/franceconnect/**", "FranceConnect", "Cette page fait le lien entre votre identité FranceConnect et votre compte Guichet."),
            new Page("/usager", "Mon espace", "« Mon espace » montre d’abord vos brouillons et les dossiers qui attendent quelque chose de vous, puis les démarches que vous pouvez commencer."),
            new Page("/usager/prefecture", "Choix de la préfecture", "Cette page sert à choisir la préfecture du département concerné par votre démarche."),
            new Page("/usager/notifications", "Où recevoir mes notifications", "Cette page sert à choisir qui reçoit les nouvelles de vos dossiers quand vous n’avez pas d’adresse électronique (ou préférez une autre) : une personne de confiance, ou un lieu d’aide qui garde vos courriers. Votre accord est enregistré et vous pouvez le retirer à tout moment."),
            new Page("/accompagnement/**", "Session accompagnée", "Cette page fait partie d’une session accompagnée par un médiateur numérique : vous vous connectez vous-même, vous acceptez ou refusez son aide, et la session se termine sans rien laisser sur l’ordinateur."),
            new Page("/mediateur/**", "Espace médiateur", "L’espace médiateur sert aux médiateurs numériques des lieux d’aide à démarrer une session accompagnée et à remettre les courriers des usagers. Pour un accès, adressez-vous à l’administrateur Guichet de votre préfecture."),
            new Page("/usager/dossiers", "Mes dossiers", "« Mes dossiers » liste vos brouillons, que vous pouvez reprendre, et vos dossiers déposés avec leur état."),
            new Page("/usager/dossiers/*/pages/*", "Formulaire", "Cette page est une étape du formulaire de votre demande. Ce que vous saisissez est enregistré : vous pouvez quitter et reprendre plus tard depuis « Mes dossiers »."),
            new Page("/usager/dossiers/*/validation", "Vérification et dépôt", "Cette page récapitule vos réponses avant le dépôt : vérifiez-les, puis confirmez pour déposer votre demande et recevoir son accusé de réception."),
            new Page("/usager/dossiers/*/**", "Votre dossier", "Cette page montre votre dossier : son état, les documents, les messages échangés avec la préfecture et vos réponses."),
            new Page("/usager/permis/dossiers/*/photo", "Photo et signature du permis", "Cette page sert à joindre la photo et la signature numérisées (code ePhoto remis par le photographe ou la cabine agréée) à votre demande de permis de conduire."),
            new Page("/usager/permis/**", "Permis de conduire", "Cette page sert à choisir et préparer une démarche de permis de conduire (échange, duplicata, renouvellement…), instruite par un centre d’expertise et de ressources des titres (CERT). Vos réponses sont enregistrées au fur et à mesure."),
            new Page("/usager/vehicules/achat", "Achat d’un véhicule d’occasion", "Cette page sert à demander la carte grise d’un véhicule d’occasion à votre nom, avec le numéro d’immatriculation et le code de cession remis par le vendeur."),
            new Page("/usager/vehicules/paiements/**", "Paiement", "Cette page vous envoie chez le prestataire de paiement pour régler les taxes de votre demande d’immatriculation. Votre demande est conservée même si le paiement échoue."),
            new Page("/usager/vehicules/cessions/**", "Déclaration de cession", "Cette page récapitule la vente de votre véhicule : le code de cession à remettre à l’acheteur (affiché une seule fois) et le certificat de situation administrative."),
            new Page("/usager/vehicules/**", "Mes véhicules", "Cette page sert à suivre vos véhicules et vos demandes d’immatriculation : vente (cession), achat d’occasion, changement d’adresse, duplicata."),
            new Page("/usager/identite/**", "Carte d’identité et passeport", "Cette page sert à faire la pré-demande de carte d’identité ou de passeport, puis à prendre rendez-vous en mairie pour déposer le dossier et les empreintes."),
            new Page("/usager/pro/**", "Espace professionnel", "Cette page sert aux professionnels habilités (garages, auto-écoles) à déposer et suivre les démarches de leurs clients, avec leur mandat."),
            new Page("/usager/tiers/**", "Habilitation des professionnels", "Cette page sert à demander l’habilitation d’un professionnel (garage, auto-école) à faire des démarches pour ses clients."),
            new Page("/usager/videoprotection/**", "Vidéoprotection", "Cette page sert à commencer une demande d’autorisation de système de vidéoprotection."),
            new Page("/compte/**", "Mon compte", "« Mon compte » montre les informations de votre compte et permet de changer d’adresse électronique, de mot de passe, ou de supprimer le compte."),
            new Page("/lieux-aide/**", "Lieux d’aide", "Cette page sert à trouver un lieu près de chez vous où une personne peut vous aider à faire vos démarches en ligne."),
            new Page("/verifier/**", "Vérifier un document", "Cette page sert à vérifier qu’un document émis par Guichet (accusé de réception, arrêté) est authentique, grâce à son code."),
            new Page("/prefectures/*/autorisations", "Liste des autorisations", "Cette page publie la liste des systèmes de vidéoprotection autorisés dans le département."),
            new Page("/besoin-d-aide", "J’ai besoin d’aide", "Cette page vous aide sur la page où vous étiez : à quoi elle sert, les questions fréquentes, qui joindre, où être aidé près de chez vous et comment sortir d’un blocage."),
            new Page("/aide", "Aide", "Cette page rassemble les questions fréquentes."),
            new Page("/agent/connexion", "Connexion des agents", "Cette page sert aux agents des préfectures à se connecter à l’espace d’instruction."),
            new Page("/agent/**", "Espace agent", "L’espace agent sert à instruire les dossiers de votre préfecture. Pour un accès ou un rattachement, adressez-vous à l’administrateur Guichet de votre préfecture."),
            new Page("/error", "Erreur", "Une erreur est survenue sur la page que vous demandiez. Ce que vous aviez déjà enregistré n’est pas perdu."));

    private PagesDecrites() {
    }

    public static Page pour(String chemin) {
        for (Page p : PAGES) {
            if (CORRESPONDANCE.match(p.motif(), chemin)) {
                return p;
            }
        }
        return new Page("**", "Guichet", "Guichet est le guichet en ligne des préfectures : vous y faites vos démarches et suivez vos dossiers.");
    }

    /** The dossier a usager page is about, if its path names one. */
    public static java.util.OptionalLong dossierUsager(String chemin) {
        Matcher m = DOSSIER_USAGER.matcher(chemin);
        return m.matches() ? java.util.OptionalLong.of(Long.parseLong(m.group(1))) : java.util.OptionalLong.empty();
    }
}
