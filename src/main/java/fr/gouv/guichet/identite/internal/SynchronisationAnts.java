package fr.gouv.guichet.identite.internal;

import fr.gouv.guichet.identite.NumeroPreDemande;
import fr.gouv.guichet.identite.PlateformeNationaleRendezVous;
import fr.gouv.guichet.identite.PlateformeNationaleRendezVous.RendezVousNational;
import fr.gouv.guichet.identite.RendezVous;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;

/**
 * Mirrors Guichet's appointments to the national platform: after each booking, move or cancellation (outbox
 * listeners, retried until the platform answers), every active appointment of the pré-demande not yet declared is
 * declared, every declared one no longer active is withdrawn — so that the other booking sites see it at once.
 */
@Component
class SynchronisationAnts {

    private final PlateformeNationaleRendezVous plateforme;
    private final Reservations reservations;
    private final JdbcClient jdbc;
    private final Environment env;
    private final Clock horloge;

    SynchronisationAnts(PlateformeNationaleRendezVous plateforme, Reservations reservations, JdbcClient jdbc, Environment env,
                        Clock horloge) {
        this.plateforme = plateforme;
        this.reservations = reservations;
        this.jdbc = jdbc;
        this.env = env;
        this.horloge = horloge;
    }

    @ApplicationModuleListener
    void apresReservation(Reservations.RendezVousReserve e) {
        synchroniser(new NumeroPreDemande(e.numero()));
    }

    @ApplicationModuleListener
    void apresAnnulation(Reservations.RendezVousAnnule e) {
        synchroniser(new NumeroPreDemande(e.numero()));
    }

    void synchroniser(NumeroPreDemande numero) {
        for (RendezVous rdv : reservations.deLaPreDemande(numero)) {
            Boolean retire = jdbc.sql("select retire_le is not null from identite_rdv_ants where rendez_vous_id = ?")
                    .param(rdv.id()).query(Boolean.class).optional().orElse(null);
            if (rdv.actif() && retire == null) {
                plateforme.declarer(numero, national(rdv));
                jdbc.sql("insert into identite_rdv_ants (rendez_vous_id, declare_le) values (?, ?) on conflict do nothing")
                        .params(rdv.id(), Timestamp.from(horloge.instant())).update();
            } else if (!rdv.actif() && rdv.statut() != RendezVous.Statut.HONORE && Boolean.FALSE.equals(retire)) {
                plateforme.retirer(numero, national(rdv));
                jdbc.sql("update identite_rdv_ants set retire_le = ? where rendez_vous_id = ?")
                        .params(Timestamp.from(horloge.instant()), rdv.id()).update();
            }
        }
    }

    RendezVousNational national(RendezVous rdv) {
        return new RendezVousNational(rdv.nomMairie(), rdv.mairie(), rdv.debut(), urlGestion(env, rdv.id()));
    }

    /** The page where the usager moves or cancels a Guichet appointment: also how Guichet knows its own. */
    static String urlGestion(Environment env, long rendezVousId) {
        return prefixeGestion(env) + rendezVousId;
    }

    static String prefixeGestion(Environment env) {
        return env.getProperty("guichet.url-publique", "http://localhost:8080") + "/usager/identite/rendez-vous/";
    }
}
