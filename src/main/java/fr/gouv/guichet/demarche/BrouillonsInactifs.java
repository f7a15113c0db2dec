package fr.gouv.guichet.demarche;

import fr.gouv.guichet.formulaire.CatalogueFormulaires;
import fr.gouv.guichet.formulaire.DefinitionFormulaire;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where usagers stop: drafts of a department left untouched for a while, counted by procedure and by the step they
 * stopped at (the form page after the last one saved, or the steps after the form). Aggregated in the database from
 * the names of the answered fields only: no answer, no account, no dossier is read out.
 */
@Service
public class BrouillonsInactifs {

    /** Step number 0 is the first page of the form; {@code pages} means after the form (checks, steps before filing). */
    public record Arret(String demarche, String formulaire, int etape, String titre, long brouillons) {
    }

    static final String APRES_FORMULAIRE = "Après le formulaire : vérification, étapes avant le dépôt, validation";

    private final JdbcClient jdbc;
    private final CatalogueFormulaires catalogue;
    private final Clock horloge;

    BrouillonsInactifs(JdbcClient jdbc, CatalogueFormulaires catalogue, Clock horloge) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.horloge = horloge;
    }

    private record Groupe(String demarche, String formulaireId, String version, List<String> champs, long brouillons) {
    }

    /** Drafts of the department not modified for {@code inactivite}, by procedure and step (most frequent first). */
    public List<Arret> du(String codeDepartement, Duration inactivite) {
        List<Groupe> groupes = jdbc.sql("""
                        select demarche, formulaire_id, formulaire_version,
                               coalesce((select array_agg(k order by k) from jsonb_object_keys(reponses) k), '{}') as champs,
                               count(*) as brouillons
                        from dossier where code_departement = ? and numero is null and depose_le is null and modifie_le < ?
                        group by 1, 2, 3, 4 limit 5000""")
                .params(codeDepartement, Timestamp.from(horloge.instant().minus(inactivite)))
                .query((rs, i) -> new Groupe(rs.getString("demarche"), rs.getString("formulaire_id"),
                        rs.getString("formulaire_version"), champs(rs.getArray("champs")), rs.getLong("brouillons"))).list();
        Map<String, Arret> arrets = new LinkedHashMap<>();
        for (Groupe g : groupes) {
            Arret a = arret(g);
            arrets.merge(a.demarche() + "\u0000" + a.etape(), a, (x, y) -> new Arret(x.demarche(), x.formulaire(), x.etape(),
                    x.titre(), x.brouillons() + y.brouillons()));
        }
        List<Arret> liste = new ArrayList<>(arrets.values());
        liste.sort(Comparator.comparingLong(Arret::brouillons).reversed().thenComparing(Arret::demarche)
                .thenComparingInt(Arret::etape));
        return liste;
    }

    private Arret arret(Groupe g) {
        Optional<DefinitionFormulaire> definition = catalogue.trouver(g.formulaireId(), g.version());
        if (definition.isEmpty() || definition.get().pages().isEmpty()) {
            return new Arret(g.demarche(), g.formulaireId(), 0, "Formulaire", g.brouillons());
        }
        DefinitionFormulaire d = definition.get();
        int derniere = g.champs().stream().map(d::pageDuChamp).flatMap(Optional::stream)
                .mapToInt(p -> d.indexDePage(p.id())).max().orElse(-1);
        int etape = derniere + 1;
        String titre = etape >= d.pages().size() ? APRES_FORMULAIRE
                : "Page " + (etape + 1) + " du formulaire : " + d.pages().get(etape).titre();
        return new Arret(g.demarche(), g.formulaireId(), Math.min(etape, d.pages().size()), titre, g.brouillons());
    }

    private static List<String> champs(Array tableau) throws SQLException {
        return tableau == null ? List.of() : Arrays.stream((Object[]) tableau.getArray()).map(String::valueOf).toList();
    }
}
