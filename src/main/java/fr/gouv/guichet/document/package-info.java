/**
 * PDF documents generated from Thymeleaf templates ({@code templates/pdf/*.html}) with openhtmltopdf:
 * {@link fr.gouv.guichet.document.GenerateurPdf}, the shared pieces of official documents (authority, signatory,
 * verification code) and the récépissé {@link fr.gouv.guichet.document.DonneesRecepisse}. The documents of a
 * procedure (its decisions, its agendas) are declared by its feature, with their templates.
 */
@NullMarked
package fr.gouv.guichet.document;

import org.jspecify.annotations.NullMarked;
