package guichet.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Vehicles of the bench's usagers in the register (issue 13: registrations are the largest titles flow), so that the
 * registration journey ({@link Parcours#immatriculation}) has cars to sell: {@value #PAR_USAGER} per account, numbers
 * of a block of the national series that the demonstration does not use (left letters Z?, no I, O, U, S, W), VIN
 * {@code BANC…}. Idempotent: seeds only the accounts without bench vehicles. A car sold in a run is the buyer's
 * afterwards: a journey that finds no car left to sell on its account stops (see the journey).
 */
final class AmorcageVehicules {

    static final int PAR_USAGER = 3;

    private AmorcageVehicules() {
    }

    static void amorcer(Connection c) throws Exception {
        long deja;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from vehicule where vin like 'BANC%'")) {
            rs.next();
            deja = rs.getLong(1);
        }
        if (deja > 0) {
            System.out.printf("Amorçage des véhicules : déjà fait (%,d véhicules)%n", deja);
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                with comptes as (select id, code_departement, row_number() over (order by id) - 1 as rang from usager
                                 where email like '%@bench.guichet.test' and code_departement is not null),
                     v as (select c.id as usager_id, c.code_departement, c.rang * ? + k as n from comptes c, generate_series(0, ? - 1) k),
                     l as (select 'ABCDEFGHJKLMNPQRTVXYZ'::text as a)
                insert into vehicule (immatriculation, vin, marque, modele, puissance_fiscale, premiere_immatriculation, categorie,
                                      usager_id, titulaire_nom, titulaire_prenoms, adresse, code_postal, commune, code_departement)
                select 'Z' || substr(a, (n / 436359)::int % 21 + 1, 1) || '-' || lpad(((n / 441) % 999 + 1)::text, 3, '0') || '-'
                         || substr(a, ((n / 21) % 21)::int + 1, 1) || substr(a, (n % 21)::int + 1, 1),
                       'BANC' || lpad(n::text, 13, '0'), 'Renault', 'Clio', 4 + (n % 5)::int, date '2018-03-01' + (n % 1500)::int, 'VP',
                       usager_id, 'Banc', 'Titulaire ' || usager_id, (n % 90 + 1) || ' rue du Banc', '83000', 'Toulon', code_departement
                from v, l""")) {
            ps.setInt(1, PAR_USAGER);
            ps.setInt(2, PAR_USAGER);
            int n = ps.executeUpdate();
            System.out.printf("Amorçage des véhicules : %,d véhicules%n", n);
        }
        try (Statement s = c.createStatement()) {
            s.execute("analyze vehicule");
        }
    }
}
