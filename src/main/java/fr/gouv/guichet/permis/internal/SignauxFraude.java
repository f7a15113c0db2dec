package fr.gouv.guichet.permis.internal;

import fr.gouv.guichet.permis.DemarchePermis;
import fr.gouv.guichet.demarche.Dossier;
import fr.gouv.guichet.demarche.InstructionDossiers;
import fr.gouv.guichet.demarche.Evenements.DossierDepose;
import fr.gouv.guichet.demarche.Evenements.PieceAjoutee;
import fr.gouv.guichet.demarche.Procedures;
import fr.gouv.guichet.permis.CodeEphoto;
import fr.gouv.guichet.permis.CyclePermis;
import fr.gouv.guichet.permis.externe.ReferenceDossier;
import fr.gouv.guichet.externe.ServiceExterneIndisponibleException;
import fr.gouv.guichet.permis.externe.ServicePhotos;
import fr.gouv.guichet.permis.externe.UtilisationEphoto;
import fr.gouv.guichet.signalement.NouveauSignal;
import fr.gouv.guichet.signalement.Signaux;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The fraud rules of the driving licence (issue 12, point 11), run on every deposit of a licence title request and on
 * every document added to one (through the outbox: a crash re-runs them, a signal is raised once): an ePhoto code
 * reused for another person, a timbre in another dossier, the same identity document (same file) in another dossier,
 * several people's requests from one e-mail address or one postal address. Each signal says what was found and where;
 * the CERT agent decides.
 */
@Component
class SignauxFraude {

    static final String EPHOTO = "ephoto-reutilise";
    static final String TIMBRE = "timbre-reutilise";
    static final String PIECE_IDENTITE = "piece-identite-partagee";
    static final String COURRIEL = "courriel-plusieurs-personnes";
    static final String ADRESSE = "adresse-plusieurs-personnes";
    /** People (this one included) at one postal address before it is unusual: a family shares one. */
    static final int PERSONNES_PAR_ADRESSE = 3;

    /** Another deposited licence request, and whose it is. */
    record Autre(long id, String numero, String personne) {
    }

    private static final String AUTRES = """
            select id, numero, lower(coalesce(reponses ->> 'nom', '') || '|' || coalesce(reponses ->> 'prenoms', '') || '|'
                   || coalesce(reponses ->> 'date_naissance', '')) as personne
            from dossier where demarche like 'PC\\_%' and depose_le is not null and id <> :id and\s""";

    private final Procedures procedures;
    private final InstructionDossiers dossiers;
    private final Signaux signaux;
    private final JdbcClient jdbc;
    private final ServicePhotos photos;

    SignauxFraude(Procedures procedures, InstructionDossiers dossiers, Signaux signaux, JdbcClient jdbc, ServicePhotos photos) {
        this.procedures = procedures;
        this.dossiers = dossiers;
        this.signaux = signaux;
        this.jdbc = jdbc;
        this.photos = photos;
    }

    @ApplicationModuleListener(condition = DemarchePermis.SI_EVENEMENT_DU_PERMIS)
    void depose(DossierDepose e) {
        verifier(e.dossierId());
    }

    @ApplicationModuleListener(condition = DemarchePermis.SI_EVENEMENT_DU_PERMIS_OU_ANCIEN)
    void pieceAjoutee(PieceAjoutee e) {
        verifier(e.dossierId());
    }

    /** Runs every rule on this dossier, if it is a deposited licence title request. */
    void verifier(long dossierId) {
        Optional<Dossier> lu = dossiers.pourInstruction(dossierId)
                .filter(d -> procedures.cycle(d.demarche()).code().equals(CyclePermis.TITRE.code()) && d.numero() != null);
        if (lu.isEmpty()) {
            return;
        }
        Dossier dossier = lu.get();
        ReponsesPermis r = ReponsesPermis.de(dossier);
        ephoto(dossier, r);
        timbre(dossier, r);
        pieceIdentite(dossier);
        courriel(dossier, r);
        adresse(dossier, r);
    }

    private void ephoto(Dossier dossier, ReponsesPermis r) {
        Optional<CodeEphoto> code = r.ephoto();
        if (code.isEmpty()) {
            return;
        }
        List<Autre> autres = autres(dossier.id(), "upper(reponses ->> 'code_ephoto') = :valeur", code.get().valeur()).stream()
                .filter(a -> !a.personne().equals(r.personne())).toList();
        int ailleurs = 0;
        try {
            UtilisationEphoto utilisation = photos.declarerUtilisation(code.get(), new ReferenceDossier(dossier.numero()));
            ailleurs = utilisation.autresDossiers();
        } catch (ServiceExterneIndisponibleException | fr.gouv.guichet.permis.externe.RefusServiceExterneException ex) {
            LoggerFactory.getLogger(SignauxFraude.class).warn("ePhoto du dossier {} : {}", dossier.numero(), ex.getMessage());
        }
        if (autres.isEmpty() && ailleurs == 0) {
            return;
        }
        Map<String, String> details = details(autres);
        details.put("Code ePhoto", code.get().valeur());
        if (ailleurs > 0) {
            details.put("Utilisations connues du service ePhoto", ailleurs + " autre" + (ailleurs > 1 ? "s" : "") + " dossier" + (ailleurs > 1 ? "s" : ""));
        }
        lever(dossier, EPHOTO, code.get().valeur(), "Le code ePhoto de cette demande a déjà servi pour une autre demande"
                + (autres.isEmpty() ? "" : " au nom d’une autre personne") + " : la photo n’est peut-être pas celle du demandeur. "
                + "Comparez la photo à la pièce d’identité.", details);
    }

