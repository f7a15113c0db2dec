/**
 * PDF documents generated from Thymeleaf templates ({@code templates/pdf/*.html}) with openhtmltopdf:
 * {@link fr.gouv.guichet.document.GenerateurPdf}, and the récépissé's variable contract
 * {@link fr.gouv.guichet.document.DonneesRecepisse}.
 */
@NullMarked
package fr.gouv.guichet.document;

import org.jspecify.annotations.NullMarked;
