package fr.gouv.guichet.immatriculation.internal;

import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.demarche.QuotaAtteint;
import fr.gouv.guichet.demarche.TransitionImpossible;
import fr.gouv.guichet.formulaire.PieceAttendue;
import fr.gouv.guichet.immatriculation.ErreursSaisie;
import fr.gouv.guichet.immatriculation.Operation;
import fr.gouv.guichet.piece.AnalysesAntivirus;
import fr.gouv.guichet.piece.EtatAnalyse;
import fr.gouv.guichet.piece.FichierAccepte;
import fr.gouv.guichet.piece.FichierRefuse;
import fr.gouv.guichet.piece.InspecteurFichier;
import fr.gouv.guichet.piece.StockageFichiers;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.ByteArrayInputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The documents a registration request carries before its payment: the police or gendarmerie receipt of the theft
 * declaration for a duplicate after theft (titres.md: CERFA 13753). The file is checked by its content (the platform's
 * {@link InspecteurFichier}) and scanned like every upload, kept with the draft, and joined to the dossier at its
 * deposit, in the payment's transaction. The vehicle is not flagged stolen: it is the certificate that was stolen.
 */
@Service
public class PiecesDemande {

    public static final PieceAttendue DECLARATION_VOL = new PieceAttendue("declaration_vol", "Déclaration de vol du certificat",
            "Le récépissé de la déclaration de vol (cerfa 13753) remis par le commissariat de police ou la brigade de gendarmerie.");

    private static final Logger log = LoggerFactory.getLogger(PiecesDemande.class);

    /** A document kept with the draft, as its page shows it. */
    public record Piece(String code, String nom, long taille, boolean transmise) {
    }

    private final JdbcClient jdbc;
    private final DemandesUsager demandes;
    private final InspecteurFichier inspecteur;
    private final StockageFichiers stockage;
    private final AnalysesAntivirus analyses;
    private final Dossiers dossiers;
    private final Clock horloge;
    /** One document joined under a savepoint: its refusal undoes it alone, not the transaction that transmits. */
    private final TransactionTemplate unePiece;

    PiecesDemande(JdbcClient jdbc, DemandesUsager demandes, InspecteurFichier inspecteur, StockageFichiers stockage,
                  AnalysesAntivirus analyses, Dossiers dossiers, Clock horloge, PlatformTransactionManager transactions) {
        this.unePiece = new TransactionTemplate(transactions);
        this.unePiece.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.jdbc = jdbc;
        this.demandes = demandes;
        this.inspecteur = inspecteur;
        this.stockage = stockage;
        this.analyses = analyses;
        this.dossiers = dossiers;
        this.horloge = horloge;
    }

    /** The documents this request asks for, from its answers (the platform's rule of the duplicate procedure too). */
    public static List<PieceAttendue> attendues(Operation operation, Map<String, ?> reponses) {
        return operation == Operation.DUPLICATA && "vol".equals(String.valueOf(reponses.get("motif_duplicata")))
                ? List.of(DECLARATION_VOL) : List.of();
    }

    public List<Piece> duDossier(long dossierId) {
        return jdbc.sql("select code, nom, taille, transmise_le from demande_immatriculation_piece where dossier_id = ? order by code")
                .param(dossierId).query((rs, i) -> new Piece(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getTimestamp(4) != null))
                .list();
    }

