/** Demo mode ({@code guichet.demo=true}): one agent per préfecture, a usager and some dossiers, to try both sides. */
@NullMarked
package fr.gouv.guichet.demo;

import org.jspecify.annotations.NullMarked;
