package fr.gouv.guichet.formulaire.internal;

import fr.gouv.guichet.formulaire.Champ;
import fr.gouv.guichet.formulaire.CodePostal;
import fr.gouv.guichet.formulaire.ContexteValidation;
import fr.gouv.guichet.formulaire.Contraintes;
import fr.gouv.guichet.formulaire.Siret;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

import static fr.gouv.guichet.formulaire.internal.Textes.majuscule;

/** Checks one non-blank scalar answer against its field's type and rules; returns the message, or null when right. */
public final class ValidateurValeur {

    static final LocalDate DATE_MIN_PAR_DEFAUT = LocalDate.of(1990, 1, 1);

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]{2,}$");
    private static final Pattern TELEPHONE_SEPARATEURS = Pattern.compile("[\\s.\\-\\u00A0\\u202F]");
    private static final Pattern TELEPHONE = Pattern.compile("^(0[1-9]\\d{8}|\\+33[1-9]\\d{8})$");
    private static final Pattern ENTIER = Pattern.compile("^-?\\d{1,12}$");
    private static final Pattern DATE_ISO = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");

    private ValidateurValeur() {
    }

    public static @Nullable String verifier(Champ champ, String valeur, ContexteValidation contexte) {
        String d = champ.designationOuDefaut();
        String message = switch (champ.type()) {
            case TEXTE, TEXTE_LONG -> null;
            case EMAIL -> EMAIL.matcher(valeur).matches() ? null
                    : majuscule(d) + " n'est pas une adresse e-mail valide : indiquez une adresse de la forme nom@domaine.fr.";
            case TELEPHONE -> TELEPHONE.matcher(TELEPHONE_SEPARATEURS.matcher(valeur).replaceAll("")).matches() ? null
                    : majuscule(d) + " doit comporter 10 chiffres et commencer par 0, par exemple 04 94 12 34 56 "
                    + "(ou commencer par +33, par exemple +33 4 94 12 34 56).";
            case NOMBRE -> verifierNombre(champ, valeur, d);
            case DATE -> verifierDate(champ, valeur, d, contexte.aujourdhui());
            case OUI_NON, CHOIX_UNIQUE, LISTE_DEROULANTE, CHOIX_MULTIPLE -> champ.aPourOption(valeur) ? null
                    : "Choisissez l'une des réponses proposées pour " + d + ".";
            case SIRET -> verifierSiret(valeur);
            case CODE_POSTAL -> verifierCodePostal(champ, valeur, contexte);
            case GROUPE_REPETABLE -> null;
        };
        return message != null ? message : verifierTexte(champ.contraintes(), valeur, d);
    }

    /** Checks every ticked value of a multiple choice. */
    public static @Nullable String verifierListe(Champ champ, List<String> valeurs) {
        return valeurs.stream().allMatch(champ::aPourOption) ? null
                : "Choisissez parmi les réponses proposées pour " + champ.designationOuDefaut() + ".";
    }

    private static @Nullable String verifierTexte(Contraintes c, String valeur, String d) {
        if (valeur.length() > c.longueurEffective()) {
            return majuscule(d) + " ne peut pas dépasser " + c.longueurEffective() + " caractères (vous en avez saisi "
                    + valeur.length() + ") : raccourcissez le texte.";
        }
        if (c.motif() != null && !Pattern.compile(c.motif()).matcher(valeur).matches()) {
            return c.messageMotif() != null ? c.messageMotif() : majuscule(d) + " n'a pas la forme attendue : vérifiez la saisie.";
        }
        return null;
    }

    private static @Nullable String verifierNombre(Champ champ, String valeur, String d) {
        if (!ENTIER.matcher(valeur).matches()) {
            return majuscule(d) + " doit être un nombre entier écrit en chiffres, sans espace ni virgule (par exemple 4).";
        }
        long nombre = Long.parseLong(valeur);
        Contraintes c = champ.contraintes();
        if (c.min() != null && nombre < c.min()) {
            return c.messageMin() != null ? c.messageMin()
                    : majuscule(d) + " doit valoir au moins " + c.min() + " : corrigez le nombre saisi.";
        }
        if (c.max() != null && nombre > c.max()) {
            return c.messageMax() != null ? c.messageMax()
                    : majuscule(d) + " ne peut pas dépasser " + c.max() + " : indiquez un nombre plus petit.";
        }
        return null;
    }

    private static @Nullable String verifierDate(Champ champ, String valeur, String d, LocalDate aujourdhui) {
        LocalDate date;
        try {
            if (!DATE_ISO.matcher(valeur).matches()) {
                throw new DateTimeParseException("format", valeur, 0);
            }
            date = LocalDate.parse(valeur);
        } catch (DateTimeParseException e) {
            return majuscule(d) + " n'est pas une date valide : indiquez le jour, le mois et l'année, par exemple 15/03/2027.";
        }
        Contraintes c = champ.contraintes();
        LocalDate min = c.dateMin() != null ? BorneDate.resoudre(c.dateMin(), aujourdhui) : DATE_MIN_PAR_DEFAUT;
        LocalDate max = c.dateMax() != null ? BorneDate.resoudre(c.dateMax(), aujourdhui) : aujourdhui.plusYears(5);
        if (date.isBefore(min)) {
            String texteMin = Textes.date(min);
            return c.messageDateMin() != null ? c.messageDateMin().replace("{date}", texteMin)
                    : majuscule(d) + " ne peut pas être antérieure au " + texteMin + " : indiquez une date à partir du "
                    + texteMin + ".";
        }
        if (date.isAfter(max)) {
            String texteMax = Textes.date(max);
            return c.messageDateMax() != null ? c.messageDateMax().replace("{date}", texteMax)
                    : majuscule(d) + " ne peut pas être postérieure au " + texteMax + " : indiquez une date au plus tard le "
                    + texteMax + ".";
        }
        return null;
    }

    private static @Nullable String verifierSiret(String valeur) {
        String chiffres = Siret.normaliser(valeur);
        if (!Siret.aLeBonFormat(chiffres)) {
            return "Le numéro SIRET doit comporter 14 chiffres : recopiez-le depuis un extrait Kbis ou un avis de situation "
                    + "INSEE (les espaces sont acceptés).";
        }
        return Siret.estValide(chiffres) ? null
                : "Le numéro SIRET n'est pas valide : vérifiez les 14 chiffres (clé de contrôle incorrecte).";
    }

    private static @Nullable String verifierCodePostal(Champ champ, String valeur, ContexteValidation contexte) {
        if (!CodePostal.aLeBonFormat(valeur)) {
            return "Le code postal doit comporter 5 chiffres, par exemple 83000.";
        }
        String departement = contexte.codeDepartement();
        if (champ.verifierDepartement() && departement != null
                && !new CodePostal(valeur).correspondAuDepartement(departement)) {
            return "Le code postal " + valeur + " ne correspond pas au département " + departement
                    + " : indiquez un code postal du département de la préfecture choisie.";
        }
        return null;
    }
}
