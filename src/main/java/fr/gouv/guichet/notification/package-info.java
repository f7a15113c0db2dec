/** E-mails sent to usagers and agents, and the embedded SMTP server of the default set-up. */
@NullMarked
package fr.gouv.guichet.notification;

import org.jspecify.annotations.NullMarked;
