package fr.gouv.guichet.videoprotection.internal;

import fr.gouv.guichet.demarche.Dossier;
import fr.gouv.guichet.demarche.InstructionDossiers;
import fr.gouv.guichet.videoprotection.CycleVideoprotection;
import fr.gouv.guichet.demarche.Historique;
import fr.gouv.guichet.demarche.NumeroDossier;
import fr.gouv.guichet.videoprotection.DemarcheVideo;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Checks the references (dossier number + date of the arrêté) a modification or renewal starts from. Both are public
 * (the list of authorizations), so they prove nothing: only the account that filed the authorization gets it checked
 * in detail and its answers prefilled. For anyone else the answer is the same whether the number exists or not:
 * the reference is recorded and the préfecture will check it. A number in another format comes from before Guichet:
 * accepted, the préfecture will check it.
 */
@Component
public class ReferenceAutorisation {

    /**
     * Outcome: an error message for a field, or the authorization of this usager (null when older than Guichet or not
     * filed by this account: then {@code anterieure} tells which).
     */
    public record Verification(@Nullable String champEnErreur, @Nullable String message, @Nullable Dossier autorisation,
                               boolean anterieure) {
        public Verification(@Nullable String champEnErreur, @Nullable String message, @Nullable Dossier autorisation) {
            this(champEnErreur, message, autorisation, false);
        }

        public boolean valide() {
            return message == null;
        }
    }

    private final InstructionDossiers dossiers;

    ReferenceAutorisation(InstructionDossiers dossiers) {
        this.dossiers = dossiers;
    }

    public Verification verifier(String numeroSaisi, @Nullable LocalDate dateArrete, LocalDate aujourdhui, long usagerId) {
        String numero = numeroSaisi.strip().toUpperCase();
        if (numero.isEmpty()) {
            return erreur("numero", "Indiquez le numéro de dossier qui figure sur votre arrêté d’autorisation.");
        }
        if (dateArrete == null) {
            return erreur("dateArrete", "Indiquez la date de l’arrêté d’autorisation, par exemple 15/03/2022.");
        }
        if (dateArrete.isAfter(aujourdhui)) {
            return erreur("dateArrete", "La date de l’arrêté ne peut pas être postérieure à aujourd’hui : vérifiez la date inscrite sur votre arrêté.");
        }
        if (dateArrete.isBefore(LocalDate.of(1995, 1, 21))) {
            return erreur("dateArrete", "La date de l’arrêté ne peut pas être antérieure à la loi du 21 janvier 1995 qui a créé l’autorisation : vérifiez-la.");
        }
        boolean formatGuichet = numero.matches("[A-Z]{2}-[0-9AB]{3}-\\d{4}-\\d{6}-[A-Z]");
        if (!formatGuichet) {
            return new Verification(null, null, null, true);
        }
        if (!NumeroDossier.estValide(numero) || !numero.startsWith(DemarcheVideo.PREFIXE + "-")) {
            return erreur("numero", "Ce numéro de dossier n’est pas valide : vérifiez chaque caractère (la dernière lettre est une clé de contrôle).");
        }
        Optional<Dossier> trouve = dossiers.parNumero(numero).filter(d -> d.usagerId() != null && d.usagerId() == usagerId);
        if (trouve.isEmpty()) {
            // Unknown, or someone else's: the same answer (nothing prefilled), the préfecture checks the reference.
            return new Verification(null, null, null, false);
        }
        Dossier dossier = trouve.get();
        Optional<LocalDate> dateAutorisation = dateAutorisation(dossier);
        if (!dossier.etat().equals(CycleVideoprotection.AUTORISE) || dateAutorisation.isEmpty()) {
            return erreur("numero", "Le dossier " + numero + " n’a pas (encore) été autorisé par arrêté : seule une autorisation accordée "
                    + "peut être modifiée ou renouvelée.");
        }
        if (!dateAutorisation.get().equals(dateArrete)) {
            return erreur("dateArrete", "Cette date ne correspond pas à celle de l’arrêté d’autorisation du dossier " + numero
                    + " : vérifiez la date inscrite sur votre arrêté.");
        }
        return new Verification(null, null, dossier);
    }

    /**
     * The authorization granted by an arrêté of that date under that Guichet number, whoever filed it: what a holder
     * who is not the filing account may prove they control (single-use code sent to the holder's address on file).
     */
    public Optional<Dossier> autorisationAccordee(String numeroSaisi, @Nullable LocalDate dateArrete) {
        String numero = numeroSaisi.strip().toUpperCase();
        if (dateArrete == null || !NumeroDossier.estValide(numero) || !numero.startsWith(DemarcheVideo.PREFIXE + "-")) {
            return Optional.empty();
        }
        return dossiers.parNumero(numero).filter(d -> d.etat().equals(CycleVideoprotection.AUTORISE))
                .filter(d -> dateAutorisation(d).filter(dateArrete::equals).isPresent());
    }

    private Optional<LocalDate> dateAutorisation(Dossier dossier) {
        return dossiers.transitions(dossier.id()).stream()
                .filter(t -> t.vers().equals(CycleVideoprotection.AUTORISE))
                .reduce((a, b) -> b)
                .map(Historique.TransitionEnregistree::moment)
                .map(m -> m.atZone(ZoneId.of("Europe/Paris")).toLocalDate());
    }

    private static Verification erreur(String champ, String message) {
        return new Verification(champ, message, null);
    }
}
