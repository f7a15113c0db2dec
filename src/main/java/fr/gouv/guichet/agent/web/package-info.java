@NullMarked
package fr.gouv.guichet.agent.web;

import org.jspecify.annotations.NullMarked;
