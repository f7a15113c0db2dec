package fr.gouv.guichet.immatriculation.internal;

import fr.gouv.guichet.demarche.Dossier;
import fr.gouv.guichet.immatriculation.Operation;
import fr.gouv.guichet.immatriculation.Vehicule;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Why a deposited registration dossier needs a person (issue 13, point 8): the vehicle's situation (pledge,
 * opposition, theft, destruction), an identity that does not match the seller's declaration, and the fraud patterns
 * of the Cour des comptes report (many changes of holder by one account or to one address, a vehicle sold again within
 * days, a sale declared long after it happened, a code de cession tried many times), and a duplicate or an address
 * change asked for by a seller whose declared sale is still open. Thresholds in one place.
 */
@Component
class Vigilance {

    static final int CHANGEMENTS_MEME_COMPTE = 3;
    static final int CHANGEMENTS_MEME_ADRESSE = 3;
    static final Duration FENETRE_CHANGEMENTS = Duration.ofDays(30);
    static final int CESSIONS_RAPPROCHEES = 2;
    static final Duration FENETRE_CESSIONS = Duration.ofDays(10);
    static final int JOURS_DECLARATION_TARDIVE = 10;
    static final int ECHECS_CODE = 3;

    private final JdbcClient jdbc;
    private final Clock horloge;

    Vigilance(JdbcClient jdbc, Clock horloge) {
        this.jdbc = jdbc;
        this.horloge = horloge;
    }

    /**
     * One reason for a person to look at the dossier; a fraud pattern also names its rule and the object it found, and
     * is raised as a signal ({@code signalement}).
     */
    record Motif(String texte, @Nullable String regle, String objet) {
        static Motif simple(String texte) {
            return new Motif(texte, null, texte);
        }
    }

    List<Motif> motifs(Dossier dossier, Demandes.Demande demande, Vehicule vehicule) {
        List<Motif> motifs = new ArrayList<>(vehicule.situation().motifsExamen().stream().map(Motif::simple).toList());
        if (demande.operation() != Operation.CHANGEMENT_TITULAIRE) {
            // A seller asking for a new card (or a new address on it) of a car whose sale they declared: the barred card
            // was handed to the buyer, who may still register it with the code.
            jdbc.sql("""
                            select date_vente from cession where vehicule_id = ? and utilisee_le is null and remplacee_le is null
                              and expire_le > ? order by id desc limit 1""")
                    .params(vehicule.id(), Timestamp.from(horloge.instant())).query(java.time.LocalDate.class).optional()
                    .ifPresent(vente -> motifs.add(new Motif("signal : " + demande.operation().libelle().toLowerCase(Locale.ROOT)
                            + " demandé alors que le titulaire a déclaré la cession du véhicule (vendu le "
                            + DocumentsImmatriculation.DATE.format(vente) + ")", "immat-operation-apres-cession", vehicule.immatriculation())));
            return motifs;
        }
        if (demande.cessionId() == null) {
            return motifs;
        }
        Instant maintenant = horloge.instant();
        Map<String, Object> cession = jdbc.sql("select acquereur_nom, acquereur_prenoms, date_vente, declaree_le from cession where id = ?")
                .param(demande.cessionId()).query().singleRow();
        String nom = String.valueOf(dossier.reponses().getOrDefault("nom", ""));
        String prenoms = String.valueOf(dossier.reponses().getOrDefault("prenoms", ""));
        if (!simplifier(nom).equals(simplifier((String) cession.get("acquereur_nom")))
                || !simplifier(prenoms).equals(simplifier((String) cession.get("acquereur_prenoms")))) {
            motifs.add(Motif.simple("identité discordante : le vendeur a déclaré « " + cession.get("acquereur_prenoms") + " "
                    + cession.get("acquereur_nom") + " », la demande est au nom de « " + prenoms + " " + nom + " »"));
        }
        Timestamp depuis = Timestamp.from(maintenant.minus(FENETRE_CHANGEMENTS));
        int parCompte = jdbc.sql("""
                        select count(*) from dossier d join demande_immatriculation m on m.dossier_id = d.id
                        where d.usager_id = ? and m.operation = 'CHANGEMENT_TITULAIRE' and d.depose_le > ?""")
                .params(dossier.usagerId(), depuis).query(Integer.class).single();
        if (parCompte >= CHANGEMENTS_MEME_COMPTE) {
            motifs.add(new Motif("signal : " + parCompte + " changements de titulaire par le même compte en " + FENETRE_CHANGEMENTS.toDays()
                    + " jours", "immat-changements-meme-compte", "compte " + dossier.usagerId()));
        }
        int parAdresse = jdbc.sql("""
                        select count(*) from dossier d join demande_immatriculation m on m.dossier_id = d.id
                        where m.operation = 'CHANGEMENT_TITULAIRE' and d.depose_le > ?
                          and lower(d.reponses ->> 'adresse') = lower(?) and d.reponses ->> 'code_postal' = ?""")
                .params(depuis, String.valueOf(dossier.reponses().getOrDefault("adresse", "")),
                        String.valueOf(dossier.reponses().getOrDefault("code_postal", "")))
                .query(Integer.class).single();
        if (parAdresse >= CHANGEMENTS_MEME_ADRESSE) {
            motifs.add(new Motif("signal : " + parAdresse + " changements de titulaire vers la même adresse en " + FENETRE_CHANGEMENTS.toDays()
                    + " jours", "immat-changements-meme-adresse", (dossier.reponses().getOrDefault("adresse", "") + " "
                    + dossier.reponses().getOrDefault("code_postal", "")).strip()));
        }
        int cessions = jdbc.sql("select count(*) from cession where vehicule_id = ? and declaree_le > ?")
                .params(vehicule.id(), Timestamp.from(maintenant.minus(FENETRE_CESSIONS))).query(Integer.class).single();
        if (cessions >= CESSIONS_RAPPROCHEES) {
            motifs.add(new Motif("signal : véhicule cédé " + cessions + " fois en " + FENETRE_CESSIONS.toDays() + " jours",
                    "immat-ventes-rapprochees", vehicule.immatriculation()));
        }
        long retard = java.time.temporal.ChronoUnit.DAYS.between(((java.sql.Date) cession.get("date_vente")).toLocalDate(),
                ((Timestamp) cession.get("declaree_le")).toInstant().atZone(Cessions.PARIS).toLocalDate());
        if (retard > JOURS_DECLARATION_TARDIVE) {
            motifs.add(new Motif("signal : cession déclarée " + retard + " jours après la vente", "immat-cession-tardive",
                    "cession " + demande.cessionId()));
        }
        int echecs = jdbc.sql("select count(*) from cession_tentative where immatriculation = ? and not reussie and moment > ?")
                .params(vehicule.immatriculation(), Timestamp.from(maintenant.minus(Duration.ofDays(30)))).query(Integer.class).single();
        if (echecs >= ECHECS_CODE) {
            motifs.add(new Motif("signal : " + echecs + " codes de cession erronés essayés sur ce véhicule", "immat-codes-essayes",
                    vehicule.immatriculation()));
        }
        return motifs;
    }

    static String simplifier(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replaceAll("[^A-Za-z]", "").toLowerCase(Locale.ROOT);
    }
}
