package fr.gouv.fauxservices;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The electronic timbre service: a timbre is available, reserved by one dossier, consumed by one dossier, or
 * refunded; it expires 12 months after purchase. Every change is checked and made under one lock: two dossiers
 * can never both reserve or consume the same timbre.
 */
final class Timbres {

    enum Statut { DISPONIBLE, RESERVE, CONSOMME, REMBOURSE }

    private static final class Timbre {
        final BigDecimal montant;
        final LocalDate achat;
        Statut statut = Statut.DISPONIBLE;
        @Nullable String dossier;

        Timbre(BigDecimal montant, LocalDate achat) {
            this.montant = montant;
            this.achat = achat;
        }
    }

    private final Clock horloge;
    private final Map<String, Timbre> timbres = new HashMap<>();

    Timbres(Clock horloge) {
        this.horloge = horloge;
        LocalDate aujourdhui = LocalDate.now(horloge);
        BigDecimal vingtCinq = new BigDecimal("25.00");
        JeuDeDemonstration.TIMBRES_25_EUROS.forEach(n -> timbres.put(n, new Timbre(vingtCinq, aujourdhui.minusDays(3))));
        timbres.put(JeuDeDemonstration.TIMBRE_86_EUROS, new Timbre(new BigDecimal("86.00"), aujourdhui.minusDays(3)));
        timbres.put(JeuDeDemonstration.TIMBRE_EXPIRE, new Timbre(vingtCinq, aujourdhui.minusMonths(13)));
        Timbre consomme = new Timbre(vingtCinq, aujourdhui.minusMonths(2));
        consomme.statut = Statut.CONSOMME;
        consomme.dossier = JeuDeDemonstration.DOSSIER_ANCIEN;
        timbres.put(JeuDeDemonstration.TIMBRE_DEJA_UTILISE, consomme);
        Timbre rembourse = new Timbre(vingtCinq, aujourdhui.minusMonths(3));
        rembourse.statut = Statut.REMBOURSE;
        timbres.put(JeuDeDemonstration.TIMBRE_REMBOURSE, rembourse);
    }

    synchronized Map<String, Object> verifier(String numero) {
        return etat(numero, trouver(numero), null);
    }

    synchronized Map<String, Object> reserver(String numero, String dossier) {
        Timbre t = trouver(numero);
        refuserSiIndisponible(t, dossier);
        if (t.statut == Statut.DISPONIBLE) {
            if (expire(t)) {
                throw Refuse.expire("timbre-expire", "Timbre expiré (acheté le " + t.achat + ").");
            }
            t.statut = Statut.RESERVE;
            t.dossier = dossier;
        }
        return etat(numero, t, dossier);
    }

    synchronized Map<String, Object> consommer(String numero, String dossier) {
        Timbre t = trouver(numero);
        refuserSiIndisponible(t, dossier);
        if (t.statut == Statut.DISPONIBLE) {
            throw Refuse.conflit("timbre-non-reserve", "Timbre non réservé pour ce dossier.");
        }
        t.statut = Statut.CONSOMME;
        return etat(numero, t, dossier);
    }

    synchronized Map<String, Object> liberer(String numero, String dossier) {
        Timbre t = trouver(numero);
        if (t.statut == Statut.RESERVE && dossier.equals(t.dossier)) {
            t.statut = Statut.DISPONIBLE;
            t.dossier = null;
        }
        return etat(numero, t, dossier);
    }

    /** Refunded, or reserved / consumed by another dossier. */
    private static void refuserSiIndisponible(Timbre t, String dossier) {
        if (t.statut == Statut.REMBOURSE) {
            throw Refuse.conflit("timbre-rembourse", "Timbre remboursé.");
        }
        if (t.statut == Statut.CONSOMME && !dossier.equals(t.dossier)) {
            throw Refuse.conflit("timbre-deja-utilise", "Timbre déjà utilisé pour un autre dossier.");
        }
        if (t.statut == Statut.RESERVE && !dossier.equals(t.dossier)) {
            throw Refuse.conflit("timbre-reserve", "Timbre réservé pour un autre dossier.");
        }
    }

    private Timbre trouver(String numero) {
        Timbre t = timbres.get(numero);
        if (t == null && numero.startsWith(JeuDeDemonstration.PREFIXE_TIMBRES_25_EUROS_A_VOLONTE)) {
            t = new Timbre(new BigDecimal("25.00"), LocalDate.now(horloge));
            timbres.put(numero, t);
        }
        if (t == null) {
            // Passport timbres of the identity titles, as many as wanted (86, 42, 17 €).
            String prefixe = numero.length() < 4 ? "" : numero.substring(0, 4);
            String montant = JeuDeDemonstration.PREFIXES_TIMBRES_PASSEPORT_A_VOLONTE.get(prefixe);
            if (montant != null) {
                t = new Timbre(new BigDecimal(montant), LocalDate.now(horloge));
                timbres.put(numero, t);
            }
        }
        if (t == null) {
            throw Refuse.inconnu("timbre-inconnu", "Timbre inconnu.");
        }
        return t;
    }

    private boolean expire(Timbre t) {
        return valableJusquau(t).isBefore(LocalDate.now(horloge));
    }

    private static LocalDate valableJusquau(Timbre t) {
        return t.achat.plusMonths(12);
    }

    /** The state as the contract gives it; the holding dossier is told only to that dossier. */
    private Map<String, Object> etat(String numero, Timbre t, @Nullable String demandeur) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("numero", numero);
        r.put("statut", t.statut == Statut.DISPONIBLE && expire(t) ? "EXPIRE" : t.statut.name());
        r.put("montant", t.montant.toPlainString());
        r.put("dateAchat", t.achat.toString());
        r.put("valableJusquau", valableJusquau(t).toString());
        if (demandeur != null && demandeur.equals(t.dossier)) {
            r.put("dossier", t.dossier);
        }
        return r;
    }
}
