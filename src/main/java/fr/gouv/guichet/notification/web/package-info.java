@NullMarked
package fr.gouv.guichet.notification.web;

import org.jspecify.annotations.NullMarked;
