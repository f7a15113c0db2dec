package fr.gouv.guichet.identite.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Not found, or not the visitor's: the same answer, so that nobody learns what exists. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class Introuvable extends RuntimeException {
    Introuvable() {
        super("Page introuvable");
    }
}
