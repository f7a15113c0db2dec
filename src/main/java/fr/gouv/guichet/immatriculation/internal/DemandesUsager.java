package fr.gouv.guichet.immatriculation.internal;

import fr.gouv.guichet.demarche.Dossier;
import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.demarche.ResultatEnregistrement;
import fr.gouv.guichet.immatriculation.BaremeTaxes;
import fr.gouv.guichet.immatriculation.ErreursSaisie;
import fr.gouv.guichet.immatriculation.Operation;
import fr.gouv.guichet.immatriculation.RegistreVehicules;
import fr.gouv.guichet.immatriculation.Vehicule;
import fr.gouv.guichet.immatriculation.VehiculeIntrouvable;
import fr.gouv.guichet.referentiel.Departements;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.gouv.guichet.compte.IdentiteCertifiee;
import fr.gouv.guichet.compte.Usagers;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A usager's registration requests before payment: the holder's identity and address (saved at each step, nothing
 * typed is lost), the taxes computed from the dated tariffs for the region of the dossier, and the opening of address
 * changes and duplicates for a vehicle the usager holds.
 */
@Service
public class DemandesUsager {

    /** The fields of the holder's page, with their French designation. */
    public static final Map<String, String> CHAMPS = champs();

    /**
     * A request as its page shows it.
     *
     * @param identiteCertifiee the buyer's identity comes from FranceConnect: prefilled, not editable
     */
    public record Vue(Dossier dossier, Demandes.Demande demande, Vehicule vehicule, Map<String, String> reponses,
                      boolean identiteCertifiee) {
        public boolean gratuite() {
            return demande.montantCentimes() == 0;
        }
    }

