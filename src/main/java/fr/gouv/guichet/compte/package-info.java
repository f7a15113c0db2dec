/** Usager accounts: sign-up with e-mail activation, sign-in, password reset, "Mon compte", choice of the préfecture. */
@NullMarked
package fr.gouv.guichet.compte;

import org.jspecify.annotations.NullMarked;
