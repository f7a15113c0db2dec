package fr.gouv.guichet.tiers.internal;

import fr.gouv.guichet.demarche.Dossiers;
import fr.gouv.guichet.piece.AnalysesAntivirus;
import fr.gouv.guichet.piece.FichierAccepte;
import fr.gouv.guichet.piece.FichierRefuse;
import fr.gouv.guichet.piece.InspecteurFichier;
import fr.gouv.guichet.piece.StockageFichiers;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.util.Objects;

/**
 * The client's mandate, the same for every procedure filed for a client: checked (signatory named, file inspected),
 * stored before the deposit's transaction, then attached to the client's dossier for its instructing service; its
 * fingerprint is what the « mandat réutilisé » rule compares.
 */
@Component
class MandatsClients {

    static final String CHAMP = "mandat";

    /** Either the French message for the mandate's field, or the accepted file (null when signed on screen). */
    record Verifie(@Nullable String erreur, @Nullable FichierAccepte fichier) {
    }

    private final InspecteurFichier inspecteur;
    private final StockageFichiers stockage;
    private final Dossiers dossiers;
    private final Clock horloge;
    private final AnalysesAntivirus analyses;

    MandatsClients(InspecteurFichier inspecteur, StockageFichiers stockage, Dossiers dossiers, Clock horloge,
                   AnalysesAntivirus analyses) {
        this.analyses = analyses;
        this.inspecteur = inspecteur;
        this.stockage = stockage;
        this.dossiers = dossiers;
        this.horloge = horloge;
    }

    Verifie verifier(Mandat mandat) {
        if (mandat.signataire().isBlank() || mandat.signataire().length() > Mandat.SIGNATAIRE_MAX) {
            return new Verifie("Indiquez le nom du client qui signe le mandat (" + Mandat.SIGNATAIRE_MAX + " caractères au plus).", null);
        }
        if (mandat.signeALEcran()) {
            return new Verifie(null, null);
        }
        if (mandat.fichier() == null || mandat.fichier().length == 0) {
            return new Verifie("Joignez le mandat signé par le client (PDF, JPEG ou PNG), ou faites-le signer à l’écran.", null);
        }
        return switch (inspecteur.inspecter(mandat.nomFichier(), mandat.fichier())) {
            case FichierRefuse refus -> new Verifie(refus.message(), null);
            case FichierAccepte accepte -> new Verifie(null, accepte);
        };
    }

    /**
     * Stores an accepted file (outside any transaction) and has it analysed like every upload: it is served only once
     * found safe, an infected one never; null for a mandate signed on screen.
     */
    @Nullable String stocker(Mandat mandat, Verifie verifie) {
        if (verifie.fichier() == null) {
            return null;
        }
        String cle = stockage.enregistrer(new ByteArrayInputStream(Objects.requireNonNull(mandat.fichier())), inspecteur.tailleMax());
        analyses.analyser(cle);
        return cle;
    }

    void oublier(@Nullable String cle) {
        if (cle != null) {
            stockage.supprimer(cle);
        }
    }

    /** The fingerprint the « mandat réutilisé » rule compares: the file's, or one of its own for a mandate signed on screen. */
    String empreinte(long dossier, Mandat mandat, Verifie verifie) {
        FichierAccepte fichier = verifie.fichier();
        return fichier != null ? fichier.sha256()
                : Jetons.empreinte("mandat-ecran:" + dossier + ":" + mandat.signataire() + ":" + horloge.instant());
    }

    /** Attaches the stored mandate to the deposited dossier, by the collaborator who deposited it (before its hand-over). */
    void joindre(long dossier, long collaborateur, DepotRepository.MandatStocke m) {
        dossiers.ajouterPiece(dossier, collaborateur, CHAMP, m.nom(), m.type(), m.taille(), m.sha256(), m.cle());
    }
}
