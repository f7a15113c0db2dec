package fr.gouv.guichet.permis.internal;

import fr.gouv.guichet.permis.Neph;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/** The licence's own rows: the confirmed ePhoto of a draft ({@code permis_ephoto}) and the NEPH given ({@code permis_neph}). */
@Repository
public class DonneesPermis {

    /** The photo the usager confirmed: the code, whose identity it was confirmed for, and the reuse fact for the CERT. */
    public record PhotoConfirmee(String code, String identite, boolean reutilise, @Nullable String explication) {
    }

    private final JdbcClient jdbc;

    DonneesPermis(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<PhotoConfirmee> photo(long dossierId) {
        return jdbc.sql("select code, identite, reutilise, explication from permis_ephoto where dossier_id = ?").param(dossierId)
                .query((rs, i) -> new PhotoConfirmee(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4)))
                .optional();
    }

    /** Records (or replaces, for another code) the confirmation of the draft's photo. */
    public void confirmerPhoto(long dossierId, PhotoConfirmee photo, Instant maintenant) {
        jdbc.sql("""
                        insert into permis_ephoto (dossier_id, code, confirme_le, identite, reutilise, explication)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (dossier_id) do update set code = excluded.code, confirme_le = excluded.confirme_le,
                          identite = excluded.identite, reutilise = excluded.reutilise, explication = excluded.explication""")
                .params(dossierId, photo.code(), Timestamp.from(maintenant), photo.identite(), photo.reutilise(),
                        photo.explication()).update();
    }

    /** The identities for which other dossiers confirmed the same code. */
    public List<String> autresIdentites(String code, long dossierId) {
        return jdbc.sql("select identite from permis_ephoto where code = ? and dossier_id <> ?").params(code, dossierId)
                .query(String.class).list();
    }

    public Optional<Neph> neph(long dossierId) {
        return jdbc.sql("select neph from permis_neph where dossier_id = ?").param(dossierId).query(String.class).optional()
                .map(Neph::new);
    }

    /**
     * Gives the dossier its NEPH, in the caller's transaction: the département of the deposit, the préfecture digits of
     * {@link Neph#PREFECTURE_SANS_SOURCE}, the next order of the month in the département.
     */
    public Neph attribuerNeph(long dossierId, YearMonth mois, String departement, Instant maintenant) {
        Optional<Neph> deja = neph(dossierId);
        if (deja.isPresent()) {
            return deja.get();
        }
        String deuxChiffres = Neph.departementSurDeuxChiffres(departement);
        String aamm = "%02d%02d".formatted(mois.getYear() % 100, mois.getMonthValue());
        int rang = jdbc.sql("""
                        insert into permis_neph_compteur (mois, departement, dernier) values (?, ?, 1)
                        on conflict (mois, departement) do update set dernier = permis_neph_compteur.dernier + 1
                        returning dernier""")
                .params(aamm, deuxChiffres).query(Integer.class).single();
        Neph neph = Neph.attribuer(mois, deuxChiffres, Neph.PREFECTURE_SANS_SOURCE, rang);
        jdbc.sql("insert into permis_neph (dossier_id, neph, attribue_le) values (?, ?, ?)")
                .params(dossierId, neph.valeur(), Timestamp.from(maintenant)).update();
        return neph;
    }
}
