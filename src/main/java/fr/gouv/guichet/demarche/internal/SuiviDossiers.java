package fr.gouv.guichet.demarche.internal;

import fr.gouv.guichet.compte.SuiviDossiersUsager;
import fr.gouv.guichet.demarche.StatutUsager;
import fr.gouv.guichet.demarche.Procedures;
import fr.gouv.guichet.demarche.ResumeDossier;
import org.springframework.stereotype.Component;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** "Mon espace": dossiers whose préfecture waits for documents first, then drafts to resume. */
@Component
class SuiviDossiers implements SuiviDossiersUsager {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH'h'mm", Locale.FRANCE)
            .withZone(ZoneId.of("Europe/Paris"));

    private final DossierRepository depot;
    private final Procedures procedures;

    SuiviDossiers(DossierRepository depot, Procedures procedures) {
        this.depot = depot;
        this.procedures = procedures;
    }

    /** One statement, no transaction (ADR 0031): the dossiers awaiting documents first, then the newest drafts. */
    @Override
    public List<ElementASuivre> aReprendre(long usagerId, int nombre) {
        List<ElementASuivre> elements = new ArrayList<>();
        for (ResumeDossier d : depot.aReprendre(usagerId, procedures.codesDesEtats(StatutUsager.A_COMPLETER), nombre)) {
            elements.add(d.etat().estBrouillon()
                    ? new ElementASuivre(procedures.get(d.demarche()).libelle() + " — brouillon du " + DATE.format(d.modifieLe()),
                    "Brouillon non transmis : reprenez-le là où vous l’avez laissé", "/usager/dossiers/" + d.id() + "/pages/1")
                    : new ElementASuivre(procedures.get(d.demarche()).libelle() + " — dossier " + d.numero(),
                    "À compléter : le service qui instruit votre dossier attend des pièces complémentaires", "/usager/dossiers/" + d.id()));
        }
        return elements;
    }
}
