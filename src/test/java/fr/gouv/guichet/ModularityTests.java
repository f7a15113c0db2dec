package fr.gouv.guichet;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
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
    void documentation() throws IOException {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
        trierRelations(Path.of("docs/modules"));
    }

    /** The Documenter writes relations in a changing order: sorted, the diagrams change only when the modules do. */
    private static void trierRelations(Path dossier) throws IOException {
        try (Stream<Path> fichiers = Files.list(dossier)) {
            for (Path f : fichiers.filter(p -> p.toString().endsWith(".puml")).toList()) {
                List<String> lignes = Files.readAllLines(f);
                Iterator<String> triees = lignes.stream().filter(l -> l.startsWith("Rel(")).sorted().iterator();
                Files.write(f, lignes.stream().map(l -> l.startsWith("Rel(") ? triees.next() : l).toList());
            }
        }
    }
}
