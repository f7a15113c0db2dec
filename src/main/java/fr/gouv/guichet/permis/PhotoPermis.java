package fr.gouv.guichet.permis;

import fr.gouv.guichet.demarche.Dossier;
import fr.gouv.guichet.externe.ServiceExterneIndisponibleException;
import fr.gouv.guichet.formulaire.Reponses;
import fr.gouv.guichet.permis.externe.PhotoSignature;
import fr.gouv.guichet.permis.externe.ReferenceDossier;
import fr.gouv.guichet.permis.externe.RefusServiceExterneException;
import fr.gouv.guichet.permis.externe.ServicePhotos;
import fr.gouv.guichet.permis.internal.DonneesPermis;
import fr.gouv.guichet.permis.internal.DonneesPermis.PhotoConfirmee;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import java.text.Normalizer;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The photo and signature of a licence dossier (issue 12, point 7): the code typed in the form is read with the one
 * {@link FormatEphoto}, the photo service gives the photo and the signature, the usager confirms them. At the
 * confirmation the use is declared to the service; a code already used for <em>another person's</em> dossier (another
 * identity in Guichet, or a dossier Guichet does not know) is recorded as a fact the CERT reads.
 */
@Component
public class PhotoPermis {

    /** The form field of the code. */
    public static final String CHAMP = "code_ephoto";

    /** What the page shows: the photo fetched, or why not (format, unknown, expired, service down). */
    public record Lecture(String saisie, @Nullable PhotoSignature photo, @Nullable String erreur) {
    }

    private final FormatEphoto format;
    private final ServicePhotos photos;
    private final DonneesPermis donnees;
    private final Clock horloge;

    PhotoPermis(FormatEphoto format, ServicePhotos photos, DonneesPermis donnees, Clock horloge) {
        this.format = format;
        this.photos = photos;
        this.donnees = donnees;
        this.horloge = horloge;
    }

    /** Whether the draft's current code was confirmed by the usager. */
    public boolean confirmee(Dossier dossier) {
        String saisie = new Reponses(dossier.reponses()).texte(CHAMP);
        return donnees.photo(dossier.id()).map(p -> p.code().equals(FormatEphoto.normaliser(saisie))).orElse(false);
    }

    /** Reads the code typed and fetches the photo, or says why it cannot. */
    public Lecture lire(String saisie) {
        String probleme = format.probleme(saisie);
        if (probleme != null) {
            return new Lecture(saisie, null, probleme);
        }
        CodeEphoto code = format.lire(saisie).orElseThrow();
        try {
            return new Lecture(saisie, photos.recuperer(code), null);
        } catch (RefusServiceExterneException e) {
            return new Lecture(saisie, null, e.messageUsager());
        } catch (ServiceExterneIndisponibleException e) {
            return new Lecture(saisie, null, e.messageUsager());
        }
    }

    /**
     * The usager confirms the photo of the draft's code: declared to the service, recorded with the reuse fact.
     *
     * @return the error to show, empty when confirmed
     */
    public Optional<String> confirmer(Dossier dossier) {
        Reponses reponses = new Reponses(dossier.reponses());
        Lecture lecture = lire(reponses.texte(CHAMP));
        if (lecture.photo() == null) {
            return Optional.ofNullable(lecture.erreur());
        }
        CodeEphoto code = lecture.photo().code();
        int autres;
        try {
            autres = photos.declarerUtilisation(code, reference(dossier)).autresDossiers();
        } catch (RefusServiceExterneException e) {
            return Optional.of(e.messageUsager());
        } catch (ServiceExterneIndisponibleException e) {
            return Optional.of(e.messageUsager());
        }
        String identite = identite(reponses);
        List<String> autresIdentites = donnees.autresIdentites(code.valeur(), dossier.id());
        long autresPersonnes = autresIdentites.stream().filter(i -> !i.equals(identite)).count();
        long memePersonne = autresIdentites.size() - autresPersonnes;
        String explication = null;
        if (autresPersonnes > 0) {
            explication = "Le code ePhoto a déjà été confirmé dans " + autresPersonnes + " dossier(s) Guichet d’une autre personne.";
        } else if (autres > memePersonne) {
            explication = "Le service des photos indique " + autres + " autre(s) dossier(s) ayant utilisé ce code, dont "
                    + (autres - memePersonne) + " inconnu(s) de Guichet pour cette personne.";
        }
        donnees.confirmerPhoto(dossier.id(), new PhotoConfirmee(code.valeur(), identite, explication != null, explication),
                horloge.instant());
        return Optional.empty();
    }

    /** The reference under which the services know the dossier, before and after its number. */
    public static ReferenceDossier reference(Dossier dossier) {
        return reference(dossier.id());
    }

    public static ReferenceDossier reference(long dossierId) {
        return new ReferenceDossier("GUICHET-D" + dossierId);
    }

    /** Name, first names and birth date, accents and case ignored: two dossiers of one person read the same. */
    static String identite(Reponses r) {
        String brut = (r.texte("nom") + "|" + r.texte("prenoms") + "|" + r.texte("date_naissance")).strip();
        String sansAccents = Normalizer.normalize(brut, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String identite = sansAccents.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9|-]+", " ").replaceAll(" *\\| *", "|").strip();
        return identite.length() > 300 ? identite.substring(0, 300) : identite;
    }
}
