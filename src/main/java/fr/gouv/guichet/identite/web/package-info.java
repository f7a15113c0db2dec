/** Pages of the pré-demande, the appointments, the town hall's counter and the waiting times. */
@NullMarked
package fr.gouv.guichet.identite.web;

import org.jspecify.annotations.NullMarked;
