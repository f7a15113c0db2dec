package fr.gouv.guichet.socle;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.util.function.Supplier;

/**
 * A value computed once per HTTP request (issue 18: the signed-in usager's or agent's profile was read several times
 * for one page). Kept as a request attribute, so it lives no longer than the request: a deactivation, a change of
 * rights or e-mail applies at the next request, on every instance. Outside a request, computed every time.
 */
public final class ParRequete {

    private static final String PREFIXE = ParRequete.class.getName() + ".";

    private ParRequete() {
    }

    /** The value memorized under {@code cle} for this request, or {@code calcul}'s result, memorized. */
    @SuppressWarnings("unchecked")
    public static <T> T memoriser(String cle, Supplier<T> calcul) {
        RequestAttributes requete = RequestContextHolder.getRequestAttributes();
        if (requete == null) {
            return calcul.get();
        }
        Object memo = requete.getAttribute(PREFIXE + cle, RequestAttributes.SCOPE_REQUEST);
        if (memo != null) {
            return (T) memo;
        }
        T valeur = calcul.get();
        requete.setAttribute(PREFIXE + cle, valeur, RequestAttributes.SCOPE_REQUEST);
        return valeur;
    }
}
