package fr.gouv.guichet.piece;

import fr.gouv.guichet.piece.FichierRefuse.MotifRefus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.util.unit.DataSize;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;

import static fr.gouv.guichet.piece.EchantillonsFichiers.ascii;
import static fr.gouv.guichet.piece.EchantillonsFichiers.concat;
import static org.assertj.core.api.Assertions.assertThat;

class InspecteurFichierTest {

    private final InspecteurFichier inspecteur = new InspecteurFichier(InspecteurFichier.TAILLE_MAX_PAR_DEFAUT);

    @Test
    void accepte_un_pdf_et_calcule_taille_et_empreinte() throws Exception {
        byte[] pdf = EchantillonsFichiers.pdf();

        ResultatInspection resultat = inspecteur.inspecter("Attestation d’assurance.pdf", pdf);

        assertThat(resultat).isEqualTo(new FichierAccepte(TypeContenu.PDF, "Attestation d assurance.pdf",
                pdf.length, sha256(pdf)));
    }

    @Test
    void accepte_un_png_et_un_jpeg_produits_par_imageio() {
        assertThat(inspecteur.inspecter("plan.png", EchantillonsFichiers.png()))
                .isInstanceOfSatisfying(FichierAccepte.class, f -> {
                    assertThat(f.typeContenu()).isEqualTo(TypeContenu.PNG);
                    assertThat(f.nomNettoye()).isEqualTo("plan.png");
                });
        assertThat(inspecteur.inspecter("Façade.JPEG", EchantillonsFichiers.jpeg()))
                .isInstanceOfSatisfying(FichierAccepte.class, f -> {
                    assertThat(f.typeContenu()).isEqualTo(TypeContenu.JPEG);
                    assertThat(f.nomNettoye()).isEqualTo("Façade.jpeg");
                    assertThat(f.typeContenu().typeMime()).isEqualTo("image/jpeg");
                });
    }

    @Test
    void le_contenu_decide_du_type_et_l_extension_est_corrigee() {
        assertThat(inspecteur.inspecter("scan.pdf", EchantillonsFichiers.png()))
                .isEqualTo(accepte(TypeContenu.PNG, "scan.png", EchantillonsFichiers.png()));
        assertThat(inspecteur.inspecter("affiche", EchantillonsFichiers.jpeg()))
                .isInstanceOfSatisfying(FichierAccepte.class, f -> assertThat(f.nomNettoye()).isEqualTo("affiche.jpg"));
        assertThat(inspecteur.inspecter("rapport.v2", EchantillonsFichiers.pdf()))
                .isInstanceOfSatisfying(FichierAccepte.class, f -> assertThat(f.nomNettoye()).isEqualTo("rapport.v2.pdf"));
    }

    @Test
    void refuse_un_texte_deguise_en_pdf() {
        assertThat(inspecteur.inspecter("photo.pdf", ascii("Ceci n'est pas un PDF.\n%%EOF\n")))
                .isEqualTo(new FichierRefuse(MotifRefus.FORMAT_NON_ACCEPTE, "Le fichier « photo.pdf » n’est pas un PDF,"
                        + " un JPEG ou un PNG : son contenu ne correspond pas à son nom. Formats acceptés : PDF, JPEG, PNG."));
        assertThat(inspecteur.inspecter("notes.txt", ascii("bonjour")))
                .isEqualTo(new FichierRefuse(MotifRefus.FORMAT_NON_ACCEPTE,
                        "Le fichier « notes.txt » n’est pas un PDF, un JPEG ou un PNG. Formats acceptés : PDF, JPEG, PNG."));
    }

