/** The usager's pages of the driving licence: choosing the procedure, what will be needed, the photo, the cover sheet. */
@NullMarked
package fr.gouv.guichet.permis.web;

import org.jspecify.annotations.NullMarked;
