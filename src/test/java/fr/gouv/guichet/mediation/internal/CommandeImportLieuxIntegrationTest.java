package fr.gouv.guichet.mediation.internal;

import fr.gouv.guichet.support.TestGuichet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The import command's work (the exit itself was measured with spring-boot:run, see the README). */
@TestGuichet
class CommandeImportLieuxIntegrationTest {

    @Autowired
    CommandeImportLieux commande;
    @Autowired
    RechercheLieux recherche;

    @Test
    void fichierRefusePuisImporte_fichierAbsentSignale() throws Exception {
        String id = "cmd-" + UUID.randomUUID().toString().substring(0, 8);
        String csv = "id,nom,commune,code_postal,adresse,latitude,longitude,services\n"
                + id + ",Espace numérique de Bandol,Bandol,8315,Mairie,43.1365,5.7530,Aide aux démarches administratives\n";
        Path fichier = Files.createTempFile("lieux", ".csv");
        try {
            Files.writeString(fichier, csv, StandardCharsets.UTF_8);
            RapportImport refuse = commande.executer(fichier);
            assertThat(refuse.erreurs()).extracting(RapportImport.Erreur::libelle)
                    .containsExactly("Ligne 2 : code_postal : « 8315 » invalide (cinq chiffres)");
            assertThat(recherche.lieu(id)).isEmpty();

            Files.writeString(fichier, csv.replace(",8315,", ",83150,"), StandardCharsets.UTF_8);
            assertThat(commande.executer(fichier).importes()).isEqualTo(1);
            assertThat(recherche.lieu(id)).isPresent();
        } finally {
            Files.deleteIfExists(fichier);
        }
        assertThat(commande.executer(Path.of("/nexiste/pas.csv")).erreurs().getFirst().motif()).startsWith("Fichier illisible");
    }
}
