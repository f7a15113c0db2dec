@NullMarked
package fr.gouv.guichet.commission.web;

import org.jspecify.annotations.NullMarked;
