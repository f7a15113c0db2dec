package fr.gouv.guichet.immatriculation.internal;

import fr.gouv.guichet.demarche.Dossier;
import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.demarche.InstructionDossiers;
import fr.gouv.guichet.demarche.Evenements.DossierDepose;
import fr.gouv.guichet.demarche.Evenements.DossierTransitionne;
import fr.gouv.guichet.demarche.TypeActeur;
import fr.gouv.guichet.immatriculation.CycleImmatriculation;
import fr.gouv.guichet.immatriculation.NumeroImmatriculation;
import fr.gouv.guichet.immatriculation.Operation;
import fr.gouv.guichet.immatriculation.RegistreVehicules;
import fr.gouv.guichet.immatriculation.Vehicule;
import fr.gouv.guichet.signalement.NouveauSignal;
import fr.gouv.guichet.signalement.Signaux;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * What happens after the deposit, each step a recorded transition (listeners of the outbox: a crash replays them,
 * each effect is claimed once). The dossier is checked ({@link Vigilance}): a clean case is validated by the system,
 * the others go to the CERT's queue with their reasons. Once validated (by the system or an agent) the register is
 * updated — once — then the card is ordered ({@link SuiviProduction}), or, for an address label, the dossier ends.
 */
@Component
class TraitementAutomatique {

    private final Dossiers dossiers;
    private final InstructionDossiers instruction;
    private final Demandes demandes;
    private final RegistreVehicules registre;
    private final Vigilance vigilance;
    private final AttributionNumeros serie;
    private final SuiviProduction production;
    private final Signaux signaux;

    TraitementAutomatique(Dossiers dossiers, InstructionDossiers instruction, Demandes demandes,
                          RegistreVehicules registre, Vigilance vigilance, AttributionNumeros serie,
                          SuiviProduction production, Signaux signaux) {
        this.signaux = signaux;
        this.dossiers = dossiers;
        this.instruction = instruction;
        this.demandes = demandes;
        this.registre = registre;
        this.vigilance = vigilance;
        this.serie = serie;
        this.production = production;
    }

    @ApplicationModuleListener(condition = Operation.SI_EVENEMENT_D_UNE_OPERATION)
    void depose(DossierDepose e) {
        if (!Operation.estUneOperation(e.demarche())) {
            return;
        }
        controler(e.dossierId());
    }

    @ApplicationModuleListener(condition = Operation.SI_EVENEMENT_D_UNE_OPERATION)
    void transitionne(DossierTransitionne e) {
        if (!Operation.estUneOperation(e.demarche()) || !e.vers().equals(CycleImmatriculation.VALIDE.code())) {
            return;
        }
        executer(e.dossierId());
    }

    void controler(long dossierId) {
        Dossier dossier = instruction.pourInstruction(dossierId).orElseThrow();
        if (!dossier.etat().equals(CycleImmatriculation.DEPOSE)) {
            return;
        }
        Demandes.Demande demande = demandes.parDossier(dossierId).orElseThrow();
        Vehicule vehicule = registre.parId(demande.vehiculeId()).orElseThrow();
        List<Vigilance.Motif> motifs = vigilance.motifs(dossier, demande, vehicule);
        for (Vigilance.Motif m : motifs) {
            if (m.regle() != null) {
                signaux.lever(new NouveauSignal(dossierId, m.regle(), m.objet(), m.texte(),
                        Map.of("Véhicule", vehicule.immatriculation(), "Dossier", String.valueOf(dossier.numero()))));
            }
        }
        if (motifs.isEmpty()) {
            instruction.appliquer(dossierId, CycleImmatriculation.VALIDER_AUTOMATIQUEMENT, TypeActeur.SYSTEME, 0,
                    "situation du véhicule sans gage, opposition ni vol ; identité conforme à la cession ; aucun signal");
        } else {
            String texte = String.join(" ; ", motifs.stream().map(Vigilance.Motif::texte).toList());
            demandes.noterMotifs(dossierId, texte);
            instruction.appliquer(dossierId, CycleImmatriculation.ORIENTER, TypeActeur.SYSTEME, 0, texte);
        }
    }

    void executer(long dossierId) {
        Dossier dossier = instruction.pourInstruction(dossierId).orElseThrow();
        Demandes.Demande demande = demandes.parDossier(dossierId).orElseThrow();
        if (dossiers.marquerEffet("immatriculation-registre:" + dossierId)) {
            mettreAJourRegistre(dossier, demande);
        }
        Vehicule vehicule = registre.parId(demande.vehiculeId()).orElseThrow();
        if (demande.operation() == Operation.CHANGEMENT_ADRESSE && vehicule.etiquettesAdresse() > 0
                && dossier.etat().equals(CycleImmatriculation.VALIDE)) {
            instruction.appliquer(dossierId, CycleImmatriculation.CLORE_SANS_CARTE, TypeActeur.SYSTEME, 0,
                    "étiquette n° " + vehicule.etiquettesAdresse() + " sur " + Vehicule.ETIQUETTES_MAX);
            return;
        }
        production.commander(dossierId);
    }

    private void mettreAJourRegistre(Dossier dossier, Demandes.Demande demande) {
        Vehicule v = registre.parId(demande.vehiculeId()).orElseThrow();
        Vehicule.Adresse adresse = new Vehicule.Adresse(texte(dossier, "adresse"), texte(dossier, "code_postal"), texte(dossier, "commune"),
                dossier.codeDepartement());
        switch (demande.operation()) {
            case CHANGEMENT_TITULAIRE -> {
                @Nullable NumeroImmatriculation nouveau = v.numeroAncienFormat() ? serie.attribuer() : null;
                if (nouveau != null) {
                    demandes.noterNumero(dossier.id(), nouveau.valeur());
                }
                String cotNom = texte(dossier, "cotitulaire_nom");
                List<Vehicule.Titulaire> cotitulaires = cotNom.isBlank() ? List.of()
                        : List.of(new Vehicule.Titulaire(cotNom, texte(dossier, "cotitulaire_prenoms")));
                registre.changerTitulaire(v.id(), dossier.usagerId(), new Vehicule.Titulaire(texte(dossier, "nom"), texte(dossier, "prenoms")),
                        cotitulaires, adresse, nouveau, dossier.id());
            }
            case CHANGEMENT_ADRESSE -> registre.changerAdresse(v.id(), adresse, v.etiquettesAdresse() < Vehicule.ETIQUETTES_MAX, dossier.id());
            case DUPLICATA -> registre.enregistrerOperation(v.id(), "DUPLICATA", "Duplicata du certificat (motif : "
                    + texte(dossier, "motif_duplicata") + ")", dossier.id(), dossier.usagerId());
        }
    }

    private static String texte(Dossier dossier, String champ) {
        Object v = dossier.reponses().get(champ);
        return v == null ? "" : v.toString();
    }
}
