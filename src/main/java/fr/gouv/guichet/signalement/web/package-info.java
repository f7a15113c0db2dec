@NullMarked
package fr.gouv.guichet.signalement.web;

import org.jspecify.annotations.NullMarked;
