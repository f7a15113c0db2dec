package fr.gouv.guichet.piece;

import fr.gouv.guichet.piece.FichierRefuse.MotifRefus;
import fr.gouv.guichet.piece.internal.ContenuActifPdf;
import fr.gouv.guichet.piece.internal.FormatTaille;
import fr.gouv.guichet.piece.internal.LectureContenu;
import fr.gouv.guichet.piece.internal.NomsFichiers;
import fr.gouv.guichet.piece.internal.SignaturesContenu;
import fr.gouv.guichet.piece.internal.SignaturesContenu.Verdict;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * Decides whether an uploaded file is accepted, by its content only (see {@link SignaturesContenu} for the checks),
 * and says why not in a sentence to show next to the upload field. The name sent by the browser is only cleaned and
 * its extension aligned with the detected type.
 *
 * <p>Maximum size: property {@code guichet.piece.taille-max} (default 20 Mo, i.e. 20 MiB).
 */
@Component
public class InspecteurFichier {

    public static final DataSize TAILLE_MAX_PAR_DEFAUT = DataSize.ofMegabytes(20);

    private static final Logger LOG = LoggerFactory.getLogger(InspecteurFichier.class);

    private static final String FORMATS = "Formats acceptés : PDF, JPEG, PNG.";

    private final long tailleMax;

    public InspecteurFichier(@Value("${guichet.piece.taille-max:20MB}") DataSize tailleMax) {
        if (tailleMax.toBytes() <= 0) {
            throw new IllegalArgumentException("guichet.piece.taille-max doit être positive");
        }
        this.tailleMax = tailleMax.toBytes();
    }

    /** Maximum accepted size in bytes. */
    public long tailleMax() {
        return tailleMax;
    }

    /**
     * Same as the stream form; a PDF is also opened and refused when it carries active content (JavaScript, an
     * embedded file, an action launching a program) or is a compression bomb (issue 10, point 11).
     */
    public ResultatInspection inspecter(@Nullable String nomFichier, byte[] contenu) {
        ResultatInspection resultat = inspecter(nomFichier, new ByteArrayInputStream(contenu), contenu.length);
        if (resultat instanceof FichierAccepte accepte && accepte.typeContenu() == TypeContenu.PDF) {
            ContenuActifPdf.Constat constat = ContenuActifPdf.analyser(contenu);
            if (constat != null) {
                LOG.warn("PDF refusé ({}) : {} octets, SHA-256 {}", constat, contenu.length, accepte.sha256());
                return new FichierRefuse(MotifRefus.CONTENU_ACTIF, messageContenuActif(constat, NomsFichiers.nettoyer(nomFichier)));
            }
        }
        return resultat;
    }

    private static String messageContenuActif(ContenuActifPdf.Constat constat, String nom) {
        String fichier = "Le fichier « " + nom + " » ne peut pas être accepté : ";
        String raison = switch (constat) {
            case JAVASCRIPT -> "il contient du code JavaScript.";
            case FICHIER_EMBARQUE -> "il contient un autre fichier ou un formulaire actif.";
            case ACTION_EXTERNE -> "il contient une action qui lance un programme ou envoie des données.";
            case BOMBE_DE_COMPRESSION -> "son contenu décompressé est anormalement volumineux.";
        };
        return fichier + raison + " Enregistrez-le de nouveau avec « Imprimer » puis « Enregistrer au format PDF », "
                + "puis envoyez-le.";
    }

    /**
     * Reads {@code contenu} (at most one byte past the maximum size; the caller closes it).
     *
     * @param tailleAnnoncee size announced by the client (e.g. {@code MultipartFile.getSize()}), or -1 if unknown;
     *                       only used to refuse early and to tell the size of a too large file
     */
    public ResultatInspection inspecter(@Nullable String nomFichier, InputStream contenu, long tailleAnnoncee) {
        Objects.requireNonNull(contenu, "contenu");
        String nom = NomsFichiers.nettoyer(nomFichier);
        if (tailleAnnoncee > tailleMax) {
            return tropVolumineux(nom, tailleAnnoncee);
        }
        LectureContenu lecture;
        try {
            lecture = LectureContenu.lire(nonFermable(contenu), tailleMax);
        } catch (IOException e) {
            return new FichierRefuse(MotifRefus.ILLISIBLE,
                    "Le fichier « " + nom + " » n’a pas pu être lu : envoyez-le de nouveau.");
        }
        if (lecture.depassement()) {
            return tropVolumineux(nom, tailleAnnoncee > lecture.taille() ? tailleAnnoncee : -1);
        }
        if (lecture.taille() == 0) {
            return new FichierRefuse(MotifRefus.VIDE, "Le fichier « " + nom + " » est vide.");
        }
        Verdict verdict = SignaturesContenu.analyser(lecture.debut(), lecture.fin());
        TypeContenu type = verdict.type();
        if (type == null) {
            return new FichierRefuse(Objects.requireNonNull(verdict.refus()), message(verdict.refus(), nom));
        }
        return new FichierAccepte(type, NomsFichiers.avecExtension(nomFichier, type), lecture.taille(), lecture.sha256());
    }

    private FichierRefuse tropVolumineux(String nom, long taille) {
        String tailleLue = taille > 0 ? " (taille : " + FormatTaille.formater(taille) + ")" : "";
        return new FichierRefuse(MotifRefus.TROP_VOLUMINEUX, "Le fichier « " + nom + " » dépasse "
                + FormatTaille.formater(tailleMax) + tailleLue
                + " : réduisez-le ou scannez-le en plus basse résolution.");
    }

    private static String message(MotifRefus motif, String nom) {
        String fichier = "Le fichier « " + nom + " »";
        return switch (motif) {
            case FORMAT_NON_ACCEPTE -> fichier + " n’est pas un PDF, un JPEG ou un PNG"
                    + (porteUneExtensionAcceptee(nom) ? " : son contenu ne correspond pas à son nom. " : ". ") + FORMATS;
            case ENDOMMAGE -> fichier + " semble incomplet ou endommagé : enregistrez-le de nouveau"
                    + " en PDF, JPEG ou PNG, puis envoyez-le.";
            case CONTENU_ACTIF -> throw new IllegalStateException("Le contenu actif est vérifié après la reconnaissance du PDF");
            case CONTENU_SUSPECT -> fichier + " ne peut pas être accepté : il mélange plusieurs formats."
                    + " Enregistrez-le de nouveau en PDF, JPEG ou PNG (par exemple avec « Imprimer »"
                    + " puis « Enregistrer au format PDF »), puis envoyez-le.";
            case VIDE -> fichier + " est vide.";
            case ILLISIBLE -> fichier + " n’a pas pu être lu : envoyez-le de nouveau.";
            case TROP_VOLUMINEUX -> throw new IllegalStateException("La taille est vérifiée avant l’analyse");
        };
    }

    private static boolean porteUneExtensionAcceptee(String nom) {
        int point = nom.lastIndexOf('.');
        return point > 0 && TypeContenu.extensionConnue(nom.substring(point + 1));
    }

    /** The inspection must not close a stream it does not own (e.g. a servlet part). */
    private static InputStream nonFermable(InputStream contenu) {
        return new FilterInputStream(contenu) {
            @Override
            public void close() {
                // the caller owns the stream
            }
        };
    }
}
