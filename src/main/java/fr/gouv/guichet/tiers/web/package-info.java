/** Pages of the trusted third parties: request, professional space, deposit for a client, opposition, directory, préfecture. */
@NullMarked
package fr.gouv.guichet.tiers.web;

import org.jspecify.annotations.NullMarked;
