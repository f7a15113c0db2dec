package fr.gouv.guichet.compte;

import fr.gouv.guichet.compte.internal.ComptesFranceConnect;
import fr.gouv.guichet.compte.internal.IdentiteFranceConnect;
import fr.gouv.guichet.compte.internal.UsagerRepository;
import fr.gouv.guichet.notification.Courriel;
import fr.gouv.guichet.notification.Courriers;
import fr.gouv.guichet.notification.Courriels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Sends a notification to a usager where it reaches them (issue 16, point 4): the trusted person or the help place
 * the usager designated, otherwise the account's own address. No account is assumed to have an address: one without
 * address nor designation gets nothing sent (its space shows the news) and this is logged.
 */
@Service
public class EnvoisUsager {

    private static final Logger log = LoggerFactory.getLogger(EnvoisUsager.class);

    /** Where the notifications of a usager go. */
    public sealed interface Destination {
        record Adresse(String email) implements Destination {
        }

        record PersonneConfiance(String nom, String email) implements Destination {
        }

        record LieuAide(String lieuId, String lieuNom) implements Destination {
        }

        record Aucune() implements Destination {
        }
    }

    private final UsagerRepository usagers;
    private final Destinataires destinataires;
    private final ComptesFranceConnect franceConnect;
    private final Courriels courriels;
    private final Courriers courriers;

    EnvoisUsager(UsagerRepository usagers, Destinataires destinataires, ComptesFranceConnect franceConnect,
                 Courriels courriels, Courriers courriers) {
        this.usagers = usagers;
        this.destinataires = destinataires;
        this.franceConnect = franceConnect;
        this.courriels = courriels;
        this.courriers = courriers;
    }

    public Destination destination(long usagerId) {
        return destinataires.enVigueur(usagerId).<Destination>map(d -> switch (d) {
            case Destinataires.Designation.PersonneConfiance p -> new Destination.PersonneConfiance(p.nom(), p.email());
            case Destinataires.Designation.LieuAide l -> new Destination.LieuAide(l.lieuId(), l.lieuNom());
        }).orElseGet(() -> usagers.parId(usagerId).map(u -> u.email())
                .<Destination>map(Destination.Adresse::new).orElseGet(Destination.Aucune::new));
    }

    /**
     * Sends once under {@code cle} the message {@code courriel} builds for an address (outbox listeners: see
     * {@link Courriels#envoyerUneFois}). To a help place, it becomes a letter recorded once under the same key.
     */
    public void envoyerUneFois(long usagerId, String cle, Function<String, Courriel> courriel) {
        switch (destination(usagerId)) {
            case Destination.Adresse a -> courriels.envoyerUneFois(cle, courriel.apply(a.email()));
            case Destination.PersonneConfiance p -> courriels.envoyerUneFois(cle, pourPersonneDeConfiance(
                    courriel.apply(p.email()), p.nom(), nomUsager(usagerId)));
            case Destination.LieuAide l -> courriers.deposerUneFois(cle, l.lieuId(), nomUsager(usagerId), courriel.apply(""));
            case Destination.Aucune a -> log.info("Usager {} sans adresse ni destinataire désigné : notification {} visible "
                    + "dans son espace seulement", usagerId, cle);
        }
    }

    /** The name to hand a letter to: the FranceConnect identity, else the account's address or number. */
    public String nomUsager(long usagerId) {
        return franceConnect.identite(usagerId).map(IdentiteFranceConnect::nomComplet)
                .orElseGet(() -> usagers.parId(usagerId).map(u -> u.email()).orElse("Usager n° " + usagerId));
    }

    private static Courriel pourPersonneDeConfiance(Courriel c, String nomConfiance, String nomUsager) {
        List<String> paragraphes = new ArrayList<>();
        paragraphes.add("Bonjour " + nomConfiance + ", " + nomUsager + " vous a désigné(e) comme personne de confiance "
                + "pour recevoir les nouvelles de ses démarches sur Guichet : ce message lui est destiné.");
        paragraphes.addAll(c.paragraphes());
        return new Courriel(c.destinataire(), c.sujet(), paragraphes, c.lienLibelle(), c.lienUrl(), c.fichiers(), c.identifiant());
    }
}