    /** An address change is declared within a month of moving (titres.md, SIV). */
    public static final Period DELAI_DEMENAGEMENT = Period.ofMonths(1);
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRANCE);

    private final Dossiers dossiers;
    private final Demandes demandes;
    private final RegistreVehicules registre;
    private final BaremeTaxes bareme;
    private final Departements departements;
    private final Clock horloge;
    private final Usagers usagers;

    DemandesUsager(Dossiers dossiers, Demandes demandes, RegistreVehicules registre, BaremeTaxes bareme, Departements departements,
                   Clock horloge, Usagers usagers) {
        this.usagers = usagers;
        this.dossiers = dossiers;
        this.demandes = demandes;
        this.registre = registre;
        this.bareme = bareme;
        this.departements = departements;
        this.horloge = horloge;
    }

    /** Recorded in the answers of a change of holder typed by a professional for their client. */
    static final String POUR_UN_CLIENT = "titulaire_saisi_pour_un_client";

    /** The usager's request (another usager's, or a dossier of another procedure, is not found). */
    public Vue vue(long dossierId, long usagerId) {
        Dossier dossier = dossiers.deLUsager(dossierId, usagerId).orElseThrow(VehiculeIntrouvable::new);
        Demandes.Demande demande = demandes.parDossier(dossierId).orElseThrow(VehiculeIntrouvable::new);
        Vehicule vehicule = registre.parId(demande.vehiculeId()).orElseThrow(VehiculeIntrouvable::new);
        Map<String, String> reponses = new LinkedHashMap<>();
        dossier.reponses().forEach((k, v) -> reponses.put(k, String.valueOf(v)));
        // A holder typed by a professional for their client is never replaced by the signed-in collaborator's identity.
        Optional<IdentiteCertifiee> certifiee = demande.operation() == Operation.CHANGEMENT_TITULAIRE && dossier.estBrouillon()
                && !dossier.reponses().containsKey(POUR_UN_CLIENT) ? usagers.identiteCertifiee(usagerId) : Optional.empty();
        certifiee.ifPresent(i -> reponses.putAll(identite(i)));
        return new Vue(dossier, demande, vehicule, reponses, certifiee.isPresent());
    }

    private static Map<String, String> identite(IdentiteCertifiee i) {
        return Map.of("nom", i.nom(), "prenoms", i.prenoms(), "date_naissance", i.dateNaissance());
    }

    public List<Vue> deLUsager(long usagerId) {
        return demandes.deLUsager(usagerId).stream().map(id -> vue(id, usagerId)).toList();
    }

    /**
     * Saves the holder's page of a draft and prices it. @throws ErreursSaisie (nothing saved then: the page shows what
     * was typed with the messages)
     */
    @Transactional
    public void enregistrer(long dossierId, long usagerId, int versionLue, Map<String, String> saisie) {
        enregistrer(dossierId, usagerId, versionLue, saisie, true);
    }

    /**
     * The same page typed by a professional for their client: the holder is the client, never the signed-in
     * collaborator, so the collaborator's FranceConnect identity is not applied and the client's birth date is typed.
     */
    @Transactional
    public void enregistrerPourUnClient(long dossierId, long collaborateurId, int versionLue, Map<String, String> saisie) {
        enregistrer(dossierId, collaborateurId, versionLue, saisie, false);
    }

    private void enregistrer(long dossierId, long usagerId, int versionLue, Map<String, String> saisie, boolean titulaireConnecte) {
        Vue lue = vue(dossierId, usagerId);
        Vue vue = titulaireConnecte || !lue.identiteCertifiee() ? lue
                : new Vue(lue.dossier(), lue.demande(), lue.vehicule(), lue.reponses(), false);
        if (!vue.dossier().estBrouillon()) {
            throw ErreursSaisie.sur("nom", "Cette demande est déjà transmise : elle ne se modifie plus.");
        }
        Map<String, String> erreurs = new LinkedHashMap<>();
        Map<String, Object> reponses = new HashMap<>(vue.dossier().reponses());
        if (!titulaireConnecte) {
            reponses.put(POUR_UN_CLIENT, "oui");
        }
        saisie = new HashMap<>(saisie);
        if (vue.identiteCertifiee()) {
            // FranceConnect's identity, whatever the form sent: the page shows it read-only.
            saisie.putAll(identite(usagers.identiteCertifiee(usagerId).orElseThrow()));
            reponses.put("identite_franceconnect", "oui");
        }
        Operation operation = vue.demande().operation();
        if (operation == Operation.CHANGEMENT_TITULAIRE && vue.identiteCertifiee()) {
            reponses.put("date_naissance", saisie.get("date_naissance"));
        } else if (operation == Operation.CHANGEMENT_TITULAIRE) {
            date(saisie, "date_naissance", erreurs, reponses, LocalDate.of(1900, 1, 1), "Indiquez la date de naissance du titulaire.",
                    "La date de naissance ne peut pas être dans le futur.");
        } else if (operation == Operation.CHANGEMENT_ADRESSE) {
            LocalDate aujourdhui = LocalDate.now(horloge.withZone(Cessions.PARIS));
            LocalDate demenagement = date(saisie, "date_demenagement", erreurs, reponses, LocalDate.of(1900, 1, 1),
                    "Indiquez la date de votre déménagement.", "La date du déménagement ne peut pas être dans le futur.");
            if (demenagement != null && demenagement.plus(DELAI_DEMENAGEMENT).isBefore(aujourdhui)) {
                erreurs.put("date_demenagement", "Le changement d’adresse se déclare dans le mois qui suit le déménagement : pour un "
                        + "déménagement le " + DATE.format(demenagement) + ", ce délai a pris fin le "
                        + DATE.format(demenagement.plus(DELAI_DEMENAGEMENT)) + ". Écrivez au centre d’instruction (CERT) depuis la page d’aide.");
            }
        }
        if (operation == Operation.DUPLICATA && "perte".equals(String.valueOf(reponses.get("motif_duplicata")))) {
            // The loss is declared in the procedure itself (titres.md): an explicit declaration, recorded.
            boolean declaree = "oui".equals(saisie.get("declaration_perte"));
            reponses.put("declaration_perte", declaree ? "oui" : "");
            if (!declaree) {
                erreurs.put("declaration_perte", "Cochez la déclaration de perte : elle est demandée pour un duplicata après perte.");
            }
        }
        for (var champ : CHAMPS.entrySet()) {
            String valeur = saisie.getOrDefault(champ.getKey(), "").strip();
            boolean facultatif = champ.getKey().startsWith("cotitulaire");
            if (valeur.isEmpty() && !facultatif) {
                erreurs.put(champ.getKey(), "Indiquez " + champ.getValue() + ".");
            } else if (valeur.length() > 100) {
                erreurs.put(champ.getKey(), "Raccourcissez " + champ.getValue() + " : 100 caractères au plus.");
            }
            reponses.put(champ.getKey(), valeur);
        }
        String cp = saisie.getOrDefault("code_postal", "").strip();
        if (!cp.isEmpty() && !cp.matches("\\d{5}")) {
            erreurs.put("code_postal", "Le code postal compte 5 chiffres, par exemple 83000.");
        }
        boolean cotitNom = !saisie.getOrDefault("cotitulaire_nom", "").isBlank();
        if (cotitNom != !saisie.getOrDefault("cotitulaire_prenoms", "").isBlank()) {
            erreurs.put(cotitNom ? "cotitulaire_prenoms" : "cotitulaire_nom", "Indiquez le nom et les prénoms du cotitulaire, ou aucun des deux.");
        }
        if (!erreurs.isEmpty()) {
            throw new ErreursSaisie(erreurs);
        }
        ResultatEnregistrement r = dossiers.enregistrer(dossierId, usagerId, versionLue, reponses);
        if (r.statut() != ResultatEnregistrement.Statut.ENREGISTRE) {
            throw ErreursSaisie.sur("nom", "Cette demande a été modifiée dans un autre onglet : rechargez la page pour voir la "
                    + "dernière version (rien de ce qui était enregistré n’est perdu).");
        }
        demandes.fixerTaxes(dossierId, taxes(vue.demande().operation(), vue.vehicule(), vue.dossier().codeDepartement(),
                nouvelleCarte(vue.demande().operation(), vue.vehicule())));
    }

    /**
     * Reads a date field (aaaa-mm-jj, as the date input sends it, or jj/mm/aaaa typed without JavaScript), records it,
     * and puts a French message next to the field when it is missing, unreadable, too old or in the future.
     */
    private @Nullable LocalDate date(Map<String, String> saisie, String champ, Map<String, String> erreurs, Map<String, Object> reponses,
                                     LocalDate auPlusTot, String manquante, String future) {
        String texte = saisie.getOrDefault(champ, "").strip();
        reponses.put(champ, texte.length() > 10 ? "" : texte);
        if (texte.isEmpty()) {
            erreurs.put(champ, manquante);
            return null;
        }
        LocalDate date = lireDate(texte);
        if (date == null || date.isBefore(auPlusTot)) {
            erreurs.put(champ, "Cette date n’existe pas ou est mal écrite : indiquez-la au format jj/mm/aaaa, par exemple 14/07/2026.");
            return null;
        }
        if (date.isAfter(LocalDate.now(horloge.withZone(Cessions.PARIS)))) {
            erreurs.put(champ, future);
            return null;
        }
        reponses.put(champ, date.toString());
        return date;
    }

    static @Nullable LocalDate lireDate(String texte) {
        if (texte.length() > 10) {
            return null;
        }
        try {
            return texte.contains("/") ? LocalDate.parse(texte, DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT))
                    : LocalDate.parse(texte);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Whether the operation makes a new card: an address change does only when the card has no room for a fourth label. */
    static boolean nouvelleCarte(Operation operation, Vehicule vehicule) {
        return operation != Operation.CHANGEMENT_ADRESSE || vehicule.etiquettesAdresse() >= Vehicule.ETIQUETTES_MAX;
    }

    BaremeTaxes.Taxes taxes(Operation operation, Vehicule vehicule, String departement, boolean nouvelleCarte) {
        String region = departements.parCode(departement).orElseThrow().region();
        return bareme.calculer(operation, vehicule, region, LocalDate.now(horloge), nouvelleCarte);
    }

    /**
     * Opens an address change or a duplicate for a vehicle the usager holds, prefilled with the register's data. The
     * usager's draft of the same operation on this vehicle (same reason for a duplicate) is taken up again rather than
     * a second one opened (a button clicked twice, a page sent again).
     */
    @Transactional
    public long commencer(long usagerId, String immatriculation, Operation operation, @Nullable String motifDuplicata) {
        Vehicule v = registre.parImmatriculation(immatriculation).filter(x -> x.usagerId() != null && x.usagerId() == usagerId)
                .orElseThrow(VehiculeIntrouvable::new);
        String motif = operation == Operation.DUPLICATA ? (motifDuplicata == null ? "perte" : motifDuplicata) : "";
        Optional<Long> brouillon = demandes.brouillonEnCours(usagerId, v.id(), operation, motif);
        if (brouillon.isPresent()) {
            return brouillon.get();
        }
        Map<String, Object> reponses = new HashMap<>();
        reponses.put("immatriculation", v.immatriculation());
        reponses.put("nom", v.titulaire().nom());
        reponses.put("prenoms", v.titulaire().prenoms());
        if (operation == Operation.DUPLICATA) {
            reponses.put("adresse", v.adresse().ligne());
            reponses.put("code_postal", v.adresse().codePostal());
            reponses.put("commune", v.adresse().commune());
            reponses.put("motif_duplicata", motif);
        }
        long id = dossiers.creerBrouillon(usagerId, v.adresse().codeDepartement(), operation.code(), Operation.FORMULAIRE,
                ProceduresImmatriculation.VERSION_FORMULAIRE, reponses, null, null);
        demandes.creer(id, v.id(), operation, null);
        return id;
    }

    private static Map<String, String> champs() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("nom", "le nom");
        c.put("prenoms", "les prénoms");
        c.put("adresse", "l’adresse (numéro et voie)");
        c.put("code_postal", "le code postal");
        c.put("commune", "la commune");
        c.put("cotitulaire_nom", "le nom du cotitulaire");
        c.put("cotitulaire_prenoms", "les prénoms du cotitulaire");
        return java.util.Collections.unmodifiableMap(c);
    }
}
