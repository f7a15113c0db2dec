package fr.gouv.guichet.demarche;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.Optional;

/** Official documents issued for dossiers, checked publicly by their short code (nothing personal is shown). */
@Service
public class DocumentsEmis {

    public static final String RECEPISSE = "RECEPISSE";
    public static final String ARRETE = "ARRETE";
    public static final String ARRETE_PROVISOIRE = "ARRETE_PROVISOIRE";
    public static final String REFUS = "REFUS";

    /** @param referenceActe the act's own number (e.g. the arrêté's), if it has one besides the dossier's */
    public record DocumentVerifie(String type, String numero, Instant emisLe, String libellePrefecture, @Nullable String referenceActe) {
        public String libelleType() {
            return switch (type) {
                case RECEPISSE -> "Accusé de réception d’une demande";
                case ARRETE -> "Arrêté préfectoral d’autorisation";
                case ARRETE_PROVISOIRE -> "Arrêté préfectoral d’autorisation provisoire";
                case REFUS -> "Décision de refus";
                default -> "Document";
            };
        }
    }

    private final JdbcClient jdbc;

    DocumentsEmis(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records an official document of a dossier and returns its public verification code. */
    public String emettre(String type, long dossierId, String numero, String codeDepartement) {
        return emettre(type, dossierId, numero, codeDepartement, null);
    }

    /** The same, for an act that has its own number ({@code referenceActe}, e.g. "2026-083-VP-0042"), shown when it is verified. */
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
                .query((rs, i) -> new DocumentVerifie(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4),
                        rs.getString(5)))
                .optional();
    }
}
