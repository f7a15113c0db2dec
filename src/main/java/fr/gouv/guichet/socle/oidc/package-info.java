/**
 * Sign-in through an OpenID Connect identity provider (FranceConnect for usagers, ProConnect for agents): what
 * Spring Security does not do for these providers (ES256 ID tokens, userinfo as a signed JWT, {@code acr} check,
 * logout with a {@code state}), shared by the usagers' and the agents' filter chains.
 */
@NullMarked
@NamedInterface("oidc")
package fr.gouv.guichet.socle.oidc;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
