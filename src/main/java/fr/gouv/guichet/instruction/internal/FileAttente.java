package fr.gouv.guichet.instruction.internal;

import fr.gouv.guichet.demarche.Etat;
import fr.gouv.guichet.demarche.Procedures;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The queue of a service instructeur (a préfecture, or a CERT serving many départements): sites exposed to terrorist
 * threat first, then oldest deposit first. Keyset pagination on {@code ((not prioritaire), depose_le, id)}, served by
 * the index {@code dossier_file_idx (service, onglet, (not prioritaire), depose_le, id)}: a page costs the same on the
 * first or the thousandth page, with a million dossiers.
 */
@Repository
public class FileAttente {

    public static final int TAILLE_PAGE = 50;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    public record Page(List<LigneFile> lignes, @Nullable String suivante) {
    }

    private final JdbcClient jdbc;
    private final Clock horloge;
    private final Procedures procedures;

    FileAttente(JdbcClient jdbc, Clock horloge, Procedures procedures) {
        this.procedures = procedures;
        this.jdbc = jdbc;
        this.horloge = horloge;
    }

    public Map<Onglet, Integer> compter(String service, @Nullable String departement) {
        Map<Onglet, Integer> compte = new EnumMap<>(Onglet.class);
        for (Onglet o : Onglet.values()) {
            compte.put(o, 0);
        }
        // Kept by triggers on dossier (migration V20261205_0301): a few rows, not a count over the service's dossiers.
        jdbc.sql("select onglet, sum(nombre) from file_compteur where service = ?"
                        + " and (cast(? as text) is null or code_departement = ?) group by onglet")
                .params(service, departement, departement)
                .query(rs -> {
                    compte.put(Onglet.valueOf(rs.getString(1)), rs.getInt(2));
                });
        return compte;
    }

    /**
     * With a search: how many dossiers match in each of the other tabs, so that a number typed in the wrong tab is
     * still found ("1 dossier dans l’onglet « Décidés »"). Empty without a search.
     */
    public Map<Onglet, Integer> ailleurs(FiltreFile filtre) {
        Map<Onglet, Integer> compte = new EnumMap<>(Onglet.class);
        if (filtre.recherche() == null) {
            return compte;
        }
        List<Object> params = new ArrayList<>(List.of(filtre.service(), filtre.onglet().name()));
        StringBuilder sql = new StringBuilder(
                "select onglet, count(*) from dossier where service = ? and onglet <> 'BROUILLON' and onglet <> ?");
        conditions(filtre, sql, params);
        sql.append(" group by onglet");
        jdbc.sql(sql.toString()).params(params).query(rs -> {
            compte.put(Onglet.valueOf(rs.getString(1)), rs.getInt(2));
        });
        return compte;
    }

