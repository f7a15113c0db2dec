/** The national administrator's page for the tribunaux administratifs table. */
@NullMarked
package fr.gouv.guichet.juridique.web;

import org.jspecify.annotations.NullMarked;
