package fr.gouv.guichet.tiers.internal;

import fr.gouv.guichet.demarche.Procedures;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** What the professional space shows of the signed-in collaborator's company (every read goes through {@link AccesTiers}). */
@Service
public class EspacePro {

    public static final int LIMITE = 500;
    static final DateTimeFormatter DATE_HEURE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.FRANCE).withZone(ZoneId.of("Europe/Paris"));

    /** Filters of the clients' dossiers, bounded. */
    public record Filtre(String client, @Nullable String etat, boolean opposes) {
        public Filtre {
            client = client.strip();
            if (client.length() > 100) {
                client = client.substring(0, 100);
            }
            etat = etat == null || !etat.matches("[A-Z][A-Z0-9_]{0,39}") ? null : etat;
        }
    }

    public record Ligne(Depot depot, String demarche, String etat, String deposeLe) {
    }

    private final AccesTiers acces;
    private final DepotRepository depots;
    private final EntrepriseRepository entreprises;
    private final Procedures procedures;
    private final Clock horloge;
    private final ProceduresOuvertes ouvertes;
    private final Resiliations resiliations;

    EspacePro(AccesTiers acces, DepotRepository depots, EntrepriseRepository entreprises, Procedures procedures, Clock horloge,
              ProceduresOuvertes ouvertes, Resiliations resiliations) {
        this.ouvertes = ouvertes;
        this.resiliations = resiliations;
        this.acces = acces;
        this.depots = depots;
        this.entreprises = entreprises;
        this.procedures = procedures;
        this.horloge = horloge;
    }

    public List<Ligne> depots(Filtre filtre) {
        Entreprise e = acces.entreprise();
        return depots.deLEntreprise(e.id(), filtre.client(), filtre.etat(), filtre.opposes(), LIMITE).stream().map(this::ligne).toList();
    }

    public Ligne ligne(Depot d) {
        var procedure = procedures.get(d.demarche());
        String etat = d.etat() == null ? "" : procedure.cycle().etat(d.etat()).libelleAgent();
        return new Ligne(d, procedure.libelle(), etat, DATE_HEURE.format(d.deposeLe()));
    }

    /** The states a filter may choose, from the lifecycles of the procedures open to the company. */
    public List<fr.gouv.guichet.demarche.Etat> etats() {
        return ouvertes.pour(acces.entreprise()).stream()
                .flatMap(p -> p.cycle().etats().stream()).filter(e -> !e.estBrouillon()).distinct().toList();
    }

    /** The manager ends the convention with two months' notice; the French reason of a refusal, or empty. */
    public java.util.Optional<String> resilier(String motif) {
        return resiliations.resilier(acces.entreprisePourGerer(), acces.usager().id(), motif);
    }

    /** The term of the notice of a termination, as shown (empty when none). */
    public String finPreavis(Entreprise e) {
        return e.finLe() == null ? "" : DATE_HEURE.format(e.finLe()).substring(0, 10);
    }

    public List<EntrepriseRepository.Collaborateur> collaborateurs() {
        return entreprises.collaborateurs(acces.entreprise().id());
    }

    public List<EntrepriseRepository.Invitation> invitations() {
        return entreprises.invitationsEnAttente(acces.entreprise().id(), horloge.instant());
    }

    public boolean estGerant() {
        return entreprises.role(acces.usager().id()).map("GERANT"::equals).orElse(false);
    }

    /** CSV (semicolon, UTF-8 with BOM for spreadsheets); cells that a spreadsheet would run as a formula are quoted inert. */
    public String csv(Filtre filtre) {
        StringBuilder sb = new StringBuilder("\uFEFFNuméro;Démarche;Client;Courriel du client;État;Déposé le;Mandat;Opposition\r\n");
        for (Ligne l : depots(filtre)) {
            Depot d = l.depot();
            sb.append(List.of(String.valueOf(d.numero()), l.demarche(), d.client(), d.clientEmail(), l.etat(), l.deposeLe(),
                            d.mandatMode().equals("TELEVERSE") ? "téléversé" : "signé à l’écran",
                            d.opposeLe() == null ? "" : DATE_HEURE.format(d.opposeLe())).stream().map(EspacePro::cellule)
                    .collect(Collectors.joining(";"))).append("\r\n");
        }
        return sb.toString();
    }

    static String cellule(String valeur) {
        String v = valeur.replace("\"", "\"\"").replace("\r", " ").replace("\n", " ");
        if (!v.isEmpty() && "=+-@\t".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return "\"" + v + "\"";
    }
}
