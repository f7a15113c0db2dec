package fr.gouv.guichet.permis.internal;

import fr.gouv.guichet.demarche.Dossier;
import fr.gouv.guichet.demarche.InstructionDossiers;
import fr.gouv.guichet.demarche.InformationsDossier;
import fr.gouv.guichet.permis.CyclePermis;
import fr.gouv.guichet.permis.DemarchePermis;
import fr.gouv.guichet.permis.TimbrePermis;
import fr.gouv.guichet.referentiel.ServicesInstructeurs;
import fr.gouv.guichet.timbre.UtilisationTimbre;
import org.springframework.stereotype.Component;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a licence dossier shows beside the generic page and in the accusé de réception e-mail: the NEPH of an
 * inscription, the timbre paid, the originals to send with the printable cover sheet (and their reception once the
 * CERT records it), the appointment in préfecture for a non-EU exchange. Reads nothing for other procedures.
 */
@Component
class InformationsPermis implements InformationsDossier {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRANCE)
            .withZone(ZoneId.of("Europe/Paris"));

    private final DonneesPermis donnees;
    private final TimbrePermis timbre;
    private final InstructionDossiers dossiers;
    private final ServicesInstructeurs services;
    private final RendezVousPrefecture rendezVous;

    InformationsPermis(DonneesPermis donnees, TimbrePermis timbre, InstructionDossiers dossiers,
                       ServicesInstructeurs services, RendezVousPrefecture rendezVous) {
        this.rendezVous = rendezVous;
        this.services = services;
        this.donnees = donnees;
        this.timbre = timbre;
        this.dossiers = dossiers;
    }

    @Override
    public Optional<Encart> pour(Dossier dossier) {
        Optional<DemarchePermis> demarche = DemarchePermis.depuisCode(dossier.demarche());
        if (demarche.isEmpty() || dossier.estBrouillon()) {
            return Optional.empty();
        }
        List<String> lignes = new ArrayList<>();
        List<Lien> liens = new ArrayList<>();
        dossiers.service(dossier.id()).flatMap(services::parCode).filter(s -> !s.estPrefecture())
                .ifPresent(s -> lignes.add("Votre demande est instruite par le " + s.libelle() + " (" + String.join(", ",
                        s.coordonnees().lignesAdresse()) + ")."));
        donnees.neph(dossier.id()).ifPresent(neph -> lignes.add("Votre numéro d’inscription (NEPH) est le " + neph.pourAffichage()
                + ". Conservez-le : il vous est demandé pour passer les épreuves et pour demander votre titre."));
        if (timbre.exige(demarche.get())) {
            timbre.duDossier(dossier).ifPresent(u -> lignes.add("Timbre fiscal n° " + u.numero().pourAffichage() + " de "
                    + TimbrePermis.euros(u.montant()) + " € : "
                    + (u.statut() == UtilisationTimbre.Statut.CONSOMME ? "utilisé pour ce dossier." : "réservé pour ce dossier.")));
        }
        if (demarche.get().cycle() == CyclePermis.ECHANGE) {
            originaux(dossier, lignes, liens);
        }
        if (demarche.get().rendezVousEnPrefecture()) {
            rendezVous(dossier, lignes, liens);
        }
        return lignes.isEmpty() ? Optional.empty() : Optional.of(new Encart("Votre permis de conduire", lignes, liens));
    }

    private void rendezVous(Dossier dossier, List<String> lignes, List<Lien> liens) {
        Optional<RendezVousPrefecture.RendezVous> rdv = rendezVous.actif(dossier.id());
        String page = "/usager/permis/dossiers/" + dossier.id() + "/rendez-vous";
        if (rdv.isPresent()) {
            lignes.add("Votre rendez-vous à la préfecture pour présenter vos originaux (dont votre permis étranger) : "
                    + CourrielsRendezVousPermis.QUAND.format(rdv.get().debut()) + ".");
            if (RendezVousPrefecture.concerne(dossier)) {
                liens.add(new Lien("Déplacer ou annuler mon rendez-vous", page));
            }
        } else if (RendezVousPrefecture.concerne(dossier)) {
            lignes.add("Prenez rendez-vous à la préfecture pour présenter vos originaux (dont votre permis étranger) : "
                    + "ne les envoyez pas par courrier.");
            liens.add(new Lien("Prendre rendez-vous à la préfecture", page));
        }
    }

    private void originaux(Dossier dossier, List<String> lignes, List<Lien> liens) {
        if (dossier.etat().equals(CyclePermis.ORIGINAUX_ATTENDUS)) {
            lignes.add("Envoyez par courrier au centre d’instruction l’original de votre permis, avec le bordereau d’envoi "
                    + "imprimé : son code-barres permet au centre de rattacher vos originaux à ce dossier.");
            liens.add(new Lien("Imprimer le bordereau d’envoi (PDF)", "/usager/permis/dossiers/" + dossier.id() + "/bordereau.pdf"));
            return;
        }
        dossiers.transitions(dossier.id()).stream().filter(t -> t.vers().equals(CyclePermis.ORIGINAUX_RECUS)).findFirst()
                .ifPresent(t -> lignes.add("Le centre d’instruction a reçu vos originaux le " + DATE.format(t.moment()) + "."));
    }
}
