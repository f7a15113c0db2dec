package fr.gouv.guichet.socle;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Renders a page's view with a model built in memory, outside any HTTP request (issue 18, point 5, ADR 0033): the
 * template and its fragments are parsed, its expressions evaluated on the model's real types, through the same view
 * resolver, Spring request context and CSRF hidden fields as a real page. For the warm-up of the authenticated pages,
 * which no request can reach at start-up (there is no technical account, and none is created).
 * <p>
 * The request and the response only exist in this process (no socket, no session, no security context, a CSRF token
 * drawn at random and thrown away): nothing is reachable from outside, nothing is written.
 */
@Component
public class RenduEnMemoire {

    private final ViewResolver vues;
    private final WebApplicationContext contexte;

    RenduEnMemoire(@org.springframework.beans.factory.annotation.Qualifier("thymeleafViewResolver") ViewResolver vues,
                   WebApplicationContext contexte) {
        this.vues = vues;
        this.contexte = contexte;
    }

    /**
     * Renders the view {@code vue} ({@code "demarche/mes-dossiers"}…) as the page of {@code chemin} with {@code modele};
     * returns the HTML (warm-up tests check that it is the real page).
     */
    public String rendre(String vue, String chemin, Map<String, ?> modele) throws Exception {
        View view = vues.resolveViewName(vue, Locale.FRANCE);
        if (view == null) {
            throw new IllegalStateException("Vue introuvable : " + vue);
        }
        StringWriter html = new StringWriter();
        Map<String, Object> attributs = new HashMap<>();
        DefaultCsrfToken jeton = new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", UUID.randomUUID().toString());
        attributs.put(CsrfToken.class.getName(), jeton);
        attributs.put("_csrf", jeton);
        attributs.put(DispatcherServlet.WEB_APPLICATION_CONTEXT_ATTRIBUTE, contexte);
        view.render(modele, requete(chemin, attributs), reponse(new PrintWriter(html)));
        return html.toString();
    }

    private HttpServletRequest requete(String chemin, Map<String, Object> attributs) {
        ServletContext servlet = contexte.getServletContext();
        InvocationHandler h = (proxy, methode, args) -> switch (methode.getName()) {
            case "getAttribute" -> attributs.get((String) args[0]);
            case "setAttribute" -> args[1] == null ? attributs.remove((String) args[0]) : attributs.put((String) args[0], args[1]);
            case "removeAttribute" -> attributs.remove((String) args[0]);
            case "getAttributeNames" -> Collections.enumeration(List.copyOf(attributs.keySet()));
            case "getContextPath" -> servlet == null ? "" : servlet.getContextPath();
            case "getServletPath", "getQueryString", "getPathInfo" -> methode.getName().equals("getServletPath") ? "" : null;
            case "getRequestURI" -> (servlet == null ? "" : servlet.getContextPath()) + chemin;
            case "getRequestURL" -> new StringBuffer("http://localhost" + chemin);
            case "getMethod" -> "GET";
            case "getScheme" -> "http";
            case "getServerName", "getRemoteAddr", "getLocalAddr" -> "127.0.0.1";
            case "getServerPort", "getLocalPort", "getRemotePort" -> 80;
            case "getLocale" -> Locale.FRANCE;
            case "getLocales" -> Collections.enumeration(List.of(Locale.FRANCE));
            case "getCharacterEncoding" -> StandardCharsets.UTF_8.name();
            case "getParameterMap" -> Map.of();
            case "getParameterNames", "getHeaderNames", "getHeaders" -> Collections.emptyEnumeration();
            case "getServletContext" -> servlet;
            case "getDispatcherType" -> DispatcherType.REQUEST;
            case "getSession" -> null;
            case "getCookies" -> new jakarta.servlet.http.Cookie[0];
            case "toString" -> "requête en mémoire " + chemin;
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            default -> defaut(methode.getReturnType());
        };
        return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{HttpServletRequest.class}, h);
    }

    private HttpServletResponse reponse(PrintWriter sortie) {
        InvocationHandler h = (proxy, methode, args) -> switch (methode.getName()) {
            case "getWriter" -> sortie;
            case "encodeURL", "encodeRedirectURL" -> args[0];
            case "getCharacterEncoding" -> StandardCharsets.UTF_8.name();
            case "getLocale" -> Locale.FRANCE;
            case "getStatus" -> 200;
            case "toString" -> "réponse en mémoire";
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            default -> defaut(methode.getReturnType());
        };
        return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{HttpServletResponse.class}, h);
    }

    private static Object defaut(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        return null;
    }
}
