/** Shared web security pieces: sign-in throttling and security headers, used by each sign-in (usagers, agents). */
@NullMarked
@NamedInterface("securite")
package fr.gouv.guichet.socle.securite;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
