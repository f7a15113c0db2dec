package fr.gouv.guichet.instruction.web;

import fr.gouv.guichet.instruction.internal.FileAttente;
import fr.gouv.guichet.instruction.internal.LigneFile;
import fr.gouv.guichet.instruction.internal.Onglet;
import org.jspecify.annotations.Nullable;
import org.unbescape.uri.UriEscape;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The queue page prepared in Java (issue 18, docs/adr/0028): links built once per page instead of a ten-parameter
 * {@code @{…}} per tab, row cells already formatted and labels already resolved, so that the template's loop only reads
 * strings (Thymeleaf still escapes them). Links are encoded exactly as Thymeleaf's link builder does (unbescape's
 * {@link UriEscape}, the same calls), prefixed with the context path.
 */
public record VueFile(List<OngletVue> onglets, List<AilleursVue> ailleurs, List<LigneVue> lignes, String lienCsv,
                      @Nullable String lienSuivant) {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(ZoneId.of("Europe/Paris"));
    private static final DateTimeFormatter JOUR = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** A tab: link keeping the filter, label with its count, {@code courant} for {@code aria-current}. */
    public record OngletVue(String lien, String texte, boolean courant) {
    }

    /** « Votre recherche trouve aussi des dossiers dans d’autres onglets » : one line per other tab. */
    public record AilleursVue(String lien, String texte) {
    }

    /** A row of the table, every cell ready to print. */
    public record LigneVue(String lien, String numero, boolean prioritaire, boolean nouveauxElements, String demandeur,
                           String commune, String demarche, String etat, String deposeLe, long joursEcoules,
                           boolean enRetard, String rejetImplicite, boolean rejetImminent) {
    }

    static VueFile de(String contexte, String codeService, FileController.Parametres parametres, Onglet courant,
                      Map<Onglet, Integer> compteurs, Map<Onglet, Integer> ailleurs, FileAttente.Page page,
                      UnaryOperator<String> libelleDemarche) {
        String service = UriEscape.escapeUriPathSegment(codeService);
        String file = contexte + "/agent/services/" + service + "/file";
        String filtre = filtre(parametres);
        List<OngletVue> onglets = new ArrayList<>(Onglet.values().length);
        List<AilleursVue> autres = new ArrayList<>();
        for (Onglet o : Onglet.values()) {
            String lien = file + "?onglet=" + o.name() + filtre;
            onglets.add(new OngletVue(lien, o.libelle() + " (" + compteurs.get(o) + ")", o == courant));
            Integer n = ailleurs.get(o);
            if (n != null) {
                autres.add(new AilleursVue(lien, n + (n > 1 ? " dossiers" : " dossier") + " dans l’onglet « " + o.libelle() + " »"));
            }
        }
        List<LigneVue> lignes = new ArrayList<>(page.lignes().size());
        for (LigneFile l : page.lignes()) {
            lignes.add(ligne(contexte, l, libelleDemarche));
        }
        String courantEtFiltre = "?onglet=" + courant.name() + filtre;
        return new VueFile(onglets, autres, lignes, contexte + "/agent/services/" + service + "/file.csv" + courantEtFiltre,
                page.suivante() == null ? null : file + courantEtFiltre + "&apres=" + parametre(page.suivante()));
    }

    static LigneVue ligne(String contexte, LigneFile l, UnaryOperator<String> libelleDemarche) {
        String rejet = l.rejetImplicite() != null ? JOUR.format(l.rejetImplicite())
                : l.etat().attendDesPieces() ? "Suspendu (pièces attendues)" : "—";
        return new LigneVue(contexte + "/agent/dossiers/" + l.id(), l.numero(), l.prioritaire(), l.nouveauxElements(),
                l.demandeur(), l.commune(), libelleDemarche.apply(l.demarche()), l.etat().libelleAgent(),
                DATE.format(l.deposeLe()), l.joursEcoules(), l.enRetard(), rejet, l.rejetImminent());
    }

    /** The filter's parameters after {@code onglet}, in the order the page always used (empty ones kept, as before). */
    static String filtre(FileController.Parametres p) {
        return "&demarche=" + parametre(p.demarche()) + "&commune=" + parametre(p.commune()) + "&priorite=" + parametre(p.priorite())
                + "&du=" + parametre(p.du()) + "&au=" + parametre(p.au()) + "&q=" + parametre(p.q())
                + "&nouveaux=" + parametre(p.nouveaux()) + "&departement=" + parametre(p.departement());
    }

    private static String parametre(@Nullable String valeur) {
        return valeur == null ? "" : UriEscape.escapeUriQueryParam(valeur);
    }
}
