package fr.gouv.guichet.permis.internal;

import fr.gouv.guichet.demarche.PiecesDemandees;
import fr.gouv.guichet.demarche.Procedure;
import fr.gouv.guichet.permis.CyclePermis;
import fr.gouv.guichet.permis.DemarchePermis;
import fr.gouv.guichet.permis.FormulairesPermis;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Declares the driving licence procedures already plugged into the platform, with their lifecycle: the loss, on
 * {@link CyclePermis#TITRE}. Its usager pages are not wired yet (issue 12, part B).
 */
@Configuration(proxyBeanMethods = false)
class ProceduresPermis {

    static final String PREFIXE = "PC";

    @Bean
    Procedure procedurePermisPerte(FormulairesPermis formulaires) {
        DemarchePermis perte = DemarchePermis.PERTE;
        return new Procedure("PC_" + perte.name(), perte.libelle(), PREFIXE, perte.formulaire(),
                formulaires.derniereVersion(perte).cerfa(), "PERMIS", CyclePermis.TITRE,
                PiecesDemandees.AUCUNE);
    }
}