    private void timbre(Dossier dossier, ReponsesPermis r) {
        r.timbre().ifPresent(timbre -> {
            List<Autre> autres = autres(dossier.id(), "regexp_replace(reponses ->> 'numero_timbre', '\\D', '', 'g') = :valeur", timbre.valeur());
            if (!autres.isEmpty()) {
                Map<String, String> details = details(autres);
                details.put("Timbre", timbre.pourAffichage());
                lever(dossier, TIMBRE, timbre.valeur(), "Le numéro de timbre fiscal de cette demande figure aussi dans une autre "
                        + "demande : un timbre ne paie qu’une démarche. Vérifiez auprès du service des timbres lequel l’a consommé.", details);
            }
        });
    }

    private void pieceIdentite(Dossier dossier) {
        List<Map<String, Object>> partages = jdbc.sql("""
                        select p.sha256, p.nom, d.id, d.numero from piece_jointe p
                        join piece_jointe q on q.sha256 = p.sha256 and q.dossier_id <> p.dossier_id
                        join dossier d on d.id = q.dossier_id and d.depose_le is not null
                        where p.dossier_id = :id and lower(p.code_piece) like '%identite%'
                        order by d.id limit 50""")
                .param("id", dossier.id()).query().listOfRows();
        Map<String, List<Map<String, Object>>> parEmpreinte = partages.stream()
                .collect(Collectors.groupingBy(l -> (String) l.get("sha256"), LinkedHashMap::new, Collectors.toList()));
        parEmpreinte.forEach((empreinte, lignes) -> {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("Fichier", (String) lignes.getFirst().get("nom"));
            details.put("Autres dossiers", lignes.stream().map(l -> (String) l.get("numero")).distinct().limit(5)
                    .collect(Collectors.joining(", ")));
            details.put("Empreinte SHA-256", empreinte);
            lever(dossier, PIECE_IDENTITE, empreinte, "La pièce d’identité jointe à cette demande (le même fichier, octet pour "
                    + "octet) est jointe à un autre dossier : vérifiez que le demandeur est bien la personne de la pièce.", details);
        });
    }

    private void courriel(Dossier dossier, ReponsesPermis r) {
        String courriel = r.reponses().texte("courriel").strip().toLowerCase(java.util.Locale.ROOT);
        if (courriel.isEmpty()) {
            return;
        }
        List<Autre> autres = autres(dossier.id(), "lower(reponses ->> 'courriel') = :valeur", courriel).stream()
                .filter(a -> !a.personne().equals(r.personne())).toList();
        if (!autres.isEmpty()) {
            Map<String, String> details = details(autres);
            details.put("Adresse électronique", courriel);
            lever(dossier, COURRIEL, courriel, "D’autres demandes, pour d’autres personnes, ont été déposées avec la même adresse "
                    + "électronique. Ce peut être un proche qui aide ; ce peut aussi être un intermédiaire non habilité.", details);
        }
    }

    private void adresse(Dossier dossier, ReponsesPermis r) {
        String codePostal = r.reponses().texte("code_postal").strip();
        String adresse = r.adresseNormalisee();
        if (codePostal.isEmpty() || r.reponses().texte("adresse").isBlank()) {
            return;
        }
        List<Autre> memeAdresse = jdbc.sql(AUTRES.replace(" as personne", " as personne, coalesce(reponses ->> 'adresse', '') as adresse, "
                        + "coalesce(reponses ->> 'commune', '') as commune") + "reponses ->> 'code_postal' = :valeur order by id desc limit 500")
                .param("id", dossier.id()).param("valeur", codePostal)
                .query((rs, i) -> ReponsesPermis.normaliser(rs.getString("adresse"), codePostal, rs.getString("commune")).equals(adresse)
                        ? new Autre(rs.getLong("id"), rs.getString("numero"), rs.getString("personne")) : null)
                .list().stream().filter(java.util.Objects::nonNull)
                .filter(a -> !a.personne().equals(r.personne())).toList();
        long personnes = memeAdresse.stream().map(Autre::personne).distinct().count() + 1;
        if (personnes >= PERSONNES_PAR_ADRESSE) {
            Map<String, String> details = details(memeAdresse);
            details.put("Adresse", adresse);
            details.put("Personnes différentes", String.valueOf(personnes));
            lever(dossier, ADRESSE, adresse, personnes + " personnes différentes ont déposé une demande de titre depuis la même "
                    + "adresse postale. Une famille partage une adresse ; au-delà, vérifiez le justificatif de domicile.", details);
        }
    }

    private List<Autre> autres(long dossierId, String condition, String valeur) {
        return jdbc.sql(AUTRES + condition + " order by id desc limit 20").param("id", dossierId).param("valeur", valeur)
                .query((rs, i) -> new Autre(rs.getLong("id"), rs.getString("numero"), rs.getString("personne"))).list();
    }

    private static Map<String, String> details(List<Autre> autres) {
        Map<String, String> details = new LinkedHashMap<>();
        if (!autres.isEmpty()) {
            details.put("Autres dossiers", autres.stream().map(Autre::numero).limit(5).collect(Collectors.joining(", "))
                    + (autres.size() > 5 ? " (et " + (autres.size() - 5) + " autres)" : ""));
        }
        return details;
    }

    private void lever(Dossier dossier, String regle, String objet, String explication, Map<String, String> details) {
        signaux.lever(new NouveauSignal(dossier.id(), regle, objet.length() > 200 ? objet.substring(0, 200) : objet, explication, details));
    }
}
