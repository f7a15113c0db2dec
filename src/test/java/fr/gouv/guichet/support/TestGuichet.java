package fr.gouv.guichet.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The whole application on a random port, against an embedded PostgreSQL 18 and the embedded SMTP server.
 * Every integration and browser test uses exactly this annotation, so they share one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "guichet.url-publique=http://localhost:${local.server.port}")
@AutoConfigureMockMvc
@ActiveProfiles("test")
public @interface TestGuichet {
}
