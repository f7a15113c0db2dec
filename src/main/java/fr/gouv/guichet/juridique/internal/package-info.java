/** Storage, loading from the versioned CSV, validation and history of the tribunaux administratifs table. */
@NullMarked
package fr.gouv.guichet.juridique.internal;

import org.jspecify.annotations.NullMarked;
