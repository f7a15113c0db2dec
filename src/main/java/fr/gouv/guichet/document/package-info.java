/**
 * PDF documents generated from Thymeleaf templates ({@code templates/pdf/*.html}) with openhtmltopdf:
 * {@link fr.gouv.guichet.document.GenerateurPdf}, and the variable contracts of each document: the récépissé
 * {@link fr.gouv.guichet.document.DonneesRecepisse}, the arrêté {@link fr.gouv.guichet.document.DonneesArrete}, the
 * refusal letter {@link fr.gouv.guichet.document.DonneesRefus} and the commission's agenda
 * {@link fr.gouv.guichet.document.DonneesOrdreDuJour}.
 */
@NullMarked
package fr.gouv.guichet.document;

import org.jspecify.annotations.NullMarked;
