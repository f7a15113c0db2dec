package fr.gouv.guichet.timbre.internal;

import fr.gouv.guichet.timbre.NumeroTimbre;
import fr.gouv.guichet.timbre.UtilisationTimbre;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The table {@code timbre_utilisation}: one row per use of a timbre by a dossier; at most one row that is not
 * released per timbre (unique partial index), so that two concurrent dossiers cannot both hold it.
 */
@Repository
public class UtilisationsTimbres {

    private static final RowMapper<UtilisationTimbre> LIGNE = (rs, i) -> new UtilisationTimbre(
            new NumeroTimbre(rs.getString("numero")), rs.getString("dossier"), rs.getString("motif"),
            rs.getBigDecimal("montant"), UtilisationTimbre.Statut.valueOf(rs.getString("statut")),
            rs.getTimestamp("reserve_le").toInstant());

    private final JdbcClient jdbc;

    UtilisationsTimbres(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The use that holds the timbre now (reserved or consumed). */
    public Optional<UtilisationTimbre> active(NumeroTimbre numero) {
        return jdbc.sql("select * from timbre_utilisation where numero = ? and statut <> 'LIBERE'")
                .param(numero.valeur()).query(LIGNE).optional();
    }

    public Optional<UtilisationTimbre> duDossier(String dossier) {
        return jdbc.sql("select * from timbre_utilisation where dossier = ? and statut <> 'LIBERE' order by id desc limit 1")
                .param(dossier).query(LIGNE).optional();
    }

    /** Takes the timbre for the dossier; false when another use holds it already (nothing written). */
    public boolean prendre(NumeroTimbre numero, String dossier, String motif, BigDecimal montant) {
        return jdbc.sql("""
                        insert into timbre_utilisation (numero, dossier, motif, montant, statut, reserve_le)
                        values (?, ?, ?, ?, 'RESERVE', now())
                        on conflict (numero) where statut <> 'LIBERE' do nothing""")
                .params(numero.valeur(), dossier, motif, montant).update() == 1;
    }

    public void consommer(NumeroTimbre numero, String dossier) {
        jdbc.sql("update timbre_utilisation set statut = 'CONSOMME', consomme_le = now() "
                        + "where numero = ? and dossier = ? and statut = 'RESERVE'")
                .params(numero.valeur(), dossier).update();
    }

    /** Gives back the dossier's reservation (a consumed timbre stays consumed). */
    public void rendre(NumeroTimbre numero, String dossier) {
        jdbc.sql("update timbre_utilisation set statut = 'LIBERE', libere_le = now() "
                        + "where numero = ? and dossier = ? and statut = 'RESERVE'")
                .params(numero.valeur(), dossier).update();
    }
}
