package fr.gouv.guichet.immatriculation.internal;

import fr.gouv.guichet.compte.ServiceDeDemonstration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeds the demonstration register once (idempotent): {@value #NOMBRE} vehicles with fictitious holders, numbers taken
 * from the national series, a few with a pledge, an opposition or a theft flag; and the demo accounts
 * {@code vendeur@demo.guichet.local} (a clean car to sell, a pledged one, an old-format number),
 * {@code acheteur@demo.guichet.local} and {@code usager@demo.guichet.local} (a car with three address labels), all with
 * the demo password.
 */
@Component
@ConditionalOnProperty(name = "guichet.demo", havingValue = "true")
class DonneesDemoImmatriculation {

    static final int NOMBRE = 3000;
    private static final Logger log = LoggerFactory.getLogger(DonneesDemoImmatriculation.class);
    private static final String[] NOMS = {"Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau",
            "Laurent", "Simon", "Michel", "Lefebvre", "Leroy", "Roux", "David", "Bertrand", "Morel", "Fournier", "Girard"};
    private static final String[] PRENOMS = {"Camille", "Dominique", "Claude", "Alex", "Sacha", "Charlie", "Maxime", "Lou", "Noé",
            "Jeanne", "Louis", "Inès", "Hugo", "Léa", "Paul", "Manon", "Jules", "Chloé"};
    private static final String[][] MODELES = {{"Peugeot", "208", "5"}, {"Renault", "Clio", "5"}, {"Citroën", "C3", "4"},
            {"Dacia", "Sandero", "5"}, {"Renault", "Mégane", "7"}, {"Peugeot", "3008", "8"}, {"Toyota", "Yaris", "5"},
            {"Volkswagen", "Golf", "7"}, {"Fiat", "500", "4"}, {"Tesla", "Model 3", "1"}};
    private static final String[][] COMMUNES = {{"83000", "Toulon", "83"}, {"83400", "Hyères", "83"}, {"83600", "Fréjus", "83"},
            {"83300", "Draguignan", "83"}, {"13001", "Marseille", "13"}, {"06000", "Nice", "06"}, {"84000", "Avignon", "84"},
            {"75011", "Paris", "75"}, {"69003", "Lyon", "69"}, {"33000", "Bordeaux", "33"}};

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate lot;
    private final ServiceDeDemonstration comptes;
    private final AttributionNumeros serie;
    private final String motDePasse;

    DonneesDemoImmatriculation(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate lot, ServiceDeDemonstration comptes, AttributionNumeros serie,
                               @Value("${guichet.demo.mot-de-passe:Demo-Guichet-2026}") String motDePasse) {
        this.jdbc = jdbc;
        this.lot = lot;
        this.comptes = comptes;
        this.serie = serie;
        this.motDePasse = motDePasse;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    void amorcer() {
        if (jdbc.sql("select count(*) from vehicule").query(Integer.class).single() > 0) {
            return;
        }
        long vendeur = comptes.usagerActive("vendeur@demo.guichet.local", motDePasse, "83");
        long acheteur = comptes.usagerActive("acheteur@demo.guichet.local", motDePasse, "83");
        long usager = comptes.usagerActive("usager@demo.guichet.local", motDePasse, "83");
        inserer(serie.attribuer().valeur(), "VF3DEMO0000000001", MODELES[0], vendeur, "Vendeur", "Camille", "12 rue de la République",
                COMMUNES[0], false, false, false, 0);
        inserer(serie.attribuer().valeur(), "VF1DEMO0000000002", MODELES[1], vendeur, "Vendeur", "Camille", "12 rue de la République",
                COMMUNES[0], true, false, false, 0);
        inserer("1234 AB 83", "VF7DEMO0000000003", MODELES[2], vendeur, "Vendeur", "Camille", "12 rue de la République",
                COMMUNES[0], false, false, false, 1);
        inserer(serie.attribuer().valeur(), "VF3DEMO0000000004", MODELES[5], acheteur, "Acheteur", "Dominique", "4 avenue Foch",
                COMMUNES[1], false, false, false, 0);
        inserer(serie.attribuer().valeur(), "VF1DEMO0000000005", MODELES[4], usager, "Durand", "Camille", "8 place de la Liberté",
                COMMUNES[0], false, false, false, 3);
        Random alea = new Random(13);
        List<Object[]> lignes = new ArrayList<>();
        List<String> numeros = jdbc.sql("select nextval('immatriculation_serie_seq') from generate_series(1, ?)").param(NOMBRE)
                .query(Long.class).list().stream().map(r -> fr.gouv.guichet.immatriculation.NumeroImmatriculation.deRang(r).valeur()).toList();
        for (int i = 0; i < NOMBRE; i++) {
            String[] m = MODELES[alea.nextInt(MODELES.length)];
            String[] c = COMMUNES[alea.nextInt(COMMUNES.length)];
            int tirage = alea.nextInt(100);
            lignes.add(new Object[] {numeros.get(i), String.format("VF%015d", 100_000 + i), m[0], m[1], Integer.parseInt(m[2]),
                    LocalDate.of(2008, 1, 1).plusDays(alea.nextInt(6500)), NOMS[alea.nextInt(NOMS.length)],
                    PRENOMS[alea.nextInt(PRENOMS.length)], (1 + alea.nextInt(200)) + " rue des Écoles", c[0], c[1], c[2],
                    tirage < 4, tirage >= 4 && tirage < 6, tirage == 6});
        }
        lot.batchUpdate("""
                insert into vehicule (immatriculation, vin, marque, modele, puissance_fiscale, premiere_immatriculation, categorie,
                  titulaire_nom, titulaire_prenoms, adresse, code_postal, commune, code_departement, gage, opposition, vole)
                values (?, ?, ?, ?, ?, ?, 'VP', ?, ?, ?, ?, ?, ?, ?, ?, ?)""", lignes);
        log.info("Mode démonstration : registre de {} véhicules ; comptes vendeur@demo.guichet.local (à vendre : {}), "
                + "acheteur@demo.guichet.local et usager@demo.guichet.local", NOMBRE + 5,
                jdbc.sql("select immatriculation from vehicule where vin = 'VF3DEMO0000000001'").query(String.class).single());
    }

    private void inserer(String immatriculation, String vin, String[] modele, long usager, String nom, String prenoms, String adresse,
                         String[] commune, boolean gage, boolean opposition, boolean vole, int etiquettes) {
        long id = jdbc.sql("""
                        insert into vehicule (immatriculation, vin, marque, modele, puissance_fiscale, premiere_immatriculation, categorie,
                          usager_id, titulaire_nom, titulaire_prenoms, adresse, code_postal, commune, code_departement, gage, opposition,
                          vole, etiquettes_adresse)
                        values (?, ?, ?, ?, ?, ?, 'VP', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(immatriculation, vin, modele[0], modele[1], Integer.parseInt(modele[2]), LocalDate.of(2019, 5, 14), usager,
                        nom, prenoms, adresse, commune[0], commune[1], commune[2], gage, opposition, vole, etiquettes)
                .query(Long.class).single();
        jdbc.sql("insert into vehicule_operation (vehicule_id, type, moment, detail, usager_id) values (?, 'IMMATRICULATION', now(), ?, ?)")
                .params(id, "Immatriculation au nom de " + prenoms + " " + nom + " (données de démonstration)", usager).update();
    }
}
