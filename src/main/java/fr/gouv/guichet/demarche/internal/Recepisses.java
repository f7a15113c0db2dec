package fr.gouv.guichet.demarche.internal;

import fr.gouv.guichet.demarche.DelaisDossier;
import fr.gouv.guichet.demarche.Dossier;
import fr.gouv.guichet.demarche.DocumentsEmis;
import fr.gouv.guichet.demarche.Procedures;
import fr.gouv.guichet.demarche.Recapitulatif;
import fr.gouv.guichet.document.DonneesRecepisse;
import fr.gouv.guichet.document.GenerateurPdf;
import fr.gouv.guichet.formulaire.CatalogueFormulaires;
import fr.gouv.guichet.formulaire.DefinitionFormulaire;
import fr.gouv.guichet.formulaire.Reponses;
import fr.gouv.guichet.juridique.TribunauxAdministratifs;
import fr.gouv.guichet.piece.StockageFichiers;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The récépissé (CRPA accusé de réception) of a deposited dossier, as a PDF. Built from the locked dossier, so
 * it reads the same whenever it is produced.
 *
 * <p>Issue 18: the PDF is not rendered in the deposit (the accusé de réception is e-mailed at once with its legal
 * mentions and a link, see {@link EnvoiRecepisse}); it is rendered at its first download, stored with the uploads,
 * and every later download reads the stored file. One PDF per dossier: should two first downloads race, the first
 * render recorded stays and the other one's file is deleted.
 */
@Component
public class Recepisses {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final DossierRepository dossiers;
    private final Procedures procedures;
    private final CatalogueFormulaires catalogue;
    private final GenerateurPdf pdf;
    private final DelaisDossier delais;
    private final JdbcClient jdbc;
    private final Environment env;
    private final TribunauxAdministratifs tribunaux;
    private final StockageFichiers stockage;

    Recepisses(DossierRepository dossiers, Procedures procedures, CatalogueFormulaires catalogue, GenerateurPdf pdf,
               DelaisDossier delais, JdbcClient jdbc, Environment env, TribunauxAdministratifs tribunaux,
               StockageFichiers stockage) {
        this.dossiers = dossiers;
        this.procedures = procedures;
        this.catalogue = catalogue;
        this.pdf = pdf;
        this.delais = delais;
        this.jdbc = jdbc;
        this.env = env;
        this.tribunaux = tribunaux;
        this.stockage = stockage;
    }

    public static String nomFichier(Dossier dossier) {
        return "accuse-de-reception-" + dossier.numero() + ".pdf";
    }

    public byte[] pdf(Dossier dossier) {
        Optional<byte[]> stocke = stocke(dossier.id());
        if (stocke.isPresent()) {
            return stocke.get();
        }
        byte[] contenu = pdf.genererRecepisse(donnees(dossier));
        String cle = stockage.enregistrer(new ByteArrayInputStream(contenu), contenu.length + 1L);
        if (dossiers.enregistrerFichierDocument(dossier.id(), DocumentsEmis.RECEPISSE, cle)) {
            return contenu;
        }
        stockage.supprimer(cle);
        return stocke(dossier.id()).orElse(contenu);
    }

    private Optional<byte[]> stocke(long dossierId) {
        Optional<String> cle = dossiers.fichierDocument(dossierId, DocumentsEmis.RECEPISSE);
        if (cle.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream flux = stockage.ouvrir(cle.get())) {
            return Optional.of(flux.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("Accusé de réception stocké illisible (dossier " + dossierId + ")", e);
        }
    }

    DonneesRecepisse donnees(Dossier dossier) {
        if (dossier.numero() == null || dossier.deposeLe() == null) {
            throw new IllegalStateException("Pas de récépissé pour un brouillon");
        }
        DefinitionFormulaire definition = catalogue.get(dossier.formulaireId(), dossier.formulaireVersion());
        Reponses reponses = new Reponses(dossier.reponses());
        String code = dossiers.codeDocument(dossier.id(), DocumentsEmis.RECEPISSE).orElseThrow();
        String base = env.getProperty("guichet.url-publique", "http://localhost:8080");
        return new DonneesRecepisse(dossier.numero(), procedures.get(dossier.demarche()).libelle(),
                dossier.deposeLe().atZone(PARIS), service(dossier.id()),
                procedures.cycle(dossier.demarche()).delaiDecisionImplicite() == null ? null
                        : delais.rejetImpliciteSiComplet(dossier.demarche(), dossier.deposeLe()), demandeur(reponses),
                Recapitulatif.lignes(definition, reponses).stream()
                        .map(l -> new DonneesRecepisse.Reponse(l.libelle(), l.valeur())).toList(),
                procedures.get(dossier.demarche()).pieces().pour(definition, reponses).stream()
                        .map(p -> new DonneesRecepisse.PieceAttendue(p.libelle(), p.explication())).toList(),
                code, base + "/verifier/" + code, tribunaux.pour(dossier.codeDepartement()));
    }

    /** The dossier's service instructeur (fixed at deposit) and its contact details, as the administrator entered them. */
    private DonneesRecepisse.Service service(long dossierId) {
        return jdbc.sql("""
                        select s.nom, s.bureau, s.adresse, s.telephone, s.courriel, s.horaires
                        from dossier d join service_instructeur s on s.code = d.service where d.id = ?""")
                .param(dossierId)
                .query((rs, i) -> new DonneesRecepisse.Service(rs.getString(1),
                        rs.getString(2).isBlank() ? "Service instructeur" : rs.getString(2),
                        Arrays.stream(rs.getString(3).split("\n")).map(String::strip).filter(l -> !l.isEmpty()).toList(),
                        rs.getString(4), rs.getString(5), rs.getString(6)))
                .single();
    }

    private static DonneesRecepisse.Demandeur demandeur(Reponses r) {
        String nom = !r.texte("denomination").isBlank() ? r.texte("denomination")
                : (r.texte("prenom") + " " + r.texte("nom_naissance")).strip();
        if (nom.isBlank()) {
            // Forms that name their holder "prenoms" / "nom" and its address "adresse" / "code_postal" / "commune".
            nom = (r.texte("prenoms") + " " + r.texte("nom")).strip();
        }
        List<String> adresse = new ArrayList<>();
        if (r.texte("declarant_voie").isBlank() && !r.texte("adresse").isBlank()) {
            adresse.add(r.texte("adresse"));
            adresse.add((r.texte("code_postal") + " " + r.texte("commune")).strip());
        }
        if (!r.texte("declarant_voie").isBlank()) {
            adresse.add(r.texte("declarant_voie"));
        }
        if (!r.texte("declarant_complement").isBlank()) {
            adresse.add(r.texte("declarant_complement"));
        }
        String ville = (r.texte("declarant_code_postal") + " " + r.texte("declarant_commune")).strip();
        if (!ville.isBlank()) {
            adresse.add(ville);
        }
        if (adresse.isEmpty()) {
            adresse.add("Adresse non renseignée");
        }
        return new DonneesRecepisse.Demandeur(nom.isBlank() ? "Demandeur non renseigné" : nom, adresse);
    }
}
