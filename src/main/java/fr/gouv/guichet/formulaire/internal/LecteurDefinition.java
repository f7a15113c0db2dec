package fr.gouv.guichet.formulaire.internal;

import fr.gouv.guichet.formulaire.DefinitionFormulaire;
import fr.gouv.guichet.formulaire.DefinitionFormulaireInvalideException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a definition file with Jackson 3. Unknown properties are an error (a typo must not silently drop a rule),
 * except properties starting with {@code _}, kept for comments ({@code "_source"}, {@code "_note"}).
 */
public final class LecteurDefinition {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES) // absent "obligatoire" means false
            .addHandler(new IgnorerCommentaires())
            .build();

    private LecteurDefinition() {
    }

    public static DefinitionFormulaire lire(InputStream json, String origine) {
        try (json) {
            return JSON.readValue(json, DefinitionFormulaire.class);
        } catch (JacksonException | IOException e) {
            throw new DefinitionFormulaireInvalideException(
                    "Définition de formulaire illisible (" + origine + ") : " + e.getMessage(), e);
        }
    }

    private static final class IgnorerCommentaires extends DeserializationProblemHandler {
        @Override
        public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, ValueDeserializer<?> deserializer,
                                             Object beanOrClass, String propertyName) {
            if (propertyName.startsWith("_")) {
                p.skipChildren();
                return true;
            }
            return false;
        }
    }
}
