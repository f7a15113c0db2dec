/**
 * Télé-videoprotection: the four démarches (new authorization, modification, renewal, banks) on CERFA 13806 and
 * 14095, the competent préfecture, and the references to an existing authorization.
 */
@NullMarked
package fr.gouv.guichet.videoprotection;

import org.jspecify.annotations.NullMarked;
