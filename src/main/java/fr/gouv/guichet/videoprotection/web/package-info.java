@NullMarked
package fr.gouv.guichet.videoprotection.web;

import org.jspecify.annotations.NullMarked;
