package fr.gouv.guichet.instruction;

import fr.gouv.guichet.instruction.internal.TableauDeBord;
import fr.gouv.guichet.support.TestGuichet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's decisions come from each procedure's lifecycle, not from videoprotection's state names: a CERT that
 * validates and refuses driving licence titles has decisions too, and a title's production and shipping, which follow
 * its validation, are not counted again. A dossier in a tab of its own lifecycle counts in the undecided backlog.
 */
@TestGuichet
@Transactional
class TableauDeBordDecisionsIntegrationTest {

    static final String SERVICE = "cert-permis-bordeaux";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TableauDeBord tableau;

    @Test
    void lesDecisionsDUnCertSontSesValidationsEtSesRefus_pasLaProductionNiLExpedition() {
        // Other tests leave dossiers of this CERT in the shared database: what this one adds is counted.
        LocalDate aujourdhui = LocalDate.now(ZoneOffset.UTC);
        int decisionsAvant = decisions(aujourdhui);
        int decidesAvant = tableau.delaisDecision(SERVICE).decides();
        int stockAvant = stock();
        long valide = dossier("PC_PERTE", "EXPEDIE", 10);
        transitions(valide, "DEPOSE>EN_INSTRUCTION", "EN_INSTRUCTION>VALIDE", "VALIDE>EN_PRODUCTION", "EN_PRODUCTION>EXPEDIE");
        long refuse = dossier("PC_PERTE", "REFUSE", 4);
        transitions(refuse, "DEPOSE>REFUSE");
        long enCours = dossier("PC_PERTE", "EN_INSTRUCTION", 2);
        transitions(enCours, "DEPOSE>EN_INSTRUCTION");
        // A videoprotection dossier of the same service, authorized: its own lifecycle says AUTORISE is a decision.
        long autorise = dossier("VP_AUTORISATION", "AUTORISE", 6);
        transitions(autorise, "DEPOSE>EN_INSTRUCTION", "EN_INSTRUCTION>AUTORISE");

        assertThat(decisions(aujourdhui) - decisionsAvant).as("validation, refus et autorisation ; ni production ni expédition")
                .isEqualTo(3);
        assertThat(tableau.delaisDecision(SERVICE).decides() - decidesAvant).isEqualTo(3);
        assertThat(stock() - stockAvant).as("seul le dossier en instruction est en stock").isEqualTo(1);
    }

    private int decisions(LocalDate aujourdhui) {
        return tableau.parMois(SERVICE, aujourdhui).stream().mapToInt(TableauDeBord.Mois::decisions).sum();
    }

    private int stock() {
        return tableau.stockParAnciennete(SERVICE).values().stream().mapToInt(Integer::intValue).sum();
    }

    private long dossier(String demarche, String etat, int joursDepuisDepot) {
        String formulaire = demarche.startsWith("VP") ? "cerfa-13806" : "permis-perte";
        String version = demarche.startsWith("VP") ? "04" : "1";
        return jdbc.sql("""
                        insert into dossier (numero, code_departement, service, demarche, formulaire_id, formulaire_version, reponses, etat,
                                             cree_le, modifie_le, depose_le, version)
                        values ('TDB-' || nextval('dossier_id_seq'), '33', ?, ?, ?, ?, '{}'::jsonb, ?, now() - make_interval(days => ?),
                                now(), now() - make_interval(days => ?), 1)
                        returning id""")
                .params(SERVICE, demarche, formulaire, version, etat, joursDepuisDepot, joursDepuisDepot).query(Long.class).single();
    }

    private void transitions(long dossier, String... pas) {
        for (String pasDeCycle : pas) {
            String[] p = pasDeCycle.split(">");
            jdbc.sql("insert into dossier_transition (dossier_id, de, vers, acteur_type, moment) values (?, ?, ?, 'AGENT', now())")
                    .params(dossier, p[0], p[1]).update();
        }
    }
}
