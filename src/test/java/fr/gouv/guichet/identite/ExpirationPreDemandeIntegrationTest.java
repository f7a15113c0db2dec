package fr.gouv.guichet.identite;

import com.icegreen.greenmail.util.GreenMail;
import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.identite.internal.Agenda;
import fr.gouv.guichet.identite.internal.ExpirationPreDemandes;
import fr.gouv.guichet.identite.internal.Mairies;
import fr.gouv.guichet.identite.internal.PreDemandes;
import fr.gouv.guichet.identite.internal.Reservations;
import fr.gouv.guichet.support.BoiteCourriels;
import fr.gouv.guichet.support.ComptesDeTest;
import fr.gouv.guichet.support.ConnexionsHttp;
import fr.gouv.guichet.support.TestGuichet;
import fr.gouv.guichet.timbre.NumeroTimbre;
import fr.gouv.guichet.timbre.PaiementsTimbres;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 14, point 1: a pré-demande is valid one year. Past it, the system task records the lifecycle's "expired"
 * transition (seen in "Mes dossiers", on the summary and by e-mail), gives the timbre reserved online back (another
 * pré-demande can then use it), and cancels the future appointment (its place returns to the search). The validity is
 * antedated in SQL, as the other tests of the project move time.
 */
@TestGuichet
class ExpirationPreDemandeIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encodeur;
    @Autowired
    Dossiers dossiers;
    @Autowired
    PreDemandes preDemandes;
    @Autowired
    Mairies mairies;
    @Autowired
    Agenda agenda;
    @Autowired
    Reservations reservations;
    @Autowired
    PaiementsTimbres paiements;
    @Autowired
    ExpirationPreDemandes expiration;
    @Autowired
    GreenMail greenMail;

    @Test
    void preDemandeDePlusDUnAn_expiree_timbreLibere_rendezVousAnnuleEtPlaceRendue() throws Exception {
        ComptesDeTest.Compte usager = new ComptesDeTest(jdbc, encodeur).usager("83");
        Cookie session = ConnexionsHttp.usager(mvc, usager);
        PreDemandesDeTest aide = new PreDemandesDeTest(dossiers, preDemandes, mairies);
        PreDemande pd = aide.deposer(usager.id(), PreDemandesDeTest.reponsesMajeur());
        PreDemande encoreValable = aide.deposer(usager.id(), PreDemandesDeTest.reponsesMajeur());

        NumeroTimbre timbre = NumeroTimbre.depuisSaisie(PreDemandesDeTest.timbre("8686")).orElseThrow();
        String reference = "ID-" + pd.dossierId() + "-PASSEPORT";
        paiements.reserver("IDENTITE_PASSEPORT_MAJEUR", timbre, reference);

        Mairie mairie = aide.mairie(1);
        LocalDate dans20Jours = LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(20);
        LocalDateTime creneau = agenda.libres(mairie, dans20Jours, dans20Jours, 1).getFirst().debut();
        assertThat(reservations.reserver(usager.id(), pd.numero(), mairie.service(), creneau, false))
                .isInstanceOf(Reservations.Reserve.class);
        new BoiteCourriels(greenMail).attendre(usager.email(), "Rendez-vous confirmé");
        assertThat(libres(mairie, creneau)).doesNotContain(creneau);

        // Still valid on its last day: the task leaves it alone.
        jdbc.sql("update identite_pre_demande set valide_jusquau = (now() at time zone 'Europe/Paris')::date where numero = ?").param(pd.numero().valeur()).update();
        expiration.expirer();
        assertThat(etat(pd)).isEqualTo("DEPOSE");

        jdbc.sql("update identite_pre_demande set valide_jusquau = (now() at time zone 'Europe/Paris')::date - 1 where numero = ?").param(pd.numero().valeur()).update();
        expiration.expirer();

        assertThat(etat(pd)).isEqualTo("EXPIREE");
        assertThat(etat(encoreValable)).isEqualTo("DEPOSE");
        assertThat(jdbc.sql("select acteur_type from dossier_transition where dossier_id = ? and vers = 'EXPIREE'")
                .param(pd.dossierId()).query(String.class).list()).containsExactly("SYSTEME");
        assertThat(paiements.duDossier(reference)).isEmpty();
        assertThat(reservations.actif(pd.numero())).isEmpty();
        assertThat(libres(mairie, creneau)).contains(creneau);

        // The usager sees it: e-mails, summary, "Mes dossiers".
        BoiteCourriels boite = new BoiteCourriels(greenMail);
        assertThat(boite.attendre(usager.email(), "pré-demande expirée").texte()).contains("nouvelle pré-demande");
        assertThat(boite.attendre(usager.email(), "Rendez-vous annulé").texte()).contains("a expiré").doesNotContain("reste valable");
        assertThat(mvc.perform(get("/usager/identite/dossiers/" + pd.dossierId()).cookie(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("Pré-demande expirée", "Faire une nouvelle pré-demande")
                .doesNotContain("Prendre rendez-vous", "réservé pour cette pré-demande");
        assertThat(mvc.perform(get("/usager/dossiers").cookie(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("pré-demande expirée");

        // The timbre given back pays another pré-demande; a second run changes nothing.
        paiements.reserver("IDENTITE_PASSEPORT_MAJEUR", timbre, "ID-" + encoreValable.dossierId() + "-PASSEPORT");
        expiration.expirer();
        assertThat(jdbc.sql("select count(*) from dossier_transition where dossier_id = ? and vers = 'EXPIREE'")
                .param(pd.dossierId()).query(Integer.class).single()).isEqualTo(1);
    }

    private List<LocalDateTime> libres(Mairie mairie, LocalDateTime creneau) {
        return agenda.libres(mairie, creneau.toLocalDate(), creneau.toLocalDate(), 200).stream().map(Agenda.Creneau::debut).toList();
    }

    private String etat(PreDemande pd) {
        return jdbc.sql("select etat from dossier where id = ?").param(pd.dossierId()).query(String.class).single();
    }
}
