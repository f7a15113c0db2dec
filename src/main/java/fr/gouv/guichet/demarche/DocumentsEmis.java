package fr.gouv.guichet.demarche;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Official documents issued for dossiers, checked publicly by their short code (nothing personal is shown). */
@Service
public class DocumentsEmis {

    public static final String RECEPISSE = "RECEPISSE";

    /**
     * @param libelleType   what the document is, as its feature declared it ({@link TypeDocument})
     * @param referenceActe the act's own number, if it has one besides the dossier's
     */
    public record DocumentVerifie(String type, String libelleType, String numero, Instant emisLe, String libellePrefecture,
                                  @Nullable String referenceActe) {
    }

    private final JdbcClient jdbc;
    private final Map<String, String> libelles = new HashMap<>();

    DocumentsEmis(JdbcClient jdbc, List<TypeDocument> types) {
        this.jdbc = jdbc;
        libelles.put(RECEPISSE, "Accusé de réception d’une demande");
        types.forEach(t -> libelles.put(t.code(), t.libelle()));
    }

    /** Records an official document of a dossier and returns its public verification code. */
    public String emettre(String type, long dossierId, String numero, String codeDepartement) {
        return emettre(type, dossierId, numero, codeDepartement, null);
    }

    /** The same, for an act that has its own number ({@code referenceActe}), shown when it is verified. */
    public String emettre(String type, long dossierId, String numero, String codeDepartement, @Nullable String referenceActe) {
        String code = CodesVerification.nouveau();
        jdbc.sql("""
                        insert into document_emis (code, type, dossier_id, numero, code_departement, reference_acte) values (?, ?, ?, ?, ?, ?)
                        on conflict (dossier_id, type) do update set code = excluded.code, emis_le = now(), reference_acte = excluded.reference_acte""")
                .params(code, type, dossierId, numero, codeDepartement, referenceActe).update();
        return code;
    }

    public Optional<DocumentVerifie> verifier(@Nullable String code) {
        if (code == null || !CodesVerification.aLaBonneForme(code)) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select d.type, d.numero, d.emis_le, p.libelle_prefecture, d.reference_acte
                        from document_emis d join departement p on p.code = d.code_departement
                        where d.code = ?""")
                .param(CodesVerification.normaliser(code))
                .query((rs, i) -> new DocumentVerifie(rs.getString(1), libelles.getOrDefault(rs.getString(1), "Document"),
                        rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4), rs.getString(5)))
                .optional();
    }
}
