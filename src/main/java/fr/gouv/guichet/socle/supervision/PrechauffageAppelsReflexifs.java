package fr.gouv.guichet.socle.supervision;

import fr.gouv.guichet.socle.Prechauffage;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * Creates, at start-up, the reflective accessor of every method of Guichet's beans (ADR 0033), without running any:
 * Spring calls controllers' handler methods and the methods of beans behind a proxy ({@code @Transactional},
 * repositories) by {@link Method#invoke}, whose first call on each method builds a method handle and spins its
 * classes (JFR, first use after start: 207 of the 624 classes loaded in request threads, a few ms each on a loaded
 * machine). Each method is called with one argument too many: {@code Method.invoke} creates and keeps the accessor,
 * then refuses the call ({@link IllegalArgumentException}, « wrong number of arguments ») before the method runs.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class PrechauffageAppelsReflexifs implements Prechauffage {

    private final ConfigurableListableBeanFactory beans;

    PrechauffageAppelsReflexifs(ConfigurableListableBeanFactory beans) {
        this.beans = beans;
    }

    @Override
    public String nom() {
        return "accesseurs réflexifs des méthodes des beans de Guichet (aucune exécutée)";
    }

    @Override
    public void prechauffer() throws InvocationTargetException {
        for (String nom : beans.getBeanDefinitionNames()) {
            if (!beans.containsSingleton(nom)) {
                continue; // never instantiate a lazy or scoped bean for a warm-up
            }
            Object bean = beans.getSingleton(nom);
            if (bean == null || !ClassUtils.getUserClass(bean).getName().startsWith("fr.gouv.guichet.")) {
                continue;
            }
            for (Method methode : ClassUtils.getUserClass(bean).getDeclaredMethods()) {
                preparer(bean, methode);
            }
        }
    }

    static void preparer(Object bean, Method methode) throws InvocationTargetException {
        int modificateurs = methode.getModifiers();
        if (Modifier.isStatic(modificateurs) || Modifier.isPrivate(modificateurs) || methode.isSynthetic() || methode.isBridge()) {
            return;
        }
        try {
            methode.setAccessible(true);
            methode.invoke(bean, new Object[methode.getParameterCount() + 1]);
        } catch (IllegalArgumentException | IllegalAccessException | SecurityException attendu) {
            return; // refused before running: the accessor is built
        }
        throw new IllegalStateException("Méthode exécutée par le préchauffage malgré un argument de trop : " + methode);
    }
}
