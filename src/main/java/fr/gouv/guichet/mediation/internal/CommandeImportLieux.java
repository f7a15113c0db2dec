package fr.gouv.guichet.mediation.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The import command: started with {@code --guichet.mediation.importer=/chemin/lieux.csv}, Guichet imports the file
 * into its database (all or nothing), prints the report and stops with status 0 (imported) or 1 (refused).
 */
@Component
class CommandeImportLieux implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CommandeImportLieux.class);

    private final ImportLieux importLieux;
    private final ConfigurableApplicationContext contexte;
    private final String fichier;

    CommandeImportLieux(ImportLieux importLieux, ConfigurableApplicationContext contexte,
                        @Value("${guichet.mediation.importer:}") String fichier) {
        this.importLieux = importLieux;
        this.contexte = contexte;
        this.fichier = fichier;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        if (fichier.isBlank()) {
            return;
        }
        int statut = executer(Path.of(fichier)).reussi() ? 0 : 1;
        System.exit(SpringApplication.exit(contexte, () -> statut));
    }

    RapportImport executer(Path chemin) {
        RapportImport rapport;
        try (InputStream entree = Files.newInputStream(chemin)) {
            byte[] contenu = entree.readNBytes(ImportLieux.TAILLE_MAX + 1);
            rapport = importLieux.importer(contenu);
        } catch (IOException e) {
            rapport = RapportImport.refuse(java.util.List.of(new RapportImport.Erreur(0, "Fichier illisible : " + chemin)));
        }
        if (rapport.reussi()) {
            log.info("Import des lieux de médiation numérique : {} lieux importés depuis {}", rapport.importes(), chemin);
        } else {
            log.error("Import des lieux de médiation numérique refusé, rien n’a été importé :");
            rapport.erreurs().forEach(e -> log.error("  {}", e.libelle()));
        }
        return rapport;
    }
}
