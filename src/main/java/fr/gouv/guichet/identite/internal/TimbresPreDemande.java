package fr.gouv.guichet.identite.internal;

import fr.gouv.guichet.demarche.Dossier;
import fr.gouv.guichet.externe.ServiceExterneIndisponibleException;
import fr.gouv.guichet.identite.PreDemande;
import fr.gouv.guichet.identite.TimbresIdentite;
import fr.gouv.guichet.identite.TitresDemandes;
import fr.gouv.guichet.timbre.NumeroTimbre;
import fr.gouv.guichet.timbre.PaiementsTimbres;
import fr.gouv.guichet.timbre.TimbreRefuseException;
import fr.gouv.guichet.timbre.UtilisationTimbre;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The timbres fiscaux of a pré-demande (issue 14, point 2), through the neutral {@code timbre} module, one timbre per
 * title under its own reference ({@code ID-<dossier>-PASSEPORT}, {@code ID-<dossier>-CNI}). Online, before the recap,
 * the usager types the timbre(s) due — reserved at once — or says they will bring them to the town hall. At the
 * counter, when the application is taken, each timbre due that day is consumed exactly once: the one reserved online
 * if its amount is still the one due, otherwise the one the agent types then. A deleted draft or an expired
 * pré-demande releases what it held.
 */
@Service
public class TimbresPreDemande {

    /** What the usager chose for a draft. */
    public record Choix(String motifs, boolean enMairie) {
    }

    /** A timbre due at the counter, as the agent sees it: its amount, the timbre held for it (if any, and at that amount). */
    public record AuGuichet(TimbresIdentite.TimbreDu du, String montant, @Nullable String numero, boolean consomme) {
    }

    private final TimbresIdentite timbres;
    private final PaiementsTimbres paiements;
    private final JdbcClient jdbc;
    private final Clock horloge;

    TimbresPreDemande(TimbresIdentite timbres, PaiementsTimbres paiements, JdbcClient jdbc, Clock horloge) {
        this.timbres = timbres;
        this.paiements = paiements;
        this.jdbc = jdbc;
        this.horloge = horloge;
    }

    /** The timbres the draft's answers call for today; empty when the answers do not say it yet. */
    public List<TimbresIdentite.TimbreDu> dus(Dossier brouillon) {
        Map<String, Object> r = brouillon.reponses();
        try {
            return timbres.dus(TitresDemandes.depuisReponse(texte(r, "titres")), texte(r, "motif"),
                    LocalDate.parse(texte(r, "date_naissance")), aujourdhui());
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return List.of();
        }
    }

    /** The timbres due for a validated pré-demande on {@code jour} (the age is the one of that day). */
    public List<TimbresIdentite.TimbreDu> dus(PreDemande pd, LocalDate jour) {
        return timbres.dus(pd.titres(), pd.motif(), pd.dateNaissance(), jour);
    }

