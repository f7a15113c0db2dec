package fr.gouv.fauxservices;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The title production: one order per dossier (ordering again gives the same order), produced then shipped
 * {@code delaiExpedition} after the order, with a tracking number; delivery 2 days after shipping.
 */
final class Production {

    private record Commande(String numero, String dossier, Instant commandeLe) {
    }

    private final Clock horloge;
    private final Duration delaiExpedition;
    private final Map<String, Commande> parDossier = new HashMap<>();
    private final Map<String, Commande> parNumero = new HashMap<>();
    private final Map<String, java.util.List<String>> certificatsDemandes = new HashMap<>();

    Production(Clock horloge, Duration delaiExpedition) {
        this.horloge = horloge;
        this.delaiExpedition = delaiExpedition;
    }

    synchronized Map<String, Object> commander(Map<String, Object> demande) {
        String dossier = Routeur.texte(demande, "dossier");
        for (String champ : new String[] {"neph", "nom", "prenoms", "dateNaissance", "ephoto", "codePostal", "commune"}) {
            Routeur.texte(demande, champ);
        }
        if (!(demande.get("categories") instanceof java.util.List<?> categories) || categories.isEmpty()) {
            throw Refuse.invalide("categories : au moins une catégorie.");
        }
        return commande(dossier);
    }

    /** A registration certificate (vehicle registration, issue 13): same production and shipping as a title. */
    synchronized Map<String, Object> commanderCertificat(Map<String, Object> demande) {
        String dossier = Routeur.texte(demande, "dossier");
        for (String champ : new String[] {"immatriculation", "nom", "adresse", "codePostal", "commune"}) {
            Routeur.texte(demande, champ);
        }
        certificatsDemandes.computeIfAbsent(dossier, d -> new java.util.ArrayList<>()).add(Routeur.texte(demande, "nom"));
        return commande(dossier);
    }

    /**
     * How many times a registration certificate was ordered for this dossier (orders that reached the production,
     * the ones refused by a programmed failure not counted): the service gives the same order back, but a client
     * that orders twice is at fault.
     */
    synchronized int certificatsDemandes(String dossier) {
        return certificatsDemandes.getOrDefault(dossier, java.util.List.of()).size();
    }

    /** The holder named by each certificate order of this dossier, in order. */
    synchronized java.util.List<String> titulairesCertificats(String dossier) {
        return java.util.List.copyOf(certificatsDemandes.getOrDefault(dossier, java.util.List.of()));
    }

    /** One order per dossier: ordering again gives the same order. */
    private Map<String, Object> commande(String dossier) {
        Commande commande = parDossier.computeIfAbsent(dossier, d -> {
            Commande nouvelle = new Commande(String.format("CMD-%06d", parNumero.size() + 1), d, horloge.instant());
            parNumero.put(nouvelle.numero(), nouvelle);
            return nouvelle;
        });
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("numeroCommande", commande.numero());
        r.put("dossier", commande.dossier());
        r.put("productionPrevueLe", jour(commande.commandeLe().plus(delaiExpedition)).toString());
        return r;
    }

    synchronized Map<String, Object> suivre(String numero) {
        Commande commande = parNumero.get(numero);
        if (commande == null) {
            throw Refuse.inconnu("commande-inconnue", "Commande inconnue.");
        }
        Instant expedition = commande.commandeLe().plus(delaiExpedition);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("numeroCommande", numero);
        if (horloge.instant().isBefore(expedition)) {
            r.put("etape", "EN_PRODUCTION");
        } else {
            r.put("etape", "EXPEDIE");
            r.put("numeroSuivi", "8R" + String.format("%011d", Math.abs((long) numero.hashCode()) % 100_000_000_000L));
            r.put("expedieLe", jour(expedition).toString());
        }
        r.put("livraisonPrevueLe", jour(expedition).plusDays(2).toString());
        return r;
    }

    private LocalDate jour(Instant instant) {
        return LocalDate.ofInstant(instant, horloge.getZone());
    }
}