    /**
     * Keeps the document sent for a draft of this usager (a new one replaces the former). @return the cleaned name of the
     * accepted file. @throws ErreursSaisie with a French sentence for the field when it is refused
     */
    public String joindre(long dossierId, long usagerId, String code, @Nullable String nomFichier, byte @Nullable [] contenu) {
        DemandesUsager.Vue vue = demandes.vue(dossierId, usagerId);
        if (attendues(vue.demande().operation(), vue.reponses()).stream().noneMatch(p -> p.code().equals(code))) {
            throw ErreursSaisie.sur(code, "Cette demande n’attend pas ce document.");
        }
        if (!vue.dossier().estBrouillon()) {
            throw ErreursSaisie.sur(code, "Cette demande est déjà transmise : ajoutez le document depuis la page de votre dossier.");
        }
        if (contenu == null || contenu.length == 0) {
            throw ErreursSaisie.sur(code, "Choisissez le fichier du récépissé de déclaration de vol (PDF, JPEG ou PNG, "
                    + inspecteur.tailleMax() / (1024 * 1024) + " Mo au plus).");
        }
        FichierAccepte accepte = switch (inspecteur.inspecter(nomFichier, contenu)) {
            case FichierRefuse refus -> throw ErreursSaisie.sur(code, refus.message());
            case FichierAccepte a -> a;
        };
        String cle = stockage.enregistrer(new ByteArrayInputStream(contenu), inspecteur.tailleMax());
        if (analyses.analyser(cle) == EtatAnalyse.INFECTE) {
            throw ErreursSaisie.sur(code, "Le fichier « " + accepte.nomNettoye() + " » contient un virus : il a été mis en "
                    + "quarantaine. Envoyez un autre fichier.");
        }
        Optional<String> ancienne = enregistrer(dossierId, code, accepte, cle);
        ancienne.ifPresent(stockage::supprimer);
        return accepte.nomNettoye();
    }

    private Optional<String> enregistrer(long dossierId, String code, FichierAccepte f, String cle) {
        Optional<String> ancienne = jdbc.sql("select cle_stockage from demande_immatriculation_piece where dossier_id = ? and code = ?")
                .params(dossierId, code).query(String.class).optional();
        jdbc.sql("""
                        insert into demande_immatriculation_piece (dossier_id, code, nom, type_contenu, taille, sha256, cle_stockage, ajoutee_le)
                        values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (dossier_id, code) do update set nom = excluded.nom,
                          type_contenu = excluded.type_contenu, taille = excluded.taille, sha256 = excluded.sha256,
                          cle_stockage = excluded.cle_stockage, ajoutee_le = excluded.ajoutee_le""")
                .params(dossierId, code, f.nomNettoye(), f.typeContenu().name(), f.taille(), f.sha256(), cle,
                        Timestamp.from(horloge.instant())).update();
        return ancienne;
    }

    /** @throws ErreursSaisie when a document the request asks for is missing (before the payment is opened) */
    void exigerCompletes(long dossierId, Operation operation, Map<String, ?> reponses) {
        List<String> presentes = duDossier(dossierId).stream().map(Piece::code).toList();
        for (PieceAttendue p : attendues(operation, reponses)) {
            if (!presentes.contains(p.code())) {
                throw ErreursSaisie.sur(p.code(), "Joignez le récépissé de votre déclaration de vol (remis par la police ou la "
                        + "gendarmerie) avant de payer : il est demandé pour un duplicata après vol.");
            }
        }
    }

    /**
     * Joins the draft's documents to the dossier just deposited (same transaction as the deposit), once. A document the
     * dossier refuses stays with the request (logged); the others and the caller's transaction go on.
     */
    public void transmettre(long dossierId, long usagerId) {
        List<Map<String, Object>> lignes = jdbc.sql("""
                        select code, nom, type_contenu, taille, sha256, cle_stockage from demande_immatriculation_piece
                        where dossier_id = ? and transmise_le is null for update""").param(dossierId).query().listOfRows();
        for (Map<String, Object> l : lignes) {
            try {
                // Under a savepoint: a refusal inside ajouterPiece (transactional) would otherwise mark the caller's
                // transaction rollback-only, and the payment recorded with it would fail at commit.
                unePiece.executeWithoutResult(s -> dossiers.ajouterPiece(dossierId, usagerId, (String) l.get("code"), (String) l.get("nom"),
                        (String) l.get("type_contenu"), ((Number) l.get("taille")).longValue(), (String) l.get("sha256"),
                        (String) l.get("cle_stockage")));
            } catch (QuotaAtteint | TransitionImpossible e) {
                // The file stays with the request (the CERT agent's view lists it); the payment is not undone for it.
                log.error("Pièce {} du dossier {} non jointe au dépôt : {}", l.get("code"), dossierId, e.getMessage());
                continue;
            }
            jdbc.sql("update demande_immatriculation_piece set transmise_le = ? where dossier_id = ? and code = ?")
                    .params(Timestamp.from(horloge.instant()), dossierId, l.get("code")).update();
        }
    }
}
