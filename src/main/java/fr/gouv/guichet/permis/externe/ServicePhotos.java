package fr.gouv.guichet.permis.externe;

import fr.gouv.guichet.permis.CodeEphoto;

/** The ePhoto service: the photo and signature taken by an agreed booth or photographer, from the printed code. */
public interface ServicePhotos {

    /**
     * The photo and signature of this code, for the usager to confirm.
     *
     * @throws RefusServiceExterneException {@link Refus#CODE_EPHOTO_INCONNU} or {@link Refus#CODE_EPHOTO_EXPIRE}
     * @throws ServiceExterneIndisponibleException when the service cannot be reached
     */
    PhotoSignature recuperer(CodeEphoto code);

    /**
     * Records that this dossier uses the code (idempotent for one dossier) and tells whether other dossiers already
     * used it: a code reused for another person's dossier is a fraud signal for the CERT, not a refusal.
     */
    UtilisationEphoto declarerUtilisation(CodeEphoto code, ReferenceDossier dossier);
}
