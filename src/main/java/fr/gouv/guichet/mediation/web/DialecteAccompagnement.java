package fr.gouv.guichet.mediation.web;

import org.springframework.stereotype.Component;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IPostProcessorDialect;
import org.thymeleaf.postprocessor.IPostProcessor;
import org.thymeleaf.postprocessor.PostProcessor;
import org.thymeleaf.templatemode.TemplateMode;

import java.util.Set;

/** Registers {@link SaisieSansMemoire} on every HTML page (Spring Boot adds dialect beans to the template engine). */
@Component
class DialecteAccompagnement extends AbstractDialect implements IPostProcessorDialect {

    DialecteAccompagnement() {
        super("Session accompagnée");
    }

    @Override
    public int getDialectPostProcessorPrecedence() {
        return 1000;
    }

    @Override
    public Set<IPostProcessor> getPostProcessors() {
        return Set.of(new PostProcessor(TemplateMode.HTML, SaisieSansMemoire.class, 1000));
    }
}
