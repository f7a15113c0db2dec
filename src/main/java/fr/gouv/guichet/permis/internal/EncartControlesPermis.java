package fr.gouv.guichet.permis.internal;

import fr.gouv.guichet.demarche.Dossier;
import fr.gouv.guichet.demarche.InstructionDossiers;
import fr.gouv.guichet.demarche.Historique;
import fr.gouv.guichet.demarche.Procedures;
import fr.gouv.guichet.instruction.EncartDossier;
import fr.gouv.guichet.permis.CategoriePermis;
import fr.gouv.guichet.permis.CyclePermis;
import fr.gouv.guichet.permis.Neph;
import fr.gouv.guichet.permis.externe.DossierCandidat;
import fr.gouv.guichet.timbre.EtatTimbre;
import fr.gouv.guichet.permis.externe.PhotoSignature;
import fr.gouv.guichet.permis.externe.RefusServiceExterneException;
import fr.gouv.guichet.permis.externe.ResultatsExamen;
import fr.gouv.guichet.externe.ServiceExterneIndisponibleException;
import fr.gouv.guichet.permis.externe.ServicePhotos;
import fr.gouv.guichet.timbre.ServiceTimbres;
import fr.gouv.guichet.permis.internal.ControlesPermis.Controle;
import fr.gouv.guichet.permis.internal.ControlesPermis.Issue;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The checks of a licence title request on the CERT agent's dossier page (issue 12, point 10): identity document,
 * ePhoto fetched from the photo service, timbre consumed, NEPH, examination result asked to the results service, then
 * the title's production. A service that does not answer is said so, check by check: the page still opens and the
 * agent can come back to it; nothing is recorded by looking.
 */
@Component
class EncartControlesPermis implements EncartDossier {

    private static final java.time.format.DateTimeFormatter DATE = FabricationTitres.DATE;

    private final Procedures procedures;
    private final InstructionDossiers dossiers;
    private final ServicePhotos photos;
    private final ServiceTimbres timbres;
    private final ResultatsExamen examens;
    private final FabricationsRepository fabrications;

    EncartControlesPermis(Procedures procedures, InstructionDossiers dossiers, ServicePhotos photos,
                          ServiceTimbres timbres, ResultatsExamen examens, FabricationsRepository fabrications) {
        this.procedures = procedures;
        this.dossiers = dossiers;
        this.photos = photos;
        this.timbres = timbres;
        this.examens = examens;
        this.fabrications = fabrications;
    }

    @Override
    public boolean concerne(Dossier dossier) {
        return procedures.cycle(dossier.demarche()).code().equals(CyclePermis.TITRE.code());
    }

    @Override
    public String gabarit() {
        return "permis/controles";
    }

    @Override
    public ControlesPermis donnees(Dossier dossier) {
        ReponsesPermis r = ReponsesPermis.de(dossier);
        List<Controle> controles = new ArrayList<>();
        controles.add(pieceIdentite(dossier));
        Optional<PhotoSignature> photo = Optional.empty();
        if (r.ephoto().isEmpty()) {
            controles.add(new Controle("ephoto", "Photo et signature (ePhoto)", Issue.A_VERIFIER, r.ephotoSaisi().isEmpty()
                    ? "Aucun code ePhoto dans la demande." : "Le code ePhoto « " + r.ephotoSaisi() + " » est mal formé."));
        } else {
            Appel<PhotoSignature> appel = appeler(() -> photos.recuperer(r.ephoto().orElseThrow()));
            photo = Optional.ofNullable(appel.resultat());
            controles.add(appel.controle("ephoto", "Photo et signature (ePhoto)", p -> new Controle("ephoto",
                    "Photo et signature (ePhoto)", Issue.CONFORME, "Photo et signature récupérées pour le code " + p.code()
                    + " (prise de vue le " + DATE.format(p.datePriseDeVue()) + ", valable jusqu’au " + DATE.format(p.valableJusquau())
                    + ") : comparez-les à la pièce d’identité.")));
        }
        controles.add(timbre(r));
        controles.addAll(nephEtExamen(r));
        return new ControlesPermis(controles, photo.map(p -> "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(p.photoJpeg())).orElse(null),
                photo.map(p -> "data:image/png;base64," + Base64.getEncoder().encodeToString(p.signaturePng())).orElse(null),
                fabrications.de(dossier.id()).orElse(null));
    }

    private Controle pieceIdentite(Dossier dossier) {
        List<Historique.PieceJointe> pieces = dossiers.pieces(dossier.id()).stream()
                .filter(p -> p.codePiece().toLowerCase(Locale.ROOT).contains("identite")).toList();
        if (pieces.isEmpty()) {
            return new Controle("identite", "Pièce d’identité", Issue.A_VERIFIER,
                    "Aucune pièce d’identité jointe : demandez-la avec l’action « Demande de pièces complémentaires ».");
        }
        return new Controle("identite", "Pièce d’identité", Issue.CONFORME, "Jointe : " + pieces.stream()
                .map(Historique.PieceJointe::nom).collect(Collectors.joining(", "))
                + ". Vérifiez qu’elle est en cours de validité et qu’elle correspond à l’identité déclarée.");
    }

    private Controle timbre(ReponsesPermis r) {
        String objet = "Timbre fiscal";
        if (r.timbreSaisi().isEmpty()) {
            return new Controle("timbre", objet, Issue.SANS_OBJET, "Aucun timbre dans cette demande.");
        }
        if (r.timbre().isEmpty()) {
            return new Controle("timbre", objet, Issue.A_VERIFIER, "Le numéro de timbre « " + r.timbreSaisi() + " » est mal formé.");
        }
        return appeler(() -> timbres.verifier(r.timbre().orElseThrow())).controle("timbre", objet, (EtatTimbre t) -> {
            String montant = t.montant().stripTrailingZeros().toPlainString() + " €";
            return t.statut() == EtatTimbre.StatutTimbre.CONSOMME
                    ? new Controle("timbre", objet, Issue.CONFORME, "Timbre n° " + t.numero().pourAffichage() + " de " + montant
                    + " consommé (acheté le " + DATE.format(t.dateAchat()) + ").")
                    : new Controle("timbre", objet, Issue.A_VERIFIER, "Timbre n° " + t.numero().pourAffichage() + " de " + montant
                    + " : état « " + t.statut().name().toLowerCase(Locale.ROOT) + " » au service des timbres, il n’est pas consommé.");
        });
    }

    private List<Controle> nephEtExamen(ReponsesPermis r) {
        String saisi = r.nephSaisi();
        if (saisi.isEmpty()) {
            return List.of(new Controle("neph", "NEPH", Issue.SANS_OBJET, "Aucun NEPH dans cette demande."),
                    new Controle("examen", "Résultat de l’examen", Issue.SANS_OBJET, "Sans NEPH, pas de résultat d’examen à interroger."));
        }
        Optional<Neph> neph = r.neph();
        if (neph.isEmpty()) {
            return List.of(new Controle("neph", "NEPH", Issue.A_VERIFIER, "NEPH « " + saisi + " » invalide : "
                    + Neph.probleme(saisi.replaceAll("\\s", "")) + "."),
                    new Controle("examen", "Résultat de l’examen", Issue.A_VERIFIER, "Résultat non interrogé : le NEPH est invalide."));
        }
        Controle controleNeph = new Controle("neph", "NEPH", Issue.CONFORME, "NEPH " + neph.get().pourAffichage()
                + " : structure valide (inscription de " + neph.get().moisInscription().format(
                java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRANCE)) + ").");
        Controle examen = appeler(() -> examens.candidat(neph.get())).controle("examen", "Résultat de l’examen", candidat ->
                candidat.map(c -> resultat(c, r)).orElseGet(() -> new Controle("examen", "Résultat de l’examen", Issue.A_VERIFIER,
                        "Le service des résultats ne connaît aucun candidat pour ce NEPH.")));
        return List.of(controleNeph, examen);
    }

