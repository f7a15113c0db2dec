package fr.gouv.guichet.permis.internal;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * What the CERT agent checks on a licence dossier before deciding, each check with its outcome in plain French, and
 * where the title stands with the production service once validated.
 *
 * @param photo  the ePhoto's photo as a {@code data:} URI, when the photo service gave it
 * @param signature the ePhoto's signature as a {@code data:} URI
 */
public record ControlesPermis(List<Controle> controles, @Nullable String photo, @Nullable String signature,
                              @Nullable Fabrication fabrication) {

    public enum Issue {
        CONFORME("Conforme", "fr-badge--success"),
        A_VERIFIER("À vérifier", "fr-badge--warning"),
        INJOIGNABLE("Service injoignable", "fr-badge--error"),
        SANS_OBJET("Sans objet", "fr-badge--info");

        private final String libelle;
        private final String classe;

        Issue(String libelle, String classe) {
            this.libelle = libelle;
            this.classe = classe;
        }

        public String libelle() {
            return libelle;
        }

        public String classe() {
            return classe;
        }
    }

    /** One check: what is checked, its outcome, and what was found. */
    public record Controle(String code, String objet, Issue issue, String constat) {
    }
}