    /** The page the draft must go through before its recap: the timbres page while the choice is not made. */
    public Optional<String> pageAFaire(Dossier brouillon) {
        if (!PreDemande.DEMARCHE.equals(brouillon.demarche())) {
            return Optional.empty();
        }
        List<TimbresIdentite.TimbreDu> dus = dus(brouillon);
        if (dus.isEmpty() || choix(brouillon.id()).filter(c -> c.motifs().equals(motifs(dus))).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(page(brouillon.id()));
    }

    public static String page(long dossierId) {
        return "/usager/identite/dossiers/" + dossierId + "/timbres";
    }

    public Optional<Choix> choix(long dossierId) {
        return jdbc.sql("select motifs, en_mairie from identite_timbre_choix where dossier_id = ?").param(dossierId)
                .query((rs, i) -> new Choix(rs.getString(1), rs.getBoolean(2))).optional();
    }

    /** The timbre the dossier holds for this due timbre (reserved or consumed), if any. */
    public Optional<UtilisationTimbre> tenu(long dossierId, TimbresIdentite.TimbreDu du) {
        return paiements.duDossier(reference(dossierId, du));
    }

    /** The timbres due for the pré-demande on {@code jour}, with the one each holds at the right amount. */
    public List<AuGuichet> auGuichet(PreDemande pd, LocalDate jour) {
        return dus(pd, jour).stream().map(du -> {
            Optional<UtilisationTimbre> u = tenu(pd.dossierId(), du).filter(t -> t.motif().equals(du.motif()));
            return new AuGuichet(du, fr.gouv.guichet.identite.PiecesAApporter.euros(du.montant()),
                    u.map(t -> t.numero().pourAffichage()).orElse(null),
                    u.map(t -> t.statut() == UtilisationTimbre.Statut.CONSOMME).orElse(false));
        }).toList();
    }

    /** The usager will bring the timbres to the town hall: whatever the draft held online is released. */
    public void apporterEnMairie(Dossier brouillon) {
        List<TimbresIdentite.TimbreDu> dus = dus(brouillon);
        liberer(brouillon.id());
        enregistrerChoix(brouillon.id(), motifs(dus), true);
    }

    /**
     * Reserves the timbres typed for the draft (field = the due timbre's motif); returns the French error of each
     * field not reserved (the others stay reserved), empty when all are.
     */
    public Map<String, String> saisirEnLigne(Dossier brouillon, Map<String, String> saisies) {
        List<TimbresIdentite.TimbreDu> dus = dus(brouillon);
        Map<String, String> erreurs = new LinkedHashMap<>();
        for (TimbresIdentite.TimbreDu du : dus) {
            reserver(brouillon.id(), du, saisies.getOrDefault(du.motif(), "")).ifPresent(e -> erreurs.put(du.motif(), e));
        }
        if (erreurs.isEmpty()) {
            enregistrerChoix(brouillon.id(), motifs(dus), false);
        }
        return erreurs;
    }

    /** Just before the deposit: the timbres typed online are still held (else the usager goes back to the page). */
    public Optional<String> avantDepot(Dossier brouillon) {
        if (!PreDemande.DEMARCHE.equals(brouillon.demarche())) {
            return Optional.empty();
        }
        List<TimbresIdentite.TimbreDu> dus = dus(brouillon);
        Optional<Choix> choix = choix(brouillon.id());
        if (dus.isEmpty() || choix.map(Choix::enMairie).orElse(false)) {
            return Optional.empty();
        }
        boolean tenus = dus.stream().allMatch(du -> tenu(brouillon.id(), du).filter(u -> u.motif().equals(du.motif())).isPresent());
        return tenus ? Optional.empty() : Optional.of("Le timbre fiscal saisi n’est plus réservé pour cette pré-demande : "
                + "saisissez-le à nouveau, ou indiquez que vous l’apporterez à la mairie.");
    }

    /**
     * At the counter, before the application is taken: each timbre due today is consumed once for this pré-demande —
     * the one reserved online if its amount is the one due, otherwise the one typed by the agent ({@code saisies},
     * field = motif). Returns the French error of each timbre not paid, empty when all are.
     */
    public Map<String, String> consommerAuRecueil(PreDemande pd, Map<String, String> saisies) {
        Map<String, String> erreurs = new LinkedHashMap<>();
        for (TimbresIdentite.TimbreDu du : dus(pd, aujourdhui())) {
            String reference = reference(pd.dossierId(), du);
            Optional<UtilisationTimbre> tenue = paiements.duDossier(reference);
            try {
                if (tenue.isPresent() && !tenue.get().motif().equals(du.motif())) {
                    // Reserved online at another amount (the holder has since changed age bracket): given back.
                    paiements.liberer(tenue.get().numero(), reference);
                    tenue = Optional.empty();
                }
                if (tenue.isEmpty()) {
                    String saisie = saisies.getOrDefault(du.motif(), "");
                    if (saisie.isBlank()) {
                        erreurs.put(du.motif(), "Saisissez le numéro du timbre fiscal de " + fr.gouv.guichet.identite.PiecesAApporter.euros(du.montant())
                                + " apporté par l’usager (" + du.libelle().toLowerCase(java.util.Locale.ROOT) + ").");
                        continue;
                    }
                    Optional<String> refus = reserver(pd.dossierId(), du, saisie);
                    if (refus.isPresent()) {
                        erreurs.put(du.motif(), refus.get());
                        continue;
                    }
                }
                UtilisationTimbre u = paiements.duDossier(reference).orElseThrow();
                paiements.consommer(u.numero(), reference);
            } catch (TimbreRefuseException e) {
                erreurs.put(du.motif(), e.messageUsager());
            } catch (ServiceExterneIndisponibleException e) {
                erreurs.put(du.motif(), "Le service des timbres fiscaux ne répond pas : réessayez dans quelques minutes "
                        + "(rien n’est enregistré, la pré-demande reste utilisable).");
            }
        }
        return erreurs;
    }

    /** Releases every timbre the dossier holds and is not consumed (deleted draft, expired pré-demande). */
    public void liberer(long dossierId) {
        for (String titre : List.of("PASSEPORT", "CNI")) {
            String reference = "ID-" + dossierId + "-" + titre;
            paiements.duDossier(reference).filter(u -> u.statut() == UtilisationTimbre.Statut.RESERVE)
                    .ifPresent(u -> paiements.liberer(u.numero(), reference));
        }
    }

    private Optional<String> reserver(long dossierId, TimbresIdentite.TimbreDu du, String saisie) {
        Optional<NumeroTimbre> numero = NumeroTimbre.depuisSaisie(saisie.length() > 40 ? "" : saisie);
        if (numero.isEmpty()) {
            return Optional.of("Le numéro du timbre fiscal compte 16 chiffres.");
        }
        String reference = reference(dossierId, du);
        try {
            paiements.duDossier(reference).filter(u -> !u.numero().equals(numero.get()))
                    .ifPresent(ancien -> paiements.liberer(ancien.numero(), reference));
            paiements.reserver(du.motif(), numero.get(), reference);
            return Optional.empty();
        } catch (TimbreRefuseException e) {
            return Optional.of(e.messageUsager());
        } catch (ServiceExterneIndisponibleException e) {
            return Optional.of(e.messageUsager());
        }
    }

    static String reference(long dossierId, TimbresIdentite.TimbreDu du) {
        return "ID-" + dossierId + "-" + (du.motif().startsWith("IDENTITE_PASSEPORT") ? "PASSEPORT" : "CNI");
    }

    private void enregistrerChoix(long dossierId, String motifs, boolean enMairie) {
        jdbc.sql("""
                        insert into identite_timbre_choix (dossier_id, motifs, en_mairie, choisi_le) values (?, ?, ?, ?)
                        on conflict (dossier_id) do update set motifs = excluded.motifs, en_mairie = excluded.en_mairie,
                          choisi_le = excluded.choisi_le""")
                .params(dossierId, motifs, enMairie, Timestamp.from(horloge.instant())).update();
    }

    private static String motifs(List<TimbresIdentite.TimbreDu> dus) {
        return dus.stream().map(TimbresIdentite.TimbreDu::motif).collect(Collectors.joining(","));
    }

    private LocalDate aujourdhui() {
        return LocalDate.now(horloge.withZone(PreDemandes.PARIS));
    }

    private static String texte(Map<String, Object> r, String id) {
        return r.get(id) instanceof String s ? s.strip() : "";
    }
}