    /** Who passed what and when, compared with the request (name, birth date, category, date). */
    static Controle resultat(DossierCandidat c, ReponsesPermis r) {
        String reussites = c.reussites().isEmpty() ? "aucune catégorie réussie" : c.reussites().stream()
                .map(x -> "catégorie " + x.categorie().name() + " le " + DATE.format(x.date())).collect(Collectors.joining(", "));
        String qui = c.prenoms() + " " + c.nom() + ", né(e) le " + DATE.format(c.dateNaissance());
        List<String> ecarts = new ArrayList<>();
        if (!c.nom().equalsIgnoreCase(r.nom()) || !r.dateNaissance().map(c.dateNaissance()::equals).orElse(false)) {
            ecarts.add("l’identité déclarée (" + r.prenoms() + " " + r.nom() + ") diffère de celle du candidat");
        }
        Optional<CategoriePermis> demandee = r.categorieObtenue();
        if (demandee.isPresent()) {
            Optional<LocalDate> le = c.reussiteLe(demandee.get());
            if (le.isEmpty()) {
                ecarts.add("la catégorie " + demandee.get().name() + " demandée n’est pas réussie");
            } else if (r.dateExamen().isPresent() && !r.dateExamen().get().equals(le.get())) {
                ecarts.add("la date de réussite déclarée (" + DATE.format(r.dateExamen().get()) + ") diffère de celle du résultat");
            }
        }
        String constat = qui + " : " + reussites + ".";
        return ecarts.isEmpty() ? new Controle("examen", "Résultat de l’examen", Issue.CONFORME, constat)
                : new Controle("examen", "Résultat de l’examen", Issue.A_VERIFIER, constat + " Attention : " + String.join(" ; ", ecarts) + ".");
    }

    /** An external call's result, or why there is none (refusal, service unreachable). */
    private record Appel<T>(@org.jspecify.annotations.Nullable T resultat, @org.jspecify.annotations.Nullable String refus,
                            @org.jspecify.annotations.Nullable String panne) {

        Controle controle(String code, String objet, java.util.function.Function<T, Controle> succes) {
            if (panne != null) {
                return new Controle(code, objet, Issue.INJOIGNABLE, panne);
            }
            if (refus != null) {
                return new Controle(code, objet, Issue.A_VERIFIER, refus);
            }
            return succes.apply(java.util.Objects.requireNonNull(resultat));
        }
    }

    private static <T> Appel<T> appeler(Supplier<T> appel) {
        try {
            return new Appel<>(appel.get(), null, null);
        } catch (RefusServiceExterneException e) {
            return new Appel<>(null, e.refus().message(), null);
        } catch (ServiceExterneIndisponibleException e) {
            return new Appel<>(null, null, "Nous n’arrivons pas à joindre " + e.service().designation() + " : ce contrôle n’a pas "
                    + "pu être fait. Rien n’est perdu ; rechargez la page dans quelques minutes pour le refaire.");
        }
    }
}
