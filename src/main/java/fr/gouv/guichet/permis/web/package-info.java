/**
 * The usager's pages of the driving licence: choosing the procedure, what will be needed, the photo, the cover sheet,
 * the appointment in préfecture; and the préfecture's list of the day's appointments (its agents).
 */
@NullMarked
package fr.gouv.guichet.permis.web;

import org.jspecify.annotations.NullMarked;
