package fr.gouv.guichet.demarche.web;

import fr.gouv.guichet.demarche.Dossier;
import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.demarche.EtatsCommuns;
import fr.gouv.guichet.demarche.Procedure;
import fr.gouv.guichet.demarche.Procedures;
import fr.gouv.guichet.demarche.ResumeDossier;
import fr.gouv.guichet.formulaire.CatalogueFormulaires;
import fr.gouv.guichet.formulaire.ContexteValidation;
import fr.gouv.guichet.formulaire.DefinitionFormulaire;
import fr.gouv.guichet.formulaire.ErreurChamp;
import fr.gouv.guichet.formulaire.MoteurValidation;
import fr.gouv.guichet.formulaire.Reponses;
import fr.gouv.guichet.socle.Prechauffage;
import fr.gouv.guichet.socle.RenduEnMemoire;
import org.springframework.stereotype.Component;
import org.springframework.ui.ExtendedModelMap;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The usager's pages warmed at start-up without an account (ADR 0033): « Mes dossiers » (its two read-only queries
 * on a usager id no account has, then the page rendered with example lines), and for every procedure with a form, each
 * screen of its form (empty, then with the errors of an empty screen), the whole-form validation and the recap page,
 * on an example draft built in memory (never stored, id -1). The controllers' own model code builds the models.
 */
@Component
class PrechauffageEcransUsager implements Prechauffage {

    /** No account has this id (identity column, from 1): the queries find nothing. */
    static final long USAGER_FICTIF = -1;

    private final MesDossiersController mesDossiers;
    private final FormulaireDossierController formulaires;
    private final Dossiers dossiers;
    private final Procedures procedures;
    private final CatalogueFormulaires catalogue;
    private final MoteurValidation moteur;
    private final RenduEnMemoire rendu;
    private final Clock horloge;

    PrechauffageEcransUsager(MesDossiersController mesDossiers, FormulaireDossierController formulaires, Dossiers dossiers,
                             Procedures procedures, CatalogueFormulaires catalogue, MoteurValidation moteur,
                             RenduEnMemoire rendu, Clock horloge) {
        this.mesDossiers = mesDossiers;
        this.formulaires = formulaires;
        this.dossiers = dossiers;
        this.procedures = procedures;
        this.catalogue = catalogue;
        this.moteur = moteur;
        this.rendu = rendu;
        this.horloge = horloge;
    }

    @Override
    public String nom() {
        return "pages de l’usager (Mes dossiers, écrans de formulaire, validation ; en mémoire)";
    }

    @Override
    public void prechauffer() throws Exception {
        mesDossiers();
        java.util.Set<String> rendus = new java.util.HashSet<>();
        for (Procedure procedure : procedures.toutes()) {
            // Procedures sharing a form (a CERFA for several démarches) share its templates' work: once per form.
            if (catalogue.identifiants().contains(procedure.formulaireId()) && rendus.add(procedure.formulaireId())) {
                formulaire(procedure, catalogue.derniereVersion(procedure.formulaireId()));
            }
        }
    }

    private void mesDossiers() throws Exception {
        ExtendedModelMap modele = new ExtendedModelMap();
        String vue = mesDossiers.lister(USAGER_FICTIF, 1, modele);
        if (dossiers.deLUsager(USAGER_FICTIF, USAGER_FICTIF).isPresent()) {
            throw new IllegalStateException("Le préchauffage a trouvé un dossier à l’usager fictif");
        }
        List<ResumeDossier> exemples = new ArrayList<>();
        for (Procedure p : procedures.toutes()) {
            exemples.add(new ResumeDossier(USAGER_FICTIF, null, "83", p.code(), EtatsCommuns.brouillon(), Instant.now(horloge), null));
            exemples.add(new ResumeDossier(USAGER_FICTIF, "EX-2026-000001", "83", p.code(), EtatsCommuns.depose("Déposé"),
                    Instant.now(horloge), "Service d’exemple"));
        }
        modele.addAttribute("brouillons", mesDossiers.lignes(exemples.stream().filter(ResumeDossier::estBrouillon).toList()));
        modele.addAttribute("deposes", mesDossiers.lignes(exemples.stream().filter(r -> !r.estBrouillon()).toList()));
        modele.addAttribute("totalDeposes", (long) exemples.size());
        rendu.rendre(vue, "/usager/dossiers", modele);
    }

    private void formulaire(Procedure procedure, DefinitionFormulaire definition) throws Exception {
        Instant maintenant = Instant.now(horloge);
        Dossier exemple = new Dossier(USAGER_FICTIF, null, USAGER_FICTIF, "83", procedure.code(), definition.id(), definition.version(),
                Map.of(), EtatsCommuns.brouillon(), null, null, false, maintenant, maintenant, null, 1, null, 0);
        Reponses vides = Reponses.vide();
        ContexteValidation contexte = new ContexteValidation("83", LocalDate.now(horloge));
        for (int numero = 1; numero <= definition.pages().size(); numero++) {
            List<ErreurChamp> erreurs = moteur.validerPage(definition, definition.pages().get(numero - 1).id(), vides, contexte);
            for (List<ErreurChamp> affichees : List.of(List.<ErreurChamp>of(), erreurs)) {
                ExtendedModelMap modele = new ExtendedModelMap();
                String vue = formulaires.vue(modele, exemple, definition, numero, vides, affichees, 1);
                rendu.rendre(vue, "/usager/dossiers/" + exemple.id() + "/pages/" + numero, modele);
            }
        }
        moteur.validerTout(definition, vides, contexte);
        ExtendedModelMap modele = new ExtendedModelMap();
        String vue = ValidationDossierController.recapitulatif(modele, exemple, procedure, definition, vides, UUID.randomUUID());
        rendu.rendre(vue, "/usager/dossiers/" + exemple.id() + "/validation", modele);
    }
}