    public Page page(FiltreFile filtre, @Nullable String apres, int delaiCibleJours) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("""
                select id, numero, demarche, etat, prioritaire, depose_le, coalesce(complet_le, depose_le) as complet_le, jours_suspension,
                       coalesce(nullif(reponses->>'denomination', ''), concat_ws(' ', reponses->>'prenom', reponses->>'nom_naissance')) as demandeur,
                       coalesce(reponses->>'systeme_commune', '') as commune, nouveaux_elements_le is not null as nouveaux
                from dossier where service = ? and onglet = ?
                """);
        params.add(filtre.service());
        params.add(filtre.onglet().name());
        conditions(filtre, sql, params);
        if (apres != null) {
            Curseur c = Curseur.lire(apres);
            sql.append(" and ((not prioritaire), depose_le, id) > (?, ?, ?)");
            params.add(!c.prioritaire());
            params.add(Timestamp.from(c.deposeLe()));
            params.add(c.id());
        }
        sql.append(" order by (not prioritaire), depose_le, id limit ?");
        params.add(TAILLE_PAGE + 1);
        List<LigneFile> lignes = jdbc.sql(sql.toString()).params(params).query((rs, i) -> ligne(
                rs.getLong("id"), rs.getString("numero"), rs.getString("demarche"), rs.getString("etat"),
                rs.getBoolean("prioritaire"), rs.getTimestamp("depose_le").toInstant(), rs.getTimestamp("complet_le").toInstant(), rs.getInt("jours_suspension"),
                rs.getString("demandeur"), rs.getString("commune"), rs.getBoolean("nouveaux"), delaiCibleJours)).list();
        String suivante = null;
        if (lignes.size() > TAILLE_PAGE) {
            lignes = lignes.subList(0, TAILLE_PAGE);
            LigneFile derniere = lignes.getLast();
            suivante = new Curseur(derniere.prioritaire(), derniere.deposeLe(), derniere.id()).ecrire();
        }
        return new Page(lignes, suivante);
    }

    /** Every row of the filter, in queue order, for the CSV export (streamed). */
    public void parcourir(FiltreFile filtre, int delaiCibleJours, Consumer<LigneFile> consommateur) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("""
                select id, numero, demarche, etat, prioritaire, depose_le, coalesce(complet_le, depose_le) as complet_le, jours_suspension,
                       coalesce(nullif(reponses->>'denomination', ''), concat_ws(' ', reponses->>'prenom', reponses->>'nom_naissance')) as demandeur,
                       coalesce(reponses->>'systeme_commune', '') as commune, nouveaux_elements_le is not null as nouveaux
                from dossier where service = ? and onglet = ?
                """);
        params.add(filtre.service());
        params.add(filtre.onglet().name());
        conditions(filtre, sql, params);
        sql.append(" order by (not prioritaire), depose_le, id");
        jdbc.sql(sql.toString()).params(params).query(rs -> {
            consommateur.accept(ligne(rs.getLong("id"), rs.getString("numero"), rs.getString("demarche"),
                    rs.getString("etat"), rs.getBoolean("prioritaire"), rs.getTimestamp("depose_le").toInstant(),
                    rs.getTimestamp("complet_le").toInstant(), rs.getInt("jours_suspension"), rs.getString("demandeur"), rs.getString("commune"),
                    rs.getBoolean("nouveaux"), delaiCibleJours));
        });
    }

    private static void conditions(FiltreFile filtre, StringBuilder sql, List<Object> params) {
        if (filtre.departement() != null) {
            sql.append(" and code_departement = ?");
            params.add(filtre.departement());
        }
        if (filtre.demarche() != null) {
            sql.append(" and demarche = ?");
            params.add(filtre.demarche());
        }
        if (filtre.prioritaire() != null) {
            // A range on the index expression itself, so that the tab's range of dossier_file_idx narrows to one
            // priority and is walked in order. Not an equality: the planner folds "(not prioritaire) = false" into
            // "prioritaire", which the index does not hold, and then prefers a bitmap scan and a sort.
            sql.append(filtre.prioritaire() ? " and (not prioritaire) <= false" : " and (not prioritaire) >= true");
        }
        if (filtre.nouveaux() != null) {
            sql.append(" and (nouveaux_elements_le is not null) = ?");
            params.add(filtre.nouveaux());
        }
        if (filtre.commune() != null) {
            sql.append(" and lower(reponses->>'systeme_commune') = lower(?)");
            params.add(filtre.commune());
        }
        if (filtre.deposeDu() != null) {
            sql.append(" and depose_le >= ?");
            params.add(Timestamp.from(filtre.deposeDu().atStartOfDay(PARIS).toInstant()));
        }
        if (filtre.deposeAu() != null) {
            sql.append(" and depose_le < ?");
            params.add(Timestamp.from(filtre.deposeAu().plusDays(1).atStartOfDay(PARIS).toInstant()));
        }
        if (filtre.recherche() != null) {
            String motif = "%" + filtre.recherche().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            sql.append(" and (numero = upper(?) or reponses->>'denomination' ilike ? or reponses->>'nom_naissance' ilike ?"
                    + " or reponses->>'systeme_voie' ilike ? or reponses->>'systeme_commune' ilike ?)");
            params.add(filtre.recherche().strip());
            params.add(motif);
            params.add(motif);
            params.add(motif);
            params.add(motif);
        }
    }

    private LigneFile ligne(long id, String numero, String demarche, String codeEtat, boolean prioritaire, Instant deposeLe,
                            Instant completLe, int joursSuspension, String demandeur, String commune, boolean nouveaux,
                            int delaiCibleJours) {
        LocalDate aujourdhui = LocalDate.now(horloge);
        long jours = ChronoUnit.DAYS.between(deposeLe.atZone(PARIS).toLocalDate(), aujourdhui);
        Etat etat = procedures.etat(demarche, codeEtat);
        java.time.Period delai = procedures.cycle(demarche).delaiDecisionImplicite();
        boolean decide = etat.estFinal();
        boolean suspendu = etat.attendDesPieces();
        LocalDate rejet = decide || suspendu || delai == null ? null
                : completLe.atZone(PARIS).toLocalDate().plus(delai).plusDays(joursSuspension);
        return new LigneFile(id, numero, demarche, etat, prioritaire, deposeLe, demandeur, commune, jours,
                !decide && jours > delaiCibleJours, rejet, rejet != null && !aujourdhui.isBefore(rejet.minusDays(21)), nouveaux);
    }

    /** The position after which the next page starts, opaque to the browser. */
    record Curseur(boolean prioritaire, Instant deposeLe, long id) {
        String ecrire() {
            String brut = (prioritaire ? "1" : "0") + "|" + deposeLe.toEpochMilli() + "|" + deposeLe.getNano() % 1_000_000 + "|" + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(brut.getBytes(StandardCharsets.UTF_8));
        }

        static Curseur lire(String texte) {
            try {
                String[] p = new String(Base64.getUrlDecoder().decode(texte), StandardCharsets.UTF_8).split("\\|");
                Instant instant = Instant.ofEpochMilli(Long.parseLong(p[1])).plusNanos(Long.parseLong(p[2]));
                return new Curseur(p[0].equals("1"), instant, Long.parseLong(p[3]));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("Curseur de pagination invalide");
            }
        }
    }
}
