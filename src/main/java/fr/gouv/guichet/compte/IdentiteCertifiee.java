package fr.gouv.guichet.compte;

/**
 * The identity FranceConnect certified for an account (identité pivot), as other features may use it: a form prefills
 * it and does not let it be changed.
 *
 * @param nom           the name to print on a title: the nom d'usage when FranceConnect gives one, else the birth name
 * @param prenoms       the given names, as FranceConnect gives them
 * @param dateNaissance the date of birth as FranceConnect gives it ({@code AAAA-MM-JJ}, possibly presumed)
 */
public record IdentiteCertifiee(String nom, String prenoms, String dateNaissance) {
}
