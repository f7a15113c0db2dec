@NullMarked
package fr.gouv.guichet.demarche.web;

import org.jspecify.annotations.NullMarked;
