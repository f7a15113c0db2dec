package fr.gouv.guichet.identite.internal;

import fr.gouv.guichet.demarche.Dossier;
import fr.gouv.guichet.demarche.InformationsDossier;
import fr.gouv.guichet.identite.PiecesAApporter;
import fr.gouv.guichet.identite.PreDemande;
import fr.gouv.guichet.identite.TimbresIdentite;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a pré-demande adds to the usager's dossier page and to the accusé de réception e-mail (sent through
 * {@code compte.EnvoisUsager} by the platform): its number and validity, the timbre(s) reserved or to bring, what to
 * bring (computed from the answers), and where to book. Reads nothing for the other procedures.
 */
@Component
class InformationsIdentite implements InformationsDossier {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRANCE);

    private final PreDemandes preDemandes;
    private final TimbresPreDemande timbres;

    InformationsIdentite(PreDemandes preDemandes, TimbresPreDemande timbres) {
        this.preDemandes = preDemandes;
        this.timbres = timbres;
    }

    @Override
    public Optional<Encart> pour(Dossier dossier) {
        if (!PreDemande.DEMARCHE.equals(dossier.demarche()) || dossier.estBrouillon()) {
            return Optional.empty();
        }
        return preDemandes.parDossier(dossier.id()).map(pd -> {
            LocalDate creee = pd.creeLe().atZone(PreDemandes.PARIS).toLocalDate();
            List<String> lignes = new ArrayList<>();
            lignes.add("Numéro de pré-demande : " + pd.numero().valeur() + " (" + pd.titres().libelle().toLowerCase(Locale.ROOT)
                    + "), valable jusqu’au " + DATE.format(pd.valideJusquau()) + ".");
            if (pd.consommee()) {
                lignes.add("Votre demande a été déposée en mairie : cette pré-demande est utilisée.");
            } else {
                lignes.add("Prenez rendez-vous dans n’importe quelle mairie équipée d’un dispositif de recueil, avec ce numéro.");
            }
            List<TimbresIdentite.TimbreDu> dus = timbres.dus(pd, creee);
            for (TimbresPreDemande.AuGuichet t : timbres.auGuichet(pd, creee)) {
                lignes.add(t.numero() != null
                        ? "Timbre fiscal de " + t.montant() + " (" + t.du().libelle().toLowerCase(Locale.ROOT) + ") n° " + t.numero()
                        + (t.consomme() ? " : utilisé pour cette demande." : " : réservé pour cette pré-demande.")
                        : "Timbre fiscal de " + t.montant() + " (" + t.du().libelle().toLowerCase(Locale.ROOT) + ") : à apporter à la mairie.");
            }
            if (!pd.consommee()) {
                lignes.add("À apporter au rendez-vous : " + String.join(" ; ", PiecesAApporter.liste(
                        dossier.reponses(), dus, creee)) + ".");
            }
            return new Encart("Votre pré-demande de titre d’identité", lignes, List.of(
                    new Lien("Récapitulatif imprimable (numéro et code QR)", "/usager/identite/dossiers/" + dossier.id()),
                    new Lien("Prendre rendez-vous en mairie", "/rendez-vous-titres?numero=" + pd.numero().valeur())));
        });
    }
}
