package fr.gouv.guichet.permis.externe;

import fr.gouv.guichet.permis.Neph;

import java.util.Optional;

/** The examination results: who passed which category on which date, by NEPH. */
public interface ResultatsExamen {

    /** The candidate and the categories passed; empty when the NEPH is unknown. */
    Optional<DossierCandidat> candidat(Neph neph);
}
