package fr.gouv.guichet.immatriculation.internal;

import fr.gouv.guichet.demarche.Dossier;
import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.immatriculation.CodeCession;
import fr.gouv.guichet.immatriculation.Operation;
import fr.gouv.guichet.immatriculation.Vehicule;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The buyer's side of a sale: the code de cession opens a change-of-holder dossier. Wrong, expired, replaced or used
 * codes get a clear message; every attempt is recorded (audit) and attempts are throttled per account and per vehicle,
 * so that the 29⁵ codes cannot be tried.
 */
@Service
public class ChangementsTitulaire {

    /** Failed attempts allowed per account in an hour, then per vehicle in a day. */
    public static final int ECHECS_PAR_HEURE_COMPTE = 5;
    public static final int ECHECS_PAR_JOUR_VEHICULE = 10;

    private static final Logger AUDIT = LoggerFactory.getLogger("fr.gouv.guichet.audit.cession");

    /** The dossier opened, or why not (a French sentence). */
    public record Resultat(@Nullable Long dossierId, @Nullable String erreur) {
    }

    private final JdbcClient jdbc;
    private final RegistreEnBase registre;
    private final Dossiers dossiers;
    private final Demandes demandes;
    private final Clock horloge;

    ChangementsTitulaire(JdbcClient jdbc, RegistreEnBase registre, Dossiers dossiers, Demandes demandes, Clock horloge) {
        this.jdbc = jdbc;
        this.registre = registre;
        this.dossiers = dossiers;
        this.demandes = demandes;
        this.horloge = horloge;
    }

    @Transactional
    public Resultat utiliserCode(long usagerId, @Nullable String departementUsager, String immatriculationSaisie, String codeSaisi) {
        Instant maintenant = horloge.instant();
        Optional<String> numero = Immatriculations.normaliser(immatriculationSaisie);
        Optional<CodeCession> code = CodeCession.lire(codeSaisi);
        if (numero.isEmpty()) {
            return new Resultat(null, "Le numéro d’immatriculation est au format AA-123-AA (ou 1234 AB 83 pour un ancien numéro).");
        }
        if (code.isEmpty()) {
            return new Resultat(null, "Le code de cession compte " + CodeCession.LONGUEUR + " lettres et chiffres, tel que le vendeur "
                    + "vous l’a remis.");
        }
        if (echecs("usager_id = ?", usagerId, maintenant.minus(Duration.ofHours(1))) >= ECHECS_PAR_HEURE_COMPTE
                || echecs("immatriculation = ?", numero.get(), maintenant.minus(Duration.ofDays(1))) >= ECHECS_PAR_JOUR_VEHICULE) {
            AUDIT.warn("Code de cession : essais suspendus pour l’usager {} sur {}", usagerId, numero.get());
            tentative(usagerId, numero.get(), false, maintenant);
            return new Resultat(null, "Trop de codes erronés ont été saisis : par sécurité, les essais sont suspendus pendant une "
                    + "heure. Vérifiez le code avec le vendeur.");
        }
        Optional<Vehicule> vehicule = registre.parImmatriculation(numero.get());
        Optional<Map<String, Object>> cession = vehicule.flatMap(v -> jdbc.sql("""
                        select id, expire_le, utilisee_le, remplacee_le, dossier_id, vendeur_usager_id from cession
                        where vehicule_id = ? and empreinte_code = ? order by id desc limit 1""")
                .params(v.id(), code.get().empreinte(v.immatriculation())).query().listOfRows().stream().findFirst());
        if (cession.isEmpty()) {
            tentative(usagerId, numero.get(), false, maintenant);
            AUDIT.info("Code de cession erroné : usager {} sur {}", usagerId, numero.get());
            return new Resultat(null, "Ce code de cession ne correspond pas à ce numéro d’immatriculation. Vérifiez les deux avec le "
                    + "vendeur (le code figure sur l’écran de sa déclaration de cession).");
        }
        Map<String, Object> c = cession.get();
        long cessionId = ((Number) c.get("id")).longValue();
        if (c.get("utilisee_le") != null) {
            Object dossier = c.get("dossier_id");
            Optional<Dossier> sien = dossier == null ? Optional.empty() : dossiers.deLUsager(((Number) dossier).longValue(), usagerId);
            if (sien.isPresent()) {
                return new Resultat(sien.get().id(), null);
            }
            tentative(usagerId, numero.get(), false, maintenant);
            return new Resultat(null, "Ce code de cession a déjà été utilisé pour un changement de titulaire : il ne sert qu’une fois.");
        }
        if (c.get("remplacee_le") != null) {
            tentative(usagerId, numero.get(), false, maintenant);
            return new Resultat(null, "Ce code de cession a été remplacé par une nouvelle déclaration du vendeur : demandez-lui le "
                    + "nouveau code.");
        }
        if (!maintenant.isBefore(((Timestamp) c.get("expire_le")).toInstant())) {
            tentative(usagerId, numero.get(), false, maintenant);
            return new Resultat(null, "Ce code de cession a expiré (il est valable " + CodeCession.VALIDITE.toDays() + " jours) : "
                    + "demandez au vendeur de déclarer à nouveau la cession pour obtenir un nouveau code.");
        }
        Object vendeur = c.get("vendeur_usager_id");
        if (vendeur != null && ((Number) vendeur).longValue() == usagerId) {
            return new Resultat(null, "Vous êtes le vendeur de ce véhicule : le changement de titulaire se fait depuis le compte de "
                    + "l’acheteur.");
        }
        tentative(usagerId, numero.get(), true, maintenant);
        Vehicule v = vehicule.orElseThrow();
        Map<String, Object> reponses = new HashMap<>();
        reponses.put("immatriculation", v.immatriculation());
        long dossierId = dossiers.creerBrouillon(usagerId, departementUsager == null ? v.adresse().codeDepartement() : departementUsager,
                Operation.CHANGEMENT_TITULAIRE.code(), Operation.FORMULAIRE, ProceduresImmatriculation.VERSION_FORMULAIRE, reponses, null, null);
        demandes.creer(dossierId, v.id(), Operation.CHANGEMENT_TITULAIRE, cessionId);
        jdbc.sql("update cession set utilisee_le = ?, dossier_id = ? where id = ?").params(Timestamp.from(maintenant), dossierId, cessionId).update();
        AUDIT.info("Code de cession utilisé : usager {} sur {}, dossier {}", usagerId, v.immatriculation(), dossierId);
        return new Resultat(dossierId, null);
    }

    /** Failed attempts on this vehicle before its code was accepted (a fraud signal). */
    int echecsAvantSucces(String immatriculation, Instant depuis) {
        return echecs("immatriculation = ?", immatriculation, depuis);
    }

    private int echecs(String condition, Object valeur, Instant depuis) {
        return jdbc.sql("select count(*) from cession_tentative where " + condition + " and not reussie and moment > ?")
                .params(valeur, Timestamp.from(depuis)).query(Integer.class).single();
    }

    private void tentative(long usagerId, String immatriculation, boolean reussie, Instant moment) {
        jdbc.sql("insert into cession_tentative (usager_id, immatriculation, reussie, moment) values (?, ?, ?, ?)")
                .params(usagerId, immatriculation, reussie, Timestamp.from(moment)).update();
    }
}
