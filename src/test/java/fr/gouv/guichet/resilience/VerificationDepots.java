package fr.gouv.guichet.resilience;

import fr.gouv.guichet.resilience.ClientUsager.Depot;
import fr.gouv.guichet.resilience.ClientUsager.Envoi;
import fr.gouv.guichet.resilience.Infrastructure.Postgres;
import fr.gouv.guichet.support.DossiersDeTest;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** After the crash test: what usagers were shown and what they uploaded is in the database and the file store, once. */
final class VerificationDepots {

    private VerificationDepots() {
    }

    /** Every number shown exists once, on the dossier it was shown for, deposited, with every answer sent. */
    static void verifierDepots(Postgres postgres, List<Depot> vus) throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        Map<String, Object> attendues = DossiersDeTest.reponsesValides();
        assertThat(vus.stream().map(Depot::numero).distinct().count()).as("numéros vus distincts").isEqualTo(vus.size());
        assertThat(vus.stream().map(Depot::dossierId).distinct().count()).as("dossiers vus distincts").isEqualTo(vus.size());
        try (Connection c = postgres.connexion()) {
            for (Depot vu : vus) {
                try (PreparedStatement s = c.prepareStatement("""
                        select d.id, d.etat, d.reponses::text, d.cle_validation::text, u.email,
                               (select count(*) from dossier_transition t where t.dossier_id = d.id and t.vers = 'DEPOSE')
                        from dossier d join usager u on u.id = d.usager_id where d.numero = ?""")) {
                    s.setString(1, vu.numero());
                    try (ResultSet rs = s.executeQuery()) {
                        assertThat(rs.next()).as("dossier %s en base", vu.numero()).isTrue();
                        assertThat(rs.getLong(1)).isEqualTo(vu.dossierId());
                        assertThat(rs.getString(2)).as("état de %s", vu.numero()).isNotEqualTo("BROUILLON");
                        @SuppressWarnings("unchecked")
                        Map<String, Object> reponses = json.readValue(rs.getString(3), Map.class);
                        attendues.forEach((champ, valeur) -> assertThat(String.valueOf(reponses.get(champ)))
                                .as("réponse %s du dossier %s", champ, vu.numero()).isEqualTo(String.valueOf(valeur)));
                        assertThat(rs.getString(4)).as("clé d’idempotence de %s", vu.numero()).isEqualTo(vu.cle());
                        assertThat(rs.getString(5)).isEqualTo(vu.email());
                        assertThat(rs.getInt(6)).as("transitions DEPOSE de %s", vu.numero()).isEqualTo(1);
                        assertThat(rs.next()).as("numéro %s deux fois", vu.numero()).isFalse();
                    }
                }
            }
            assertThat(entiers(c, "select count(*) from (select numero from dossier where numero is not null group by numero having count(*) > 1) x"))
                    .as("numéros en double").isZero();
            assertThat(entiers(c, """
                    select count(*) from dossier d where d.etat <> 'BROUILLON' and (d.numero is null
                      or (select count(*) from dossier_transition t where t.dossier_id = d.id and t.vers = 'DEPOSE') <> 1)"""))
                    .as("dossiers déposés sans numéro ou sans exactement une transition DEPOSE").isZero();
        }
    }

    /** Confirmed uploads are recorded once with their SHA-256; every recorded file is stored and hashes to it. */
    static void verifierFichiers(Postgres postgres, Path racine, List<Envoi> envois) throws Exception {
        Path stockage = racine.resolve("fichiers");
        Map<String, Path> stockes = new HashMap<>();
        try (Stream<Path> fichiers = Files.walk(stockage)) {
            fichiers.filter(Files::isRegularFile).forEach(p -> stockes.put(p.getFileName().toString(), p));
        }
        try (Connection c = postgres.connexion()) {
            for (Envoi envoi : List.copyOf(envois)) {
                try (PreparedStatement s = c.prepareStatement(
                        "select count(*) from piece_jointe where dossier_id = ? and sha256 = ? and nom = ?")) {
                    s.setLong(1, envoi.dossierId());
                    s.setString(2, envoi.sha256());
                    s.setString(3, envoi.nom());
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        if (envoi.confirme()) {
                            assertThat(rs.getInt(1)).as("pièce confirmée %s", envoi.nom()).isEqualTo(1);
                        } else {
                            assertThat(rs.getInt(1)).as("pièce non confirmée %s", envoi.nom()).isLessThanOrEqualTo(1);
                        }
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("select sha256, cle_stockage, taille from piece_jointe");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Path fichier = stockes.get(rs.getString(2));
                    assertThat(fichier).as("fichier stocké %s", rs.getString(2)).isNotNull();
                    assertThat(Files.size(fichier)).isEqualTo(rs.getLong(3));
                    assertThat(sha256(fichier)).as("SHA-256 du fichier %s", rs.getString(2)).isEqualTo(rs.getString(1));
                }
            }
        }
    }

    static int entiers(Connection c, String sql) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    static String sha256(Path fichier) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(Files.newInputStream(fichier), md)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(md.digest());
    }

}
