package fr.gouv.guichet.videoprotection.internal;

import fr.gouv.guichet.compte.Usagers;
import fr.gouv.guichet.demarche.Dossier;
import fr.gouv.guichet.demarche.InstructionDossiers;
import fr.gouv.guichet.socle.securite.AdressesElectroniques;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Issue 10, point 2: a holder who is not the account that filed an authorization proves they control it with a
 * single-use code sent to the holder's address on file (the declarant's address recorded in the authorization, else
 * the filing account's): 8 digits, valid {@value #MINUTES} minutes, {@value #ESSAIS_MAX} tries, only its SHA-256
 * stored. A new code revokes the previous one.
 */
@Component
public class CodesTitulaire {

    static final int MINUTES = 15;
    static final int ESSAIS_MAX = 5;
    private static final SecureRandom ALEA = new SecureRandom();

    /** A code to e-mail (never stored in clear) to the holder's address, for this authorization number. */
    public record Envoi(String adresse, String code, String numero) {
    }

    private final JdbcClient jdbc;
    private final InstructionDossiers dossiers;
    private final ReferenceAutorisation references;
    private final Usagers usagers;
    private final Clock horloge;

    CodesTitulaire(JdbcClient jdbc, InstructionDossiers dossiers, ReferenceAutorisation references, Usagers usagers,
                   Clock horloge) {
        this.jdbc = jdbc;
        this.dossiers = dossiers;
        this.references = references;
        this.usagers = usagers;
        this.horloge = horloge;
    }

    /**
     * Issues a code when this draft's reference is an authorization granted by an arrêté of the recorded date and
     * filed by another account; empty otherwise (the caller answers the same either way).
     */
    @Transactional
    public Optional<Envoi> emettre(Dossier brouillon, long usagerId) {
        if (!brouillon.estBrouillon() || brouillon.referenceAutorisation() == null) {
            return Optional.empty();
        }
        Optional<Dossier> autorisation = references.autorisationAccordee(brouillon.referenceAutorisation(), brouillon.dateArrete())
                .filter(a -> a.usagerId() == null || a.usagerId() != usagerId);
        if (autorisation.isEmpty()) {
            return Optional.empty();
        }
        String adresse = adresseDuTitulaire(autorisation.get());
        if (adresse == null) {
            return Optional.empty();
        }
        jdbc.sql("update code_titulaire set utilise_le = ? where brouillon_id = ? and utilise_le is null")
                .params(Timestamp.from(horloge.instant()), brouillon.id()).update();
        String code = "%08d".formatted(ALEA.nextInt(100_000_000));
        jdbc.sql("""
                        insert into code_titulaire (brouillon_id, autorisation_id, empreinte, expire_le, cree_le)
                        values (?, ?, ?, ?, ?)""")
                .params(brouillon.id(), autorisation.get().id(), empreinte(brouillon.id(), code),
                        Timestamp.from(horloge.instant().plus(Duration.ofMinutes(MINUTES))), Timestamp.from(horloge.instant()))
                .update();
        return Optional.of(new Envoi(adresse, code, autorisation.get().numero()));
    }

    /** Uses the draft's pending code: the authorization whose answers may be copied when it is right, else empty. */
    @Transactional
    public Optional<Dossier> verifier(Dossier brouillon, String saisie) {
        String code = saisie.replaceAll("[\\s-]", "");
        record Attendu(long id, long autorisationId, String empreinte) {
        }
        Optional<Attendu> attendu = jdbc.sql("""
                        select id, autorisation_id, empreinte from code_titulaire
                        where brouillon_id = ? and utilise_le is null and expire_le > ? and essais < ?
                        order by id desc limit 1 for update""")
                .params(brouillon.id(), Timestamp.from(horloge.instant()), ESSAIS_MAX)
                .query((rs, i) -> new Attendu(rs.getLong(1), rs.getLong(2), rs.getString(3))).optional();
        if (attendu.isEmpty() || !code.matches("\\d{8}")) {
            attendu.ifPresent(a -> jdbc.sql("update code_titulaire set essais = essais + 1 where id = ?").param(a.id()).update());
            return Optional.empty();
        }
        boolean juste = MessageDigest.isEqual(attendu.get().empreinte().getBytes(StandardCharsets.US_ASCII),
                empreinte(brouillon.id(), code).getBytes(StandardCharsets.US_ASCII));
        jdbc.sql("update code_titulaire set essais = essais + 1, utilise_le = case when ? then ? else utilise_le end where id = ?")
                .params(juste, Timestamp.from(horloge.instant()), attendu.get().id()).update();
        return juste ? dossiers.pourInstruction(attendu.get().autorisationId()) : Optional.empty();
    }

    private @Nullable String adresseDuTitulaire(Dossier autorisation) {
        Object declarant = autorisation.reponses().get("declarant_email");
        if (declarant instanceof String adresse && AdressesElectroniques.valide(adresse)) {
            return AdressesElectroniques.normaliser(adresse);
        }
        return autorisation.usagerId() == null ? null
                : usagers.profil(autorisation.usagerId()).map(fr.gouv.guichet.compte.ProfilUsager::email).orElse(null);
    }

    private static String empreinte(long brouillonId, String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((brouillonId + ":" + code).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
