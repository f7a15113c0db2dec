package fr.gouv.guichet.immatriculation.internal;

import fr.gouv.guichet.demarche.Procedure;
import fr.gouv.guichet.immatriculation.CycleImmatriculation;
import fr.gouv.guichet.immatriculation.Operation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Declares the registration operations as procedures of the platform, on {@link CycleImmatriculation#CYCLE}. */
@Configuration(proxyBeanMethods = false)
class ProceduresImmatriculation {

    static final String VERSION_FORMULAIRE = "1";

    @Bean
    Procedure procedureChangementTitulaire() {
        return procedure(Operation.CHANGEMENT_TITULAIRE);
    }

    @Bean
    Procedure procedureChangementAdresse() {
        return procedure(Operation.CHANGEMENT_ADRESSE);
    }

    @Bean
    Procedure procedureDuplicata() {
        return procedure(Operation.DUPLICATA);
    }

    private static Procedure procedure(Operation operation) {
        return new Procedure(operation.code(), operation.libelle(), Operation.PREFIXE_NUMERO, Operation.FORMULAIRE,
                "sans objet (téléprocédure)", Operation.FAMILLE, CycleImmatriculation.CYCLE,
                (definition, reponses) -> PiecesDemande.attendues(operation, reponses.valeurs()));
    }
}
