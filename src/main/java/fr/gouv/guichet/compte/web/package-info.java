
@NullMarked
package fr.gouv.guichet.compte.web;

import org.jspecify.annotations.NullMarked;
