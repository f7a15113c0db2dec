package fr.gouv.guichet.referentiel;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which dated row of the competence table applies: validity dates, reorganisations, corrections. */
class RegleCompetenceTest {

    static Competence ligne(long id, String famille, String dep, String service, String du, String au) {
        return new Competence(id, famille, dep, service, LocalDate.parse(du), au == null ? null : LocalDate.parse(au), "test", Instant.EPOCH);
    }

    static String service(List<Competence> lignes, String famille, String dep, String date) {
        return RegleCompetence.applicable(lignes, famille, dep, LocalDate.parse(date)).map(Competence::service).orElse("aucun");
    }

    @Test
    void avantLaPremiereLigne_aucunService_apresElle_leServiceDeLaLigne() {
        List<Competence> lignes = List.of(ligne(1, "PERMIS", "83", "cert-permis-bordeaux", "2017-11-06", null));
        assertThat(service(lignes, "PERMIS", "83", "2017-11-05")).isEqualTo("aucun");
        assertThat(service(lignes, "PERMIS", "83", "2017-11-06")).isEqualTo("cert-permis-bordeaux");
        assertThat(service(lignes, "PERMIS", "83", "2030-01-01")).isEqualTo("cert-permis-bordeaux");
    }

    @Test
    void uneReorganisation_estUneNouvelleLigne_quiSAppliqueAPartirDeSaDate_sansEffacerLAncienne() {
        List<Competence> lignes = List.of(
                ligne(1, "PERMIS", "83", "cert-permis-bordeaux", "2017-11-06", null),
                ligne(2, "PERMIS", "83", "cert-permis-marseille", "2027-03-01", null));
        assertThat(service(lignes, "PERMIS", "83", "2027-02-28")).isEqualTo("cert-permis-bordeaux");
        assertThat(service(lignes, "PERMIS", "83", "2027-03-01")).isEqualTo("cert-permis-marseille");
        // Saisie dans le désordre : c'est la date d'effet qui compte, pas l'ordre de saisie.
        List<Competence> desordre = List.of(lignes.get(1), ligne(3, "PERMIS", "83", "cert-permis-lyon", "2020-01-01", null), lignes.get(0));
        assertThat(service(desordre, "PERMIS", "83", "2019-12-31")).isEqualTo("cert-permis-bordeaux");
        assertThat(service(desordre, "PERMIS", "83", "2021-06-01")).isEqualTo("cert-permis-lyon");
        assertThat(service(desordre, "PERMIS", "83", "2028-01-01")).isEqualTo("cert-permis-marseille");
    }

    @Test
    void uneLigneBornee_cesseASaDateDeFin_exclue_etLaLignePrecedenteReprend() {
        List<Competence> lignes = List.of(
                ligne(1, "IMMATRICULATION", "83", "cert-immatriculation-nimes", "2017-11-06", null),
                ligne(2, "IMMATRICULATION", "83", "cert-renfort", "2026-12-01", "2027-01-01"));
        assertThat(service(lignes, "IMMATRICULATION", "83", "2026-12-31")).isEqualTo("cert-renfort");
        assertThat(service(lignes, "IMMATRICULATION", "83", "2027-01-01")).isEqualTo("cert-immatriculation-nimes");
    }

    @Test
    void aMemeDateDEffet_laDerniereSaisieLEmporte_correction() {
        List<Competence> lignes = List.of(
                ligne(7, "IDENTITE", "83", "cert-identite-marseille", "2017-11-06", null),
                ligne(9, "IDENTITE", "83", "cert-identite-nice", "2017-11-06", null));
        assertThat(service(lignes, "IDENTITE", "83", "2020-01-01")).isEqualTo("cert-identite-nice");
    }

    @Test
    void laFamilleEtLeDepartement_separentLesRegles() {
        List<Competence> lignes = List.of(
                ligne(1, "PERMIS", "83", "cert-permis-bordeaux", "2017-11-06", null),
                ligne(2, "IMMATRICULATION", "83", "cert-immatriculation-nimes", "2017-11-06", null),
                ligne(3, "VIDEOPROTECTION", "75", "75", "2000-01-01", null));
        assertThat(service(lignes, "IMMATRICULATION", "83", "2020-01-01")).isEqualTo("cert-immatriculation-nimes");
        assertThat(service(lignes, "PERMIS", "13", "2020-01-01")).isEqualTo("aucun");
        assertThat(service(lignes, "VIDEOPROTECTION", "75", "2020-01-01")).isEqualTo("75");
    }

    @Test
    void lesCoordonneesVidesOuGeneriques_sontIncompletes_etDisentPourquoi() {
        ServiceInstructeur.Coordonnees generiques = new ServiceInstructeur.Coordonnees("Préfecture du Var\nToulon",
                "standard de la préfecture du Var", "videoprotection@interieur.gouv.fr", "", "", "", "", "");
        assertThat(ValidationCoordonnees.erreurs(generiques)).containsOnlyKeys("adresse", "telephone", "horaires", "signatairePrenom",
                "signataireNom", "signataireQualite", "referenceDelegation");
        ServiceInstructeur.Coordonnees completes = new ServiceInstructeur.Coordonnees("Préfecture du Var\nBoulevard du 112e RI\n83070 Toulon Cedex",
                "04 94 18 83 83", "pref-videoprotection@var.gouv.fr", "Du lundi au vendredi, de 9 h à 16 h", "Camille", "Martin",
                "Le secrétaire général de la préfecture", "n° 2026-DS-014 du 2 janvier 2026");
        assertThat(ValidationCoordonnees.erreurs(completes)).isEmpty();
        ServiceInstructeur.Coordonnees tropLongues = new ServiceInstructeur.Coordonnees("a".repeat(401), "04 94 18 83 83",
                "x@y.fr", "h".repeat(301), "Camille", "Martin", "Q", "R");
        assertThat(ValidationCoordonnees.erreurs(tropLongues)).containsKeys("adresse", "horaires");
        assertThat(ValidationCoordonnees.erreurs(tropLongues).get("adresse")).contains("400 caractères");
    }
}
