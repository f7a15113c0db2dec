package fr.gouv.guichet.permis.internal;

import fr.gouv.guichet.agent.Agents;
import fr.gouv.guichet.demarche.DocumentsEmis;
import fr.gouv.guichet.demarche.Dossier;
import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.demarche.InstructionDossiers;
import fr.gouv.guichet.demarche.Evenements.DossierTransitionne;
import fr.gouv.guichet.demarche.TypeDocument;
import fr.gouv.guichet.document.GenerateurPdf;
import fr.gouv.guichet.document.Verification;
import fr.gouv.guichet.formulaire.Reponses;
import fr.gouv.guichet.juridique.TribunauxAdministratifs;
import fr.gouv.guichet.permis.CyclePermis;
import fr.gouv.guichet.permis.DemarchePermis;
import fr.gouv.guichet.piece.AnalysesAntivirus;
import fr.gouv.guichet.piece.StockageFichiers;
import fr.gouv.guichet.referentiel.ServiceInstructeur;
import fr.gouv.guichet.referentiel.ServicesInstructeurs;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The decision refusing a licence request, as a PDF (PDF/UA) attached to the dossier: the usager downloads it from
 * the dossier and receives it with the e-mail of the refusal ({@link CyclePermis#REFUSER} joins {@link #PIECE});
 * the CERT's agent finds it among the dossier's documents. It states only what is recorded: the refusal's reasons
 * as the agent typed them and its date (the transition row), the dossier's number and deposit date, the person as
 * in the form, the service instructeur with its recorded contact details, the signatory recorded by the service
 * (CRPA L212-1) or, when the service has recorded none, the agent who recorded the refusal, and the recourse routes
 * with the tribunal of the usager's département (reference table).
 * <p>
 * Rendered from the outbox after the refusal's transaction, with no transaction open while rendering (issue 10,
 * point 4); attached once (effect key on the transition row), retried by the outbox when it fails.
 */
@Component
class DecisionRefusPermis {

    static final String PIECE = CyclePermis.PIECE_DECISION_REFUS;
    static final TypeDocument DOCUMENT = new TypeDocument("REFUS_PERMIS", "Décision de refus d’une demande de permis de conduire");
    static final String GABARIT = "refus-permis";

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRANCE).withZone(PARIS);

    private final Dossiers dossiers;
    private final InstructionDossiers instruction;
    private final ServicesInstructeurs services;
    private final Agents agents;
    private final DocumentsEmis documents;
    private final TribunauxAdministratifs tribunaux;
    private final GenerateurPdf pdf;
    private final StockageFichiers stockage;
    private final AnalysesAntivirus analyses;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Environment env;

    DecisionRefusPermis(Dossiers dossiers, InstructionDossiers instruction, ServicesInstructeurs services,
                        Agents agents, DocumentsEmis documents, TribunauxAdministratifs tribunaux, GenerateurPdf pdf,
                        StockageFichiers stockage, AnalysesAntivirus analyses, JdbcClient jdbc,
                        TransactionTemplate transaction, Environment env) {
        this.dossiers = dossiers;
        this.instruction = instruction;
        this.services = services;
        this.agents = agents;
        this.documents = documents;
        this.tribunaux = tribunaux;
        this.pdf = pdf;
        this.stockage = stockage;
        this.analyses = analyses;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.env = env;
    }

    /** The refusal as recorded: who fired it, the reasons typed, when. */
    record RefusEnregistre(@Nullable Long agentId, String motif, Instant moment) {
    }

    @Async
    @TransactionalEventListener(condition = DemarchePermis.SI_EVENEMENT_DU_PERMIS)
    void refuse(DossierTransitionne e) {
        if (!DemarchePermis.estDuPermis(e.demarche()) || !e.transition().equals(CyclePermis.REFUSER.code())) {
            return;
        }
        Dossier dossier = instruction.pourInstruction(e.dossierId()).orElseThrow();
        if (instruction.pieces(dossier.id()).stream().anyMatch(p -> p.codePiece().equals(PIECE))) {
            return;
        }
        byte[] contenu = pdf.rendre(GABARIT, transaction.execute(statut -> xhtml(dossier, e.transitionId())));
        String cle = stockage.enregistrer(new ByteArrayInputStream(contenu), contenu.length + 1L);
        analyses.marquerProduitParGuichet(cle);
        transaction.executeWithoutResult(statut -> {
            if (dossiers.marquerEffet("permis-refus:" + e.transitionId())) {
                instruction.joindreDocumentOfficiel(dossier.id(), PIECE, "decision-refus-" + dossier.numero() + ".pdf", contenu.length,
                        StockageFichiers.sha256(cle), cle);
            }
        });
    }

    /** The decision's text, fixed from what is recorded (and its verification code issued). */
    String xhtml(Dossier dossier, long transitionId) {
        RefusEnregistre refus = jdbc.sql("select acteur_id, motif, moment from dossier_transition where id = ? and dossier_id = ?")
                .params(transitionId, dossier.id())
                .query((rs, i) -> new RefusEnregistre(rs.getObject(1, Long.class), rs.getString(2) == null ? "" : rs.getString(2),
                        rs.getTimestamp(3).toInstant())).single();
        ServiceInstructeur service = instruction.service(dossier.id()).flatMap(services::parCode)
                .orElseThrow(() -> new IllegalStateException("Dossier " + dossier.numero() + " sans service instructeur"));
        String code = documents.emettre(DOCUMENT.code(), dossier.id(), dossier.numero(), dossier.codeDepartement());
        return pdf.xhtml(GABARIT, variables(dossier, refus, service, code));
    }

    private Map<String, Object> variables(Dossier dossier, RefusEnregistre refus, ServiceInstructeur service, String code) {
        Reponses r = new Reponses(dossier.reponses());
        var c = service.coordonnees();
        Map<String, Object> v = new HashMap<>();
        v.put("objet", "Refus de votre demande : " + DemarchePermis.depuisCode(dossier.demarche()).orElseThrow().libelle());
        v.put("numeroDossier", dossier.numero());
        v.put("dateDemande", dossier.deposeLe() == null ? "" : DATE.format(dossier.deposeLe()));
        v.put("date", DATE.format(refus.moment()));
        v.put("service", service.libelle());
        v.put("adresseService", c.lignesAdresse());
        v.put("telephone", c.telephone());
        v.put("courriel", c.courriel());
        v.put("horaires", c.horaires());
        v.put("destinataire", (r.texte("prenoms") + " " + r.texte("nom")).strip());
        v.put("adresseDestinataire", adresse(r));
        v.put("motifs", refus.motif().lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
        boolean signataireEnregistre = !c.signataire().isBlank() && !c.signataireQualite().isBlank();
        v.put("signataireQualite", signataireEnregistre ? c.signataireQualite() : "L’agent instructeur, " + service.nom());
        v.put("signataireNom", signataireEnregistre ? c.signataire()
                : refus.agentId() == null ? "" : agents.actif(refus.agentId()).map(a -> a.nom()).orElse(""));
        v.put("delegation", signataireEnregistre ? c.referenceDelegation() : "");
        var tribunal = tribunaux.pour(dossier.codeDepartement());
        v.put("tribunal", Map.of("nom", tribunal.nom(), "adresseEnLigne", String.join(", ", tribunal.adresse())));
        v.put("verification", new Verification(code, env.getProperty("guichet.url-publique", "http://localhost:8080")
                + "/verifier/" + code).variables());
        return v;
    }

    private static List<String> adresse(Reponses r) {
        List<String> lignes = new ArrayList<>();
        for (String ligne : List.of(r.texte("adresse"), r.texte("complement_adresse"), (r.texte("code_postal") + " " + r.texte("commune")).strip())) {
            if (!ligne.isBlank()) {
                lignes.add(ligne);
            }
        }
        return lignes;
    }
}
