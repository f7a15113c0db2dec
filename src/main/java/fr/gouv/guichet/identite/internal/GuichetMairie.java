package fr.gouv.guichet.identite.internal;

import fr.gouv.guichet.demarche.InstructionDossiers;
import fr.gouv.guichet.demarche.TypeActeur;
import fr.gouv.guichet.identite.CycleIdentite;
import fr.gouv.guichet.identite.NumeroPreDemande;
import fr.gouv.guichet.identite.PreDemande;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The town hall's counter: taking an application (the pré-demande is consumed: it can no longer be booked nor taken
 * elsewhere), then the title available (the usager is told by e-mail, through the lifecycle's notice) and handed over.
 * Callers have checked that the agent belongs to {@code mairie}.
 */
@Service
public class GuichetMairie {

    /** What the counter's action came to: empty when done, otherwise why not, in French for the agent. */
    public record Refus(String raison) {
    }

    private final JdbcClient jdbc;
    private final PreDemandes preDemandes;
    private final Reservations reservations;
    private final InstructionDossiers dossiers;
    private final TimbresPreDemande timbres;
    private final TransactionTemplate transaction;
    private final Clock horloge;

    GuichetMairie(JdbcClient jdbc, PreDemandes preDemandes, Reservations reservations, InstructionDossiers dossiers,
                  TimbresPreDemande timbres, TransactionTemplate transaction, Clock horloge) {
        this.jdbc = jdbc;
        this.preDemandes = preDemandes;
        this.reservations = reservations;
        this.dossiers = dossiers;
        this.timbres = timbres;
        this.transaction = transaction;
        this.horloge = horloge;
    }

    /**
     * Takes the application: first the timbres due that day, each consumed once for this pré-demande (the one
     * reserved online, or the one the agent typed: {@code saisiesTimbres}, field = motif of the timbre table), then,
     * in one transaction, the pré-demande consumed. A timbre refused or a timbre service down stops here: nothing
     * is recorded, the pré-demande stays usable.
     */
    public Optional<Refus> recueillir(String mairie, NumeroPreDemande numero, long agentId, Map<String, String> saisiesTimbres) {
        Optional<PreDemande> lue = preDemandes.parNumero(numero);
        Optional<Refus> refus = lue.isEmpty() ? Optional.of(new Refus("Aucune pré-demande ne porte ce numéro."))
                : refus(lue.get(), mairie);
        if (refus.isPresent()) {
            return refus;
        }
        Map<String, String> erreurs = timbres.consommerAuRecueil(lue.get(), saisiesTimbres);
        if (!erreurs.isEmpty()) {
            return Optional.of(new Refus(String.join(" ", erreurs.values())));
        }
        return transaction.execute(s -> recueillirVerrouille(mairie, numero, agentId));
    }

    private Optional<Refus> recueillirVerrouille(String mairie, NumeroPreDemande numero, long agentId) {
        Optional<PreDemande> lue = preDemandes.verrouiller(numero);
        if (lue.isEmpty()) {
            return Optional.of(new Refus("Aucune pré-demande ne porte ce numéro."));
        }
        PreDemande pd = lue.get();
        Optional<Refus> refus = refus(pd, mairie);
        if (refus.isPresent()) {
            return refus;
        }
        jdbc.sql("update identite_pre_demande set consommee_le = ?, mairie_recueil = ?, recueillie_par = ? where numero = ? and consommee_le is null")
                .params(Timestamp.from(horloge.instant()), mairie, agentId, numero.valeur()).update();
        reservations.apresRecueil(numero, mairie);
        dossiers.appliquer(pd.dossierId(), CycleIdentite.RECUEILLIR, TypeActeur.AGENT, agentId, null);
        return Optional.empty();
    }

    private Optional<Refus> refus(PreDemande pd, String mairie) {
        if (pd.consommee()) {
            return Optional.of(new Refus("Cette pré-demande a déjà été utilisée"
                    + (mairie.equals(pd.mairieRecueil()) ? " dans votre mairie." : " dans une autre mairie.")));
        }
        if (pd.expireeLe(preDemandes.aujourdhui())) {
            return Optional.of(new Refus("Cette pré-demande a expiré le " + pd.valideJusquau() + " : l’usager doit en faire une nouvelle."));
        }
        return Optional.empty();
    }

    @Transactional
    public Optional<Refus> signalerDisponible(String mairie, NumeroPreDemande numero, long agentId) {
        int fait = jdbc.sql("""
                        update identite_pre_demande set titre_disponible_le = ?
                        where numero = ? and mairie_recueil = ? and titre_disponible_le is null""")
                .params(Timestamp.from(horloge.instant()), numero.valeur(), mairie).update();
        if (fait == 0) {
            return Optional.of(new Refus("Le titre de cette demande ne peut pas être signalé disponible dans votre mairie."));
        }
        dossiers.appliquer(preDemandes.parNumero(numero).orElseThrow().dossierId(), CycleIdentite.SIGNALER_DISPONIBLE,
                TypeActeur.AGENT, agentId, null);
        return Optional.empty();
    }

    @Transactional
    public Optional<Refus> remettre(String mairie, NumeroPreDemande numero, long agentId) {
        int fait = jdbc.sql("""
                        update identite_pre_demande set remis_le = ?
                        where numero = ? and mairie_recueil = ? and titre_disponible_le is not null and remis_le is null""")
                .params(Timestamp.from(horloge.instant()), numero.valeur(), mairie).update();
        if (fait == 0) {
            return Optional.of(new Refus("Ce titre n’est pas à remettre dans votre mairie."));
        }
        dossiers.appliquer(preDemandes.parNumero(numero).orElseThrow().dossierId(), CycleIdentite.REMETTRE, TypeActeur.AGENT,
                agentId, null);
        return Optional.empty();
    }

    /** The applications taken at this town hall whose title is not handed over yet, oldest first. */
    public List<PreDemande> enCours(String mairie) {
        return jdbc.sql("""
                        select numero, dossier_id, usager_id, titres, motif, nom, prenoms, date_naissance, email, valide_jusquau, cree_le,
                          consommee_le, mairie_recueil, titre_disponible_le, remis_le from identite_pre_demande
                        where mairie_recueil = ? and remis_le is null order by consommee_le limit 200""")
                .param(mairie).query(PreDemandes.LIGNE).list();
    }
}
