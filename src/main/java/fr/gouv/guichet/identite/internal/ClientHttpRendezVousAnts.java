package fr.gouv.guichet.identite.internal;

import fr.gouv.guichet.externe.ClientHttpServiceExterne;
import fr.gouv.guichet.externe.ReglagesServiceExterne;
import fr.gouv.guichet.externe.ServiceExterneIndisponibleException;
import fr.gouv.guichet.identite.NumeroPreDemande;
import fr.gouv.guichet.identite.PlateformeNationaleRendezVous;
import org.jspecify.annotations.Nullable;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@link PlateformeNationaleRendezVous} over the ANTS coordination API: {@code GET /status?application_ids=X},
 * {@code POST /appointments?application_id&meeting_point&meeting_point_id&appointment_date&management_url},
 * {@code DELETE /appointments?…} (no update: a move is a deletion and a creation), token in
 * {@code x-rdv-opt-auth-token}. Timeouts, retries and circuit breaker: {@code guichet.identite.ants.service.*}.
 */
public class ClientHttpRendezVousAnts extends ClientHttpServiceExterne implements PlateformeNationaleRendezVous {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public ClientHttpRendezVousAnts(ReglagesServiceExterne reglages, Supplier<String> adresse) {
        super(SYSTEME, reglages, adresse);
    }

    @Override
    public StatutNational statut(NumeroPreDemande numero) {
        return lire("/status?application_ids=" + numero.valeur(), r -> lireStatut(r, numero));
    }

    @Override
    public void declarer(NumeroPreDemande numero, RendezVousNational rdv) {
        modifier("/appointments?" + parametres(numero, rdv, true), Map.of(), r -> r);
    }

    @Override
    public void retirer(NumeroPreDemande numero, RendezVousNational rdv) {
        supprimer("/appointments?" + parametres(numero, rdv, false), r -> r);
    }

    @Override
    protected @Nullable String enTeteJeton() {
        return "x-rdv-opt-auth-token";
    }

    @Override
    protected @Nullable RuntimeException refus(String codeErreur) {
        return null;
    }

    @Override
    protected RuntimeException demandeInvalide() {
        return new ServiceExterneIndisponibleException(SYSTEME, "demande refusée comme mal formée");
    }

    private static String parametres(NumeroPreDemande numero, RendezVousNational rdv, boolean avecUrl) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("application_id", numero.valeur());
        p.put("meeting_point", rdv.lieu());
        p.put("meeting_point_id", rdv.lieuId());
        p.put("appointment_date", DATE.format(rdv.date()));
        if (avecUrl) {
            p.put("management_url", rdv.urlGestion());
        }
        // The transport encodes the address (spaces, accents); what would split the query is taken out beforehand.
        return p.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().replace("&", " et ").replace("#", " ").replace("+", " "))
                .collect(Collectors.joining("&"));
    }

    @SuppressWarnings("unchecked")
    private StatutNational lireStatut(Map<String, Object> reponse, NumeroPreDemande numero) {
        if (!(reponse.get(numero.valeur()) instanceof Map<?, ?> entree)) {
            throw new IllegalArgumentException("numéro absent de la réponse");
        }
        Map<String, Object> e = (Map<String, Object>) entree;
        List<RendezVousNational> rdv = new ArrayList<>();
        if (e.get("appointments") instanceof List<?> liste) {
            for (Object o : liste) {
                Map<String, Object> a = (Map<String, Object>) o;
                rdv.add(new RendezVousNational(texte(a, "meeting_point"), String.valueOf(a.getOrDefault("meeting_point_id", "")),
                        LocalDateTime.parse(texte(a, "appointment_date").replace(' ', 'T')), texte(a, "management_url")));
            }
        }
        return new StatutNational(texte(e, "status"), rdv);
    }
}
