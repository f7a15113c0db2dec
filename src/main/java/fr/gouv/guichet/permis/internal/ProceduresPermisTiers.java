package fr.gouv.guichet.permis.internal;

import fr.gouv.guichet.demarche.PiecesDemandees;
import fr.gouv.guichet.demarche.Procedure;
import fr.gouv.guichet.permis.CyclePermis;
import fr.gouv.guichet.permis.DemarchePermis;
import fr.gouv.guichet.permis.FormulairesPermis;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The licence procedures a driving school files for its pupils (seed 004: registration and title after the exam), on
 * the licence title lifecycle, declared like {@link ProceduresPermis} declares the loss. FUSION: when the branch of the
 * usager pages of the licence declares every procedure of {@link DemarchePermis}, this class goes (same codes).
 */
@Configuration(proxyBeanMethods = false)
class ProceduresPermisTiers {

    @Bean
    Procedure procedurePermisTitreApresExamen(FormulairesPermis formulaires) {
        return procedure(DemarchePermis.TITRE_APRES_EXAMEN, formulaires);
    }

    @Bean
    Procedure procedurePermisInscription(FormulairesPermis formulaires) {
        return procedure(DemarchePermis.INSCRIPTION, formulaires);
    }

    private static Procedure procedure(DemarchePermis demarche, FormulairesPermis formulaires) {
        return new Procedure("PC_" + demarche.name(), demarche.libelle(), ProceduresPermis.PREFIXE, demarche.formulaire(),
                formulaires.derniereVersion(demarche).cerfa(), "PERMIS", CyclePermis.TITRE, PiecesDemandees.AUCUNE);
    }
}
