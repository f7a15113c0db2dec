@NullMarked
package fr.gouv.guichet.instruction.web;

import org.jspecify.annotations.NullMarked;
