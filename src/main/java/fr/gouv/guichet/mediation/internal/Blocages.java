package fr.gouv.guichet.mediation.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The ways out of the states where people get stuck, each with a plain explanation and a link that does something.
 * The help page lists them all, the ones that fit the page first.
 */
public final class Blocages {

    /** @param ancre the fragment id on the help page; @param chemins the pages where this one is the likely problem */
    public record Blocage(String ancre, String titre, List<String> explications, String lienLibelle, String lienUrl,
                          List<String> chemins) {
    }

    static final List<Blocage> TOUS = List.of(
            new Blocage("compte-verrouille", "Mon compte est verrouillé",
                    List.of("Après plusieurs mots de passe erronés, la connexion est suspendue pendant 15 minutes pour protéger votre compte : rien n’est perdu, vos brouillons et dossiers restent enregistrés.",
                            "Patientez 15 minutes, ou choisissez dès maintenant un nouveau mot de passe grâce au lien que nous vous envoyons par courriel."),
                    "Choisir un nouveau mot de passe", "/mot-de-passe-oublie", List.of("/connexion", "/mot-de-passe")),
            new Blocage("sans-adresse-electronique", "Je n’ai pas d’adresse électronique",
                    List.of("Vous pouvez faire vos démarches sans adresse électronique : connectez-vous avec FranceConnect (par exemple avec votre compte Ameli, impots.gouv ou La Poste), votre compte Guichet est créé sans adresse.",
                            "Choisissez ensuite où recevoir vos accusés de réception et les réponses de la préfecture : l’adresse d’une personne de confiance, ou un lieu d’aide qui garde vos courriers à imprimer ou à retirer. Votre accord est enregistré et vous pouvez le retirer. Tout reste aussi visible dans votre espace.",
                            "Un médiateur numérique, dans un point numérique de préfecture ou un espace numérique proche de chez vous, peut vous aider gratuitement à faire la démarche avec vous."),
                    "Choisir où recevoir mes notifications", "/usager/notifications", List.of("/inscription", "/connexion", "/usager/notifications")),
            new Blocage("timbre-refuse", "Mon timbre fiscal est refusé",
                    List.of("Vérifiez les 16 chiffres du timbre fiscal électronique : une erreur de saisie est la cause la plus fréquente. Un timbre déjà utilisé pour une autre demande, ou d’un montant différent de celui demandé, est refusé.",
                            "Un timbre électronique non utilisé peut être remboursé : la demande se fait sur le site de vente des timbres fiscaux. Ne payez pas un second timbre avant d’avoir vérifié le premier ; en cas de doute, écrivez au service instructeur."),
                    "Acheter ou faire rembourser un timbre fiscal", "https://timbres.impots.gouv.fr",
                    List.of("/usager/permis", "/usager/identite")),
            new Blocage("paiement-bloque", "Mon paiement est bloqué ou a échoué",
                    List.of("Si votre compte a été débité mais que la démarche n’indique pas le paiement, ne payez pas une seconde fois.",
                            "Écrivez au service qui instruit votre dossier, depuis la page de votre dossier (« Messages »), en indiquant la date et le montant du paiement : il vérifiera et vous répondra. Votre dossier reste enregistré pendant ce temps."),
                    "Voir mes dossiers et écrire au service", "/usager/dossiers",
                    List.of("/usager/dossiers", "/usager/vehicules/paiements", "/usager/vehicules/demandes")),
            new Blocage("code-cession-perdu", "J’ai perdu le code de cession d’un véhicule",
                    List.of("Le code de cession est remis au vendeur quand il déclare la vente ; l’acheteur en a besoin pour immatriculer le véhicule à son nom. Pour votre sécurité, il n’est affiché qu’une fois et n’est jamais envoyé par courriel.",
                            "Vendeur : déclarez à nouveau la cession du véhicule depuis « Mes véhicules » : un nouveau code est affiché et remplace l’ancien, qui ne peut plus servir. Acheteur : demandez au vendeur de le faire. Si le vendeur ne peut pas se connecter, un médiateur d’un point numérique de préfecture peut l’accompagner."),
                    "Aller à mes véhicules", "/usager/vehicules", List.of("/usager/vehicules")));

    private Blocages() {
    }

    /** Every way out, those whose pages include {@code chemin} first (in their own order otherwise). */
    public static List<Blocage> pour(String chemin) {
        List<Blocage> liste = new ArrayList<>(TOUS);
        liste.sort(Comparator.comparing(b -> b.chemins().stream().noneMatch(c -> chemin.equals(c) || chemin.startsWith(c + "/"))));
        return List.copyOf(liste);
    }
}
