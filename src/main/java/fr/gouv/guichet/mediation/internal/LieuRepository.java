package fr.gouv.guichet.mediation.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

@Repository
class LieuRepository {

    private static final String COLONNES = "id, pivot, nom, commune, code_postal, code_insee, adresse, complement_adresse, "
            + "latitude, longitude, typologie, telephone, courriels, site_web, horaires, presentation_resume, "
            + "presentation_detail, source, itinerance, structure_parente, date_maj, services, prise_en_charge_specifique, "
            + "fiche_acces_libre";

    private final JdbcClient jdbc;

    LieuRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the place, or replaces every field of the place with the same id. */
    void enregistrer(Lieu l) {
        jdbc.sql("insert into lieu_mediation (" + COLONNES + ") values (:id, :pivot, :nom, :commune, :cp, :insee, :adresse, "
                        + ":complement, :lat, :lon, :typologie, :tel, :courriels, :sites, :horaires, :resume, :detail, :source, "
                        + ":itinerance, :parente, :maj, :services, :pec, :fiche) on conflict (id) do update set "
                        + "pivot = excluded.pivot, nom = excluded.nom, commune = excluded.commune, code_postal = excluded.code_postal, "
                        + "code_insee = excluded.code_insee, adresse = excluded.adresse, complement_adresse = excluded.complement_adresse, "
                        + "latitude = excluded.latitude, longitude = excluded.longitude, typologie = excluded.typologie, "
                        + "telephone = excluded.telephone, courriels = excluded.courriels, site_web = excluded.site_web, "
                        + "horaires = excluded.horaires, presentation_resume = excluded.presentation_resume, "
                        + "presentation_detail = excluded.presentation_detail, source = excluded.source, "
                        + "itinerance = excluded.itinerance, structure_parente = excluded.structure_parente, "
                        + "date_maj = excluded.date_maj, services = excluded.services, "
                        + "prise_en_charge_specifique = excluded.prise_en_charge_specifique, "
                        + "fiche_acces_libre = excluded.fiche_acces_libre, importe_le = now()")
                .param("id", l.id()).param("pivot", l.pivot()).param("nom", l.nom()).param("commune", l.commune())
                .param("cp", l.codePostal()).param("insee", l.codeInsee()).param("adresse", l.adresse())
                .param("complement", l.complementAdresse()).param("lat", l.latitude()).param("lon", l.longitude())
                .param("typologie", l.typologie()).param("tel", l.telephone())
                .param("courriels", l.courriels().toArray(String[]::new)).param("sites", l.siteWeb().toArray(String[]::new))
                .param("horaires", l.horaires()).param("resume", l.presentationResume())
                .param("detail", l.presentationDetail()).param("source", l.source()).param("itinerance", l.itinerance())
                .param("parente", l.structureParente()).param("maj", l.dateMaj() == null ? null : Date.valueOf(l.dateMaj()))
                .param("services", l.services().toArray(String[]::new))
                .param("pec", l.priseEnChargeSpecifique().toArray(String[]::new)).param("fiche", l.ficheAccesLibre())
                .update();
    }

    Optional<Lieu> parId(String id) {
        return jdbc.sql("select " + COLONNES + " from lieu_mediation where id = :id").param("id", id)
                .query(LieuRepository::lieu).optional();
    }

    Set<String> idsExistants(Collection<String> ids) {
        return Set.copyOf(jdbc.sql("select id from lieu_mediation where id = any(:ids)")
                .param("ids", ids.toArray(String[]::new)).query(String.class).list());
    }

    List<Lieu> dansLeCadre(double latMin, double latMax, double lonMin, double lonMax) {
        return jdbc.sql("select " + COLONNES + " from lieu_mediation where latitude between :a and :b "
                        + "and longitude between :c and :d")
                .param("a", latMin).param("b", latMax).param("c", lonMin).param("d", lonMax)
                .query(LieuRepository::lieu).list();
    }

    /** The places of a commune (name, case- and accent-insensitive via the caller's normalisation) or postcode. */
    List<Lieu> parCodePostal(String codePostal) {
        return jdbc.sql("select " + COLONNES + " from lieu_mediation where code_postal = :cp").param("cp", codePostal)
                .query(LieuRepository::lieu).list();
    }

    List<Lieu> parCommune(String commune) {
        return jdbc.sql("select " + COLONNES + " from lieu_mediation where lower(commune) = lower(:c)").param("c", commune)
                .query(LieuRepository::lieu).list();
    }

    /** The places of a département (code INSEE of the commune, else postcode), by name. */
    List<Lieu> duDepartement(String codeDepartement) {
        return jdbc.sql("select " + COLONNES + " from lieu_mediation where (code_insee like :d || '%' "
                        + "or (code_insee is null and code_postal like :d || '%')) order by nom, id limit 500")
                .param("d", codeDepartement).query(LieuRepository::lieu).list();
    }

    private static Lieu lieu(ResultSet rs, int i) throws SQLException {
        Date maj = rs.getDate("date_maj");
        return new Lieu(rs.getString("id"), rs.getString("pivot"), rs.getString("nom"), rs.getString("commune"),
                rs.getString("code_postal"), rs.getString("code_insee"), rs.getString("adresse"),
                rs.getString("complement_adresse"), rs.getDouble("latitude"), rs.getDouble("longitude"),
                rs.getString("typologie"), rs.getString("telephone"), liste(rs.getArray("courriels")),
                liste(rs.getArray("site_web")), rs.getString("horaires"), rs.getString("presentation_resume"),
                rs.getString("presentation_detail"), rs.getString("source"), rs.getString("itinerance"),
                rs.getString("structure_parente"), maj == null ? null : maj.toLocalDate(),
                liste(rs.getArray("services")), liste(rs.getArray("prise_en_charge_specifique")),
                rs.getString("fiche_acces_libre"));
    }

    private static List<String> liste(Array tableau) throws SQLException {
        return List.of((String[]) tableau.getArray());
    }
}
