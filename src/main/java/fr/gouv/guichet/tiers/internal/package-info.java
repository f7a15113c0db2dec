/** Storage, authorization, deposits for clients, fraud rules and the convention of the trusted third parties. */
@NullMarked
package fr.gouv.guichet.tiers.internal;

import org.jspecify.annotations.NullMarked;
