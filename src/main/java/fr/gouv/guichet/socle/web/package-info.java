@NullMarked
package fr.gouv.guichet.socle.web;

import org.jspecify.annotations.NullMarked;
