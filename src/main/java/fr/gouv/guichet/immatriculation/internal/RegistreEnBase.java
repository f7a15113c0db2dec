package fr.gouv.guichet.immatriculation.internal;

import fr.gouv.guichet.immatriculation.NumeroImmatriculation;
import fr.gouv.guichet.immatriculation.OperationVehicule;
import fr.gouv.guichet.immatriculation.RegistreVehicules;
import fr.gouv.guichet.immatriculation.SituationAdministrative;
import fr.gouv.guichet.immatriculation.Vehicule;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link RegistreVehicules} in Guichet's database: the demonstration register (seeded by {@code DonneesDemoImmatriculation}). */
@Repository
class RegistreEnBase implements RegistreVehicules {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLONNES = "id, immatriculation, vin, marque, modele, puissance_fiscale, premiere_immatriculation, "
            + "categorie, usager_id, titulaire_nom, titulaire_prenoms, cotitulaires::text as cotitulaires, adresse, code_postal, "
            + "commune, code_departement, gage, opposition, vole, detruit, etiquettes_adresse";

    private final JdbcClient jdbc;
    private final Clock horloge;

    RegistreEnBase(JdbcClient jdbc, Clock horloge) {
        this.jdbc = jdbc;
        this.horloge = horloge;
    }

    @Override
    public Optional<Vehicule> parImmatriculation(String immatriculation) {
        return jdbc.sql("select " + COLONNES + " from vehicule where immatriculation = ?").param(immatriculation)
                .query(LIGNE).optional();
    }

    @Override
    public Optional<Vehicule> parId(long id) {
        return jdbc.sql("select " + COLONNES + " from vehicule where id = ?").param(id).query(LIGNE).optional();
    }

    @Override
    public List<Vehicule> duTitulaire(long usagerId) {
        return jdbc.sql("select " + COLONNES + " from vehicule where usager_id = ? order by immatriculation limit 200")
                .param(usagerId).query(LIGNE).list();
    }

    @Override
    public List<OperationVehicule> historique(long vehiculeId) {
        return jdbc.sql("select id, type, moment, detail, dossier_id from vehicule_operation where vehicule_id = ? order by id")
                .param(vehiculeId)
                .query((rs, i) -> new OperationVehicule(rs.getLong("id"), rs.getString("type"), rs.getTimestamp("moment").toInstant(),
                        rs.getString("detail"), (Long) rs.getObject("dossier_id")))
                .list();
    }

    @Override
    public void enregistrerOperation(long vehiculeId, String type, String detail, @Nullable Long dossierId, @Nullable Long usagerId) {
        jdbc.sql("insert into vehicule_operation (vehicule_id, type, moment, detail, dossier_id, usager_id) values (?, ?, ?, ?, ?, ?)")
                .params(vehiculeId, type, java.sql.Timestamp.from(horloge.instant()), detail, dossierId, usagerId).update();
    }

    @Override
    @Transactional
    public void changerTitulaire(long vehiculeId, @Nullable Long usagerId, Vehicule.Titulaire titulaire,
                                 List<Vehicule.Titulaire> cotitulaires, Vehicule.Adresse adresse,
                                 @Nullable NumeroImmatriculation nouveauNumero, long dossierId) {
        Vehicule avant = parId(vehiculeId).orElseThrow();
        String cotit = JSON.writeValueAsString(cotitulaires.stream().map(c -> Map.of("nom", c.nom(), "prenoms", c.prenoms())).toList());
        jdbc.sql("update vehicule set usager_id = ?, titulaire_nom = ?, titulaire_prenoms = ?, cotitulaires = ?::jsonb, adresse = ?, "
                        + "code_postal = ?, commune = ?, code_departement = ?, etiquettes_adresse = 0, "
                        + "immatriculation = coalesce(?, immatriculation), version = version + 1 where id = ?")
                .params(usagerId, titulaire.nom(), titulaire.prenoms(), cotit, adresse.ligne(), adresse.codePostal(), adresse.commune(),
                        adresse.codeDepartement(), nouveauNumero == null ? null : nouveauNumero.valeur(), vehiculeId)
                .update();
        String detail = "Nouveau titulaire : " + titulaire.complet()
                + (cotitulaires.isEmpty() ? "" : " (cotitulaire(s) : " + String.join(", ", cotitulaires.stream().map(Vehicule.Titulaire::complet).toList()) + ")")
                + " ; ancien titulaire : " + avant.titulaire().complet()
                + (nouveauNumero == null ? "" : " ; nouveau numéro " + nouveauNumero.valeur() + " (ancien " + avant.immatriculation() + ")");
        enregistrerOperation(vehiculeId, "CHANGEMENT_TITULAIRE", detail, dossierId, usagerId);
    }

    @Override
    @Transactional
    public void changerAdresse(long vehiculeId, Vehicule.Adresse adresse, boolean etiquette, long dossierId) {
        jdbc.sql("update vehicule set adresse = ?, code_postal = ?, commune = ?, code_departement = ?, "
                        + "etiquettes_adresse = case when ? then etiquettes_adresse + 1 else 0 end, version = version + 1 where id = ?")
                .params(adresse.ligne(), adresse.codePostal(), adresse.commune(), adresse.codeDepartement(), etiquette, vehiculeId)
                .update();
        enregistrerOperation(vehiculeId, "CHANGEMENT_ADRESSE", "Nouvelle adresse : " + adresse.enLigne()
                + (etiquette ? " (étiquette)" : " (nouvelle carte)"), dossierId, null);
    }

    private static final RowMapper<Vehicule> LIGNE = (rs, i) -> new Vehicule(rs.getLong("id"), rs.getString("immatriculation"),
            rs.getString("vin"), rs.getString("marque"), rs.getString("modele"), rs.getInt("puissance_fiscale"),
            rs.getDate("premiere_immatriculation").toLocalDate(), rs.getString("categorie"), (Long) rs.getObject("usager_id"),
            new Vehicule.Titulaire(rs.getString("titulaire_nom"), rs.getString("titulaire_prenoms")),
            cotitulaires(rs.getString("cotitulaires")),
            new Vehicule.Adresse(rs.getString("adresse"), rs.getString("code_postal"), rs.getString("commune"), rs.getString("code_departement")),
            new SituationAdministrative(rs.getBoolean("gage"), rs.getBoolean("opposition"), rs.getBoolean("vole"), rs.getBoolean("detruit")),
            rs.getInt("etiquettes_adresse"));

    private static List<Vehicule.Titulaire> cotitulaires(String json) {
        List<Map<String, String>> lus = JSON.readValue(json, new TypeReference<>() {
        });
        return lus.stream().map(m -> new Vehicule.Titulaire(m.get("nom"), m.get("prenoms"))).toList();
    }
}
