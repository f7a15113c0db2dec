package fr.gouv.guichet.commission.internal;

import fr.gouv.guichet.commission.Commissions;
import fr.gouv.guichet.commission.Seance;
import fr.gouv.guichet.demarche.Dossier;
import fr.gouv.guichet.demarche.InstructionDossiers;
import fr.gouv.guichet.demarche.Procedures;
import fr.gouv.guichet.commission.DonneesOrdreDuJour;
import fr.gouv.guichet.document.GenerateurPdf;
import fr.gouv.guichet.referentiel.Departements;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A session's agenda: the dossiers currently inscribed, sites exposed to terrorist threat first (examined in
 * priority), then oldest deposit first; on screen and as the PDF sent to the members.
 */
@Component
public class OrdresDuJour {

    private static final Comparator<LigneOrdreDuJour> ORDRE = Comparator.comparing((LigneOrdreDuJour l) -> !l.prioritaire())
            .thenComparing(LigneOrdreDuJour::deposeLe).thenComparing(LigneOrdreDuJour::dossierId);

    private final SeancesCommission seances;
    private final InstructionDossiers dossiers;
    private final Commissions commissions;
    private final Procedures procedures;
    private final Departements departements;
    private final GenerateurPdf generateur;

    OrdresDuJour(SeancesCommission seances, InstructionDossiers dossiers, Commissions commissions,
                 Procedures procedures, Departements departements, GenerateurPdf generateur) {
        this.seances = seances;
        this.dossiers = dossiers;
        this.commissions = commissions;
        this.procedures = procedures;
        this.departements = departements;
        this.generateur = generateur;
    }

    public List<LigneOrdreDuJour> lignes(Seance seance) {
        return seances.ordreDuJour(seance.id()).stream()
                .map(i -> dossiers.pourInstruction(i.dossierId()).map(d -> ligne(d, i)).orElse(null))
                .filter(Objects::nonNull)
                .sorted(ORDRE)
                .toList();
    }

    /** The agenda as a PDF; the session must have at least one dossier. */
    public byte[] pdf(Seance seance) {
        List<DonneesOrdreDuJour.DossierInscrit> inscrits = lignes(seance).stream()
                .map(l -> new DonneesOrdreDuJour.DossierInscrit(l.numero(), l.demandeur(), l.commune(), l.demarche(), l.cameras(),
                        l.prioritaire()))
                .toList();
        String prefecture = departements.parCode(seance.codeDepartement()).orElseThrow().libellePrefecture();
        return new DonneesOrdreDuJour(prefecture, seance.debut(), seance.lignesLieu(), inscrits).pdf(generateur);
    }

    private LigneOrdreDuJour ligne(Dossier d, SeancesCommission.Inscription i) {
        Map<String, Object> r = d.reponses();
        return new LigneOrdreDuJour(d.id(), Objects.requireNonNullElse(d.numero(), "—"), demandeur(r),
                nonVide(texte(r.get("systeme_commune")), "Commune non renseignée"), demarche(d.demarche()), cameras(r),
                d.prioritaire(), d.etat(), Objects.requireNonNullElse(d.deposeLe(), d.creeLe()), i.avis(), i.texteAvis(),
                commissions.echeanceAvis(d.id()).orElse(null));
    }

    /** Raison sociale, else first name and name. */
    static String demandeur(Map<String, Object> r) {
        String denomination = texte(r.get("denomination"));
        if (!denomination.isEmpty()) {
            return denomination;
        }
        return nonVide((texte(r.get("prenom")) + " " + texte(r.get("nom_naissance"))).strip(), "Demandeur non renseigné");
    }

    /** Interior, exterior and public-road cameras; for a bank, summed over its agencies. */
    static int cameras(Map<String, Object> r) {
        int total = nombre(r.get("cameras_interieures")) + nombre(r.get("cameras_exterieures")) + nombre(r.get("cameras_voie_publique"));
        if (r.get("agences") instanceof List<?> agences) {
            for (Object agence : agences) {
                if (agence instanceof Map<?, ?> a) {
                    total += nombre(a.get("cameras_interieures")) + nombre(a.get("cameras_exterieures"));
                }
            }
        }
        return total;
    }

    private String demarche(String code) {
        return switch (code) {
            case "VP_AUTORISATION" -> "Nouveau système";
            case "VP_MODIFICATION" -> "Modification";
            case "VP_RENOUVELLEMENT" -> "Renouvellement";
            case "VP_BANQUE" -> "Établissement bancaire";
            default -> procedures.get(code).libelle();
        };
    }

    private static int nombre(@Nullable Object valeur) {
        if (valeur instanceof Number n) {
            return Math.max(0, n.intValue());
        }
        try {
            return Math.max(0, Integer.parseInt(texte(valeur)));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String texte(@Nullable Object valeur) {
        return valeur == null ? "" : valeur.toString().strip();
    }

    private static String nonVide(String valeur, String defaut) {
        return valeur.isEmpty() ? defaut : valeur;
    }
}
