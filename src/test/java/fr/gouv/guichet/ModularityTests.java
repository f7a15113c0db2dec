package fr.gouv.guichet;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Verifies the feature boundaries (no cycles, no use of another feature's internals) and documents them. */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(GuichetApplication.class);

    @Test
    void frontieresDesModules() {
        MODULES.verify();
    }

    @Test
    void documentation() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
    }
}
