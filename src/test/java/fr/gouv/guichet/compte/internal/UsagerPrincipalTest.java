package fr.gouv.guichet.compte.internal;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serial;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** ADR 0030: sessions opened before the profile was kept in them still open, and read their profile from the base. */
class UsagerPrincipalTest {

    /** The principal as sessions stored it before ADR 0030 (same serialized form, class name one letter apart). */
    record UsagerPrincipaX(long id, String email) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    @Test
    void une_session_d_avant_l_adr_0030_se_lit_sans_profil_et_le_fait_relire_en_base() throws Exception {
        ByteArrayOutputStream octets = new ByteArrayOutputStream();
        try (ObjectOutputStream sortie = new ObjectOutputStream(octets)) {
            sortie.writeObject(new UsagerPrincipaX(42, "ancienne@exemple.fr"));
        }
        byte[] flux = octets.toByteArray();
        String ancien = UsagerPrincipaX.class.getName();
        String actuel = UsagerPrincipal.class.getName();
        byte[] nom = ancien.getBytes(StandardCharsets.UTF_8);
        int position = indice(flux, nom);
        assertThat(position).isPositive();
        byte[] remplace = actuel.getBytes(StandardCharsets.UTF_8);
        byte[] lu = new byte[flux.length - nom.length + remplace.length];
        System.arraycopy(flux, 0, lu, 0, position);
        System.arraycopy(remplace, 0, lu, position, remplace.length);
        System.arraycopy(flux, position + nom.length, lu, position + remplace.length, flux.length - position - nom.length);
        lu[position - 1] = (byte) remplace.length; // longueur du nom de classe (sur deux octets, < 256 ici)

        Object relu;
        try (ObjectInputStream entree = new ObjectInputStream(new ByteArrayInputStream(lu))) {
            relu = entree.readObject();
        }
        assertThat(relu).isEqualTo(new UsagerPrincipal(42, "ancienne@exemple.fr", null, false));
        assertThat(((UsagerPrincipal) relu).getName()).isEqualTo("ancienne@exemple.fr");
    }

    @Test
    void le_profil_de_la_connexion_est_en_session_sans_l_empreinte_du_mot_de_passe() {
        UsagerPrincipal p = UsagerPrincipal.de(new Usager(7, "a@exemple.fr", "empreinte", true, java.time.Instant.now(), "83"));
        assertThat(p).isEqualTo(new UsagerPrincipal(7, "a@exemple.fr", "83", true));
        assertThat(p.toString()).doesNotContain("empreinte");
        assertThat(p.avecDepartement("13")).isEqualTo(new UsagerPrincipal(7, "a@exemple.fr", "13", true));
        assertThat(UsagerPrincipal.nom(7, null)).isEqualTo("usager-sans-adresse:7");
    }

    private static int indice(byte[] flux, byte[] motif) {
        for (int i = 0; i + motif.length <= flux.length; i++) {
            if (java.util.Arrays.equals(flux, i, i + motif.length, motif, 0, motif.length)) {
                return i;
            }
        }
        return -1;
    }
}
