package fr.gouv.guichet.document;

import fr.gouv.guichet.document.DonneesRecepisse.Demandeur;
import fr.gouv.guichet.document.DonneesRecepisse.Service;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DonneesRecepisseTest {

    @Test
    void expose_toutes_les_variables_du_gabarit() {
        Map<String, Object> variables = Exemples.recepisse().variables();

        assertThat(variables).containsKeys("numeroDossier", "libelleDemarche", "dateReception", "heureReception",
                "service", "dateDecisionImplicite", "demandeur", "reponses", "piecesAttendues", "codeVerification",
                "urlVerification", "codeQr");
        assertThat(variables).containsEntry("dateReception", "23 novembre 2026")
                .containsEntry("heureReception", "14 h 05")
                .containsEntry("dateDecisionImplicite", "23 mars 2027");
        assertThat((String) variables.get("codeQr")).startsWith("data:image/png;base64,");
    }

    @Test
    void aucun_champ_ne_peut_manquer() {
        DonneesRecepisse exemple = Exemples.recepisse();

        assertThatThrownBy(() -> new DonneesRecepisse(" ", exemple.libelleDemarche(), exemple.receptionLe(),
                exemple.service(), exemple.decisionImpliciteLe(), exemple.demandeur(), exemple.reponses(),
                exemple.piecesAttendues(), exemple.codeVerification(), exemple.urlVerification(), exemple.tribunal()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Service("Préfecture de l’Aude", "Bureau de la vidéoprotection", List.of(), "04", "a@b.fr"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Demandeur("Nom", List.of("")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DonneesRecepisse(exemple.numeroDossier(), exemple.libelleDemarche(),
                exemple.receptionLe(), exemple.service(), exemple.receptionLe().toLocalDate().minusDays(1),
                exemple.demandeur(), exemple.reponses(), exemple.piecesAttendues(), exemple.codeVerification(),
                exemple.urlVerification(), exemple.tribunal()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DonneesRecepisse(exemple.numeroDossier(), exemple.libelleDemarche(),
                exemple.receptionLe(), exemple.service(), exemple.decisionImpliciteLe(), exemple.demandeur(),
                exemple.reponses(), exemple.piecesAttendues(), exemple.codeVerification(), "javascript:alert(1)",
                exemple.tribunal()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DonneesRecepisse(exemple.numeroDossier(), exemple.libelleDemarche(),
                exemple.receptionLe(), exemple.service(), exemple.decisionImpliciteLe(), exemple.demandeur(),
                exemple.reponses(), exemple.piecesAttendues(), exemple.codeVerification(), exemple.urlVerification(), null))
                .isInstanceOf(NullPointerException.class);
    }
}
