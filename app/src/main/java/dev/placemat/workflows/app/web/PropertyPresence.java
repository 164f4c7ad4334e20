package dev.placemat.workflows.app.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.annotation.Annotation;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * Whether a property of an answered record may be null or absent, in the OpenAPI document: one marked
 * {@link Nullable} may be {@code null} (3.1: the type {@code null} besides its own), one its record leaves out when
 * null ({@code @JsonInclude(NON_NULL)}) is not required. Properties are marked here, while their annotations are
 * known, and settled by {@link OpenApiConfig} when it requires the others; the designer's generated types then say
 * {@code | null} and {@code ?} where the app writes null or nothing.
 */
@Component
class PropertyPresence implements PropertyCustomizer {

    private static final String OPTIONAL = "x-optional";
    private static final String NULLABLE = "x-nullable";

    @Override
    @SuppressWarnings("rawtypes")
    public Schema customize(Schema property, AnnotatedType type) {
        if (property != null && type.getCtxAnnotations() != null) {
            for (Annotation annotation : type.getCtxAnnotations()) {
                if (annotation instanceof JsonInclude include && include.value() != JsonInclude.Include.ALWAYS) {
                    property.addExtension(OPTIONAL, true);
                } else if (annotation instanceof Nullable) {
                    property.addExtension(NULLABLE, true);
                }
            }
        }
        return property;
    }

    /** Whether the property is left out when null; removes the mark, from it and its items. */
    @SuppressWarnings("rawtypes")
    static boolean optional(Schema<?> property) {
        boolean optional = unmark(property, OPTIONAL);
        unmark(property.getItems(), OPTIONAL);
        return optional;
    }

    /** The property as the document shows it: null allowed where it was marked so; the marks removed. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static Schema settled(Schema property) {
        unmark(property.getItems(), NULLABLE);
        if (!unmark(property, NULLABLE)) {
            return property;
        }
        if (property.get$ref() != null) {
            return new JsonSchema().anyOf(List.of(new JsonSchema().$ref(property.get$ref()),
                    new JsonSchema().typesItem("null")));
        }
        LinkedHashSet<String> types = new LinkedHashSet<>(property.getTypes() != null ? property.getTypes()
                : property.getType() != null ? List.of(property.getType()) : List.of());
        types.add("null");
        property.types(types);
        return property;
    }

    private static boolean unmark(Schema<?> schema, String mark) {
        Map<String, Object> extensions = schema == null ? null : schema.getExtensions();
        boolean marked = extensions != null && extensions.remove(mark) != null;
        if (extensions != null && extensions.isEmpty()) {
            schema.setExtensions(null);
        }
        return marked;
    }
}
