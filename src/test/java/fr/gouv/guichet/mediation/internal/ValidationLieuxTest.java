package fr.gouv.guichet.mediation.internal;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class ValidationLieuxTest {

    static final String ENTETE = "id,pivot,nom,commune,code_postal,code_insee,adresse,complement_adresse,latitude,longitude,"
            + "typologie,telephone,courriels,site_web,horaires,presentation_resume,presentation_detail,source,itinerance,"
            + "structure_parente,date_maj,services,prise_en_charge_specifique,fiche_acces_libre\n";

    static String ligne(String id, String codePostal, String horaires) {
        return id + ",00000000000000,Espace numérique " + id + ",Hyères," + codePostal + ",83069,\"Place de la République, mairie\",,"
                + "43.1204,6.1286,MUNI,+33 4 94 00 00 00,accueil@mairie.example|contact@mairie.example,https://www.exemple.fr,\""
                + horaires + "\",Résumé,\"Détail avec \"\"guillemets\"\"\nsur deux lignes\",Mairie,,,2026-11-30,"
                + "Aide aux démarches administratives|Accès internet et matériel informatique,Surdité|Handicaps moteurs,"
                + "https://acceslibre.beta.gouv.fr/app/exemple/\n";
    }

    @Test
    void fichierValide_chaqueChampDuSchemaLu() {
        ValidationLieux.Resultat r = ValidationLieux.valider("\uFEFF" + ENTETE + ligne("a-1", "83400", "Mo-Fr 09:00-12:00; PH off"));
        assertThat(r.erreurs()).isEmpty();
        Lieu l = r.lieux().getFirst();
        assertThat(l.id()).isEqualTo("a-1");
        assertThat(l.adresse()).isEqualTo("Place de la République, mairie");
        assertThat(l.presentationDetail()).isEqualTo("Détail avec \"guillemets\"\nsur deux lignes");
        assertThat(l.courriels()).containsExactly("accueil@mairie.example", "contact@mairie.example");
        assertThat(l.services()).containsExactly("Aide aux démarches administratives", "Accès internet et matériel informatique");
        assertThat(l.priseEnChargeSpecifique()).containsExactly("Surdité", "Handicaps moteurs");
        assertThat(l.dateMaj()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(l.latitude()).isEqualTo(43.1204);
        assertThat(l.complementAdresse()).isNull();
    }

    @Test
    void lignesInvalides_numeroDeLigneReelEtMotif_rienDeRetenu() {
        String csv = ENTETE
                + ligne("a-1", "83400", "Mo-Fr 09:00-12:00")       // lignes 2-3 (détail sur deux lignes)
                + ligne("a-2", "8340", "Mo-Fr 09:00-12:00")        // lignes 4-5
                + ligne("a-3", "83400", "Lu-Ve 9h-12h")            // lignes 6-7
                + ligne("a-1", "83400", "Mo-Fr 09:00-12:00");      // lignes 8-9 : doublon
        ValidationLieux.Resultat r = ValidationLieux.valider(csv);
        assertThat(r.lieux()).isEmpty();
        assertThat(r.erreurs()).extracting(RapportImport.Erreur::ligne).containsExactly(4, 6, 8);
        assertThat(r.erreurs().get(0).motif()).contains("code_postal").contains("8340");
        assertThat(r.erreurs().get(1).motif()).startsWith("horaires : jour « Lu » non reconnu");
        assertThat(r.erreurs().get(2).motif()).contains("déjà présent");
        assertThat(r.erreurs().get(0).libelle()).startsWith("Ligne 4 : ");
    }

    @Test
    void plusieursMotifsSurUneLigne_tousRapportes() {
        String csv = ENTETE + "x,,,Toulon,83000,2C123,,,91,abc,,0494,pas-un-courriel,ftp://x,,,,,,,30/11/2026,Cuisine,,\n";
        ValidationLieux.Resultat r = ValidationLieux.valider(csv);
        String motif = r.erreurs().getFirst().motif();
        assertThat(motif).contains("nom : obligatoire", "adresse : obligatoire", "code_insee", "latitude", "longitude",
                "telephone", "courriels", "site_web", "date_maj", "« Cuisine » n’est pas une valeur du schéma");
    }

    @Test
    void enteteSansColonneObligatoire_ouNombreDeColonnesFaux() {
        assertThat(ValidationLieux.valider("id,nom\nx,y\n").erreurs().getFirst().motif())
                .contains("commune", "code_postal", "adresse", "latitude", "longitude", "services");
        ValidationLieux.Resultat r = ValidationLieux.valider(ENTETE + "a,b,c\n");
        assertThat(r.erreurs().getFirst().motif()).isEqualTo("3 colonnes au lieu de 24");
        assertThat(r.erreurs().getFirst().ligne()).isEqualTo(2);
    }

    @Test
    void longueursBornees() {
        String nomLong = "N".repeat(251);
        String csv = ENTETE + ligne("a-1", "83400", "Mo 09:00-12:00").replace("Espace numérique a-1", nomLong);
        assertThat(ValidationLieux.valider(csv).erreurs().getFirst().motif()).contains("nom : 250 caractères au plus (251 reçus)");
        String champEnorme = ENTETE + "\"" + "x".repeat(ValidationLieux.CHAMP_MAX + 1) + "\"\n";
        assertThat(ValidationLieux.valider(champEnorme).erreurs().getFirst().motif()).contains("2000 caractères");
        String idLong = ENTETE + ligne("i".repeat(101), "83400", "Mo 09:00-12:00");
        assertThat(ValidationLieux.valider(idLong).erreurs().getFirst().motif()).contains("id : 100 caractères au plus");
    }

    @Test
    void csvMalForme_guillemetNonFerme_etFichierVide() {
        assertThat(ValidationLieux.valider(ENTETE + "\"a,b\n").erreurs().getFirst())
                .isEqualTo(new RapportImport.Erreur(2, "guillemet ouvert jamais fermé"));
        assertThat(ValidationLieux.valider("").erreurs().getFirst().motif()).isEqualTo("Le fichier est vide.");
        assertThat(ValidationLieux.valider(ENTETE + "a\"b,c\n").erreurs().getFirst().motif()).contains("guillemet au milieu");
    }

    @Test
    void finsDeLigneWindows_etLignesVidesIgnorees() {
        String csv = (ENTETE + ligne("a-1", "83400", "Mo 09:00-12:00")).replace("\n", "\r\n") + "\r\n\r\n";
        ValidationLieux.Resultat r = ValidationLieux.valider(csv);
        assertThat(r.erreurs()).isEmpty();
        assertThat(r.lieux()).hasSize(1);
        assertThat(r.lieux().getFirst().presentationDetail()).isEqualTo("Détail avec \"guillemets\"\r\nsur deux lignes");
    }

    @Test
    void donneesExempleDuVar_valides() throws Exception {
        byte[] csv = new org.springframework.core.io.ClassPathResource("mediation/lieux-var.csv").getContentAsByteArray();
        ValidationLieux.Resultat r = ValidationLieux.valider(new String(csv, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(r.erreurs()).isEmpty();
        assertThat(r.lieux()).extracting(Lieu::commune).containsExactly("Toulon", "Draguignan");
    }
}