    @ParameterizedTest
    @ValueSource(strings = {"<html><body>%PDF-</body></html>", "<HTML>", "<script>alert(1)</script>",
            "PK\u0003\u0004\u0014\u0000", "GIF89a\u0001\u0000"})
    void refuse_html_script_zip_et_autres_formats(String contenu) {
        assertThat(inspecteur.inspecter("piece.pdf", ascii(contenu)))
                .isInstanceOfSatisfying(FichierRefuse.class,
                        r -> assertThat(r.motif()).isEqualTo(MotifRefus.FORMAT_NON_ACCEPTE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"%PDF-1.7", "<script>alert(1)</script>", "<HTML>", "<?php system($_GET['c']); ?>"})
    void refuse_les_images_polyglottes(String intrus) {
        assertThat(inspecteur.inspecter("image.png", EchantillonsFichiers.pngAvecTexte(intrus)))
                .isInstanceOfSatisfying(FichierRefuse.class, r -> {
                    assertThat(r.motif()).isEqualTo(MotifRefus.CONTENU_SUSPECT);
                    assertThat(r.message()).startsWith("Le fichier « image.png » ne peut pas être accepté");
                });
        assertThat(inspecteur.inspecter("image.jpg", EchantillonsFichiers.jpegAvecCommentaire(intrus)))
                .isInstanceOfSatisfying(FichierRefuse.class,
                        r -> assertThat(r.motif()).isEqualTo(MotifRefus.CONTENU_SUSPECT));
    }

    @Test
    void une_image_avec_un_commentaire_anodin_reste_acceptee() {
        assertThat(inspecteur.inspecter("image.png", EchantillonsFichiers.pngAvecTexte("Vue de l’entrée")).accepte())
                .isTrue();
        assertThat(inspecteur.inspecter("image.jpg", EchantillonsFichiers.jpegAvecCommentaire("Caméra 3")).accepte())
                .isTrue();
    }

    @Test
    void refuse_un_pdf_suivi_d_une_archive_zip() {
        byte[] pdf = EchantillonsFichiers.pdf();
        byte[] finZip = ascii("PK\u0005\u0006\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000");
        byte[] polyglotte = concat(Arrays.copyOf(pdf, pdf.length - 6), finZip, ascii("\n%%EOF\n"));

        assertThat(inspecteur.inspecter("dossier.pdf", polyglotte))
                .isInstanceOfSatisfying(FichierRefuse.class,
                        r -> assertThat(r.motif()).isEqualTo(MotifRefus.CONTENU_SUSPECT));
    }

    @Test
    void refuse_les_fichiers_tronques_ou_prolonges() {
        byte[] png = EchantillonsFichiers.png();
        byte[] pdf = EchantillonsFichiers.pdf();
        byte[] jpeg = EchantillonsFichiers.jpeg();

        assertThat(motif(inspecteur.inspecter("a.png", Arrays.copyOf(png, png.length - 12))))
                .isEqualTo(MotifRefus.ENDOMMAGE);
        assertThat(motif(inspecteur.inspecter("a.png", concat(png, ascii("<script>")))))
                .isEqualTo(MotifRefus.ENDOMMAGE);
        assertThat(motif(inspecteur.inspecter("a.pdf", Arrays.copyOf(pdf, pdf.length - 7))))
                .isEqualTo(MotifRefus.ENDOMMAGE);
        assertThat(motif(inspecteur.inspecter("a.pdf", concat(pdf, ascii("<html>")))))
                .isEqualTo(MotifRefus.ENDOMMAGE);
        assertThat(motif(inspecteur.inspecter("a.jpg", Arrays.copyOf(jpeg, jpeg.length - 2))))
                .isEqualTo(MotifRefus.ENDOMMAGE);
        assertThat(motif(inspecteur.inspecter("a.png", Arrays.copyOf(png, 20))))
                .isEqualTo(MotifRefus.ENDOMMAGE);
        assertThat(inspecteur.inspecter("a.jpg", concat(jpeg, new byte[] {0, 0, '\n'})).accepte()).isTrue();
        assertThat(inspecteur.inspecter("a.pdf", concat(pdf, ascii("\r\n\r\n"))).accepte()).isTrue();
    }

    @Test
    void refuse_un_fichier_vide() {
        assertThat(inspecteur.inspecter("x.pdf", new byte[0]))
                .isEqualTo(new FichierRefuse(MotifRefus.VIDE, "Le fichier « x.pdf » est vide."));
    }

    @Test
    void refuse_un_fichier_trop_volumineux_annonce_sans_le_lire() {
        long taille = Math.round(23.4 * 1024 * 1024);
        InputStream jamaisLu = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("le flux ne doit pas être lu");
            }
        };

