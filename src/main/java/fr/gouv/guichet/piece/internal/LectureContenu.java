package fr.gouv.guichet.piece.internal;

import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * What the inspection needs from a stream, read once: its first and last {@value #TAILLE_ECHANTILLON} bytes, its
 * size and its SHA-256. Reading stops one byte past {@code tailleMax}, so an oversized stream is never read whole.
 *
 * @param debut        first bytes (fewer when the content is shorter)
 * @param fin          last bytes (fewer when the content is shorter)
 * @param taille       bytes read; when {@code depassement}, only a lower bound
 * @param sha256       SHA-256 of the bytes read, lowercase hexadecimal
 * @param depassement  whether the stream held more than {@code tailleMax} bytes
 */
public record LectureContenu(byte[] debut, byte[] fin, long taille, String sha256, boolean depassement) {

    public static final int TAILLE_ECHANTILLON = 1024;

    private static final int TAILLE_TAMPON = 64 * 1024;

    public static LectureContenu lire(InputStream contenu, long tailleMax) throws IOException {
        MessageDigest empreinte = nouvelleEmpreinte();
        byte[] debut = new byte[TAILLE_ECHANTILLON];
        int debutLongueur = 0;
        byte[] fin = new byte[TAILLE_ECHANTILLON];
        int finLongueur = 0;
        long taille = 0;
        byte[] tampon = new byte[TAILLE_TAMPON];
        try (DigestInputStream flux = new DigestInputStream(contenu, empreinte)) {
            int lus;
            while (taille <= tailleMax && (lus = flux.read(tampon, 0, (int) Math.min(tampon.length, tailleMax - taille + 1))) != -1) {
                if (debutLongueur < TAILLE_ECHANTILLON) {
                    int copie = Math.min(lus, TAILLE_ECHANTILLON - debutLongueur);
                    System.arraycopy(tampon, 0, debut, debutLongueur, copie);
                    debutLongueur += copie;
                }
                finLongueur = ajouterALaFin(fin, finLongueur, tampon, lus);
                taille += lus;
            }
        }
        return new LectureContenu(Arrays.copyOf(debut, debutLongueur), Arrays.copyOf(fin, finLongueur), taille,
                HexFormat.of().formatHex(empreinte.digest()), taille > tailleMax);
    }

    /** Keeps the last bytes seen in {@code fin}; returns its new length. */
    private static int ajouterALaFin(byte[] fin, int finLongueur, byte[] lus, int nombre) {
        if (nombre >= fin.length) {
            System.arraycopy(lus, nombre - fin.length, fin, 0, fin.length);
            return fin.length;
        }
        int garder = Math.min(finLongueur, fin.length - nombre);
        System.arraycopy(fin, finLongueur - garder, fin, 0, garder);
        System.arraycopy(lus, 0, fin, garder, nombre);
        return garder + nombre;
    }

    public static MessageDigest nouvelleEmpreinte() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 est requis par la plateforme Java", e);
        }
    }

    @Override
    public boolean equals(Object autre) {
        return autre instanceof LectureContenu l && taille == l.taille && depassement == l.depassement
                && sha256.equals(l.sha256) && Arrays.equals(debut, l.debut) && Arrays.equals(fin, l.fin);
    }

    @Override
    public int hashCode() {
        return sha256.hashCode();
    }

    @Override
    public String toString() {
        return "LectureContenu[taille=" + taille + ", sha256=" + sha256 + ", depassement=" + depassement + "]";
    }
}
