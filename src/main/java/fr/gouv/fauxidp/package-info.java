/**
 * A demonstration identity provider (FranceConnect and ProConnect look-alike), a real OpenID Connect server built on
 * Spring Authorization Server. It lives outside {@code fr.gouv.guichet} on purpose: it is not part of Guichet, only
 * started by Guichet's embedded defaults (and the tests) in its own Spring context and on its own port.
 */
@NullMarked
package fr.gouv.fauxidp;

import org.jspecify.annotations.NullMarked;