        assertThat(inspecteur.inspecter("x", jamaisLu, taille)).isEqualTo(new FichierRefuse(MotifRefus.TROP_VOLUMINEUX,
                "Le fichier « x » dépasse 20 Mo (taille : 23,4 Mo) : réduisez-le ou scannez-le en plus basse résolution."));
    }

    @Test
    void la_taille_maximale_est_configurable_et_verifiee_sur_le_contenu_reel() {
        byte[] pdf = EchantillonsFichiers.pdf();
        InspecteurFichier strict = new InspecteurFichier(DataSize.ofBytes(pdf.length));

        assertThat(strict.inspecter("juste.pdf", pdf).accepte()).isTrue();
        ResultatInspection menteur = strict.inspecter("gros.pdf", new ByteArrayInputStream(concat(pdf, pdf)), -1);
        assertThat(menteur).isInstanceOfSatisfying(FichierRefuse.class, r -> {
            assertThat(r.motif()).isEqualTo(MotifRefus.TROP_VOLUMINEUX);
            assertThat(r.message()).isEqualTo("Le fichier « gros.pdf » dépasse " + pdf.length
                    + " octets : réduisez-le ou scannez-le en plus basse résolution.");
        });
    }

    @Test
    void lit_un_gros_pdf_livre_par_petits_morceaux_sans_fermer_le_flux() throws Exception {
        byte[] pdf = EchantillonsFichiers.pdf(300_000);
        Random hasard = new Random(42);
        boolean[] ferme = {false};
        InputStream morcele = new FilterInputStream(new ByteArrayInputStream(pdf)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 1 + hasard.nextInt(3000)));
            }

            @Override
            public void close() {
                ferme[0] = true;
            }
        };

        ResultatInspection resultat = inspecteur.inspecter("gros.pdf", morcele, pdf.length);

        assertThat(resultat).isEqualTo(accepte(TypeContenu.PDF, "gros.pdf", pdf));
        assertThat(ferme[0]).isFalse();
    }

    @Test
    void un_flux_illisible_est_refuse_proprement() {
        InputStream enPanne = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connexion interrompue");
            }
        };

        assertThat(inspecteur.inspecter("a.pdf", enPanne, 10)).isEqualTo(new FichierRefuse(MotifRefus.ILLISIBLE,
                "Le fichier « a.pdf » n’a pas pu être lu : envoyez-le de nouveau."));
    }

    @Test
    void le_nom_affiche_dans_les_messages_est_nettoye() {
        assertThat(inspecteur.inspecter("../../etc/passwd\u0000<x>.pdf", new byte[0]))
                .isEqualTo(new FichierRefuse(MotifRefus.VIDE, "Le fichier « passwd x.pdf » est vide."));
        assertThat(inspecteur.inspecter("C:\\Users\\Zoé\\..\\plan de masse.png", EchantillonsFichiers.png()))
                .isInstanceOfSatisfying(FichierAccepte.class, f -> assertThat(f.nomNettoye()).isEqualTo("plan de masse.png"));
    }

    private static FichierAccepte accepte(TypeContenu type, String nom, byte[] contenu) {
        return new FichierAccepte(type, nom, contenu.length, sha256(contenu));
    }

    private static MotifRefus motif(ResultatInspection resultat) {
        assertThat(resultat).isInstanceOf(FichierRefuse.class);
        return ((FichierRefuse) resultat).motif();
    }

    private static String sha256(byte[] contenu) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(contenu));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
