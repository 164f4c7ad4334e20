package dev.placemat.workflows.template;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * How the templates of one action's config are resolved. {@link #LENIENT} (conditions, control steps): a path that
 * leads nowhere gives {@code null}, or empty text inside longer text. {@link #strict}: such a path fails the step,
 * unless the template gives a default, or the field holding it is an optional field of the config record (no
 * {@code @JsonProperty(required = true)}); that field is then left out. Fields inside free-form values (maps, JSON
 * bodies, lists of text) are not described by the record and are never left out silently. Escapes apply to the
 * values a template puts into a field's text, never to the text the author wrote around them.
 */
public final class FieldRules {

    public static final FieldRules LENIENT = new FieldRules(false, null, Map.of());

    private final boolean strict;
    private final Shape root;
    private final Map<String, UnaryOperator<String>> escapes;

    private FieldRules(boolean strict, Shape root, Map<String, UnaryOperator<String>> escapes) {
        this.strict = strict;
        this.root = root;
        this.escapes = Map.copyOf(escapes);
    }

    /**
     * @param configType the action's config record
     * @param escapes    escapes by field path ({@code message}, {@code project_data.name}; list items add nothing)
     */
    public static FieldRules strict(Class<?> configType, Map<String, UnaryOperator<String>> escapes) {
        return new FieldRules(true, Shape.of(configType, new HashMap<>()), escapes);
    }

    boolean strict() {
        return strict;
    }

    Shape root() {
        return root;
    }

    /** The escape for values put into the field at {@code path}, or none. */
    UnaryOperator<String> escapeAt(String path) {
        return escapes.get(path);
    }

    /** The fields of a config record (or of a record inside it), as far as the record describes them. */
    static final class Shape {

        /** One described field: whether the config must have it, and the shape of its value if it is a record. */
        record Member(boolean required, Shape value) {}

        private final Map<String, Member> members = new HashMap<>();
        private Shape items;

        static Shape of(Type type, Map<Class<?>, Shape> seen) {
            Class<?> raw = raw(type);
            if (raw != null && raw.isRecord()) {
                Shape known = seen.get(raw);
                if (known != null) {
                    return known;
                }
                Shape shape = new Shape();
                seen.put(raw, shape);
                for (RecordComponent component : raw.getRecordComponents()) {
                    shape.members.put(name(raw, component), new Member(required(raw, component),
                            of(component.getGenericType(), seen)));
                }
                return shape;
            }
            if (raw != null && (raw.isArray() || Collection.class.isAssignableFrom(raw))) {
                Type element = raw.isArray() ? raw.getComponentType()
                        : type instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : null;
                Shape itemShape = element == null ? null : of(element, seen);
                if (itemShape == null) {
                    return null;
                }
                Shape list = new Shape();
                list.items = itemShape;
                return list;
            }
            return null;
        }

        /** The member named {@code name}, or null when this shape does not describe it. */
        Member member(String name) {
            return members.get(name);
        }

        /** The shape of list items, or null. */
        Shape items() {
            return items;
        }

        private static Class<?> raw(Type type) {
            if (type instanceof Class<?> c) {
                return c;
            }
            return type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c ? c : null;
        }

        private static String name(Class<?> record, RecordComponent component) {
            JsonProperty property = annotation(record, component);
            if (property != null && !property.value().isEmpty()) {
                return property.value();
            }
            return PropertyNamingStrategies.SnakeCaseStrategy.INSTANCE.translate(component.getName());
        }

        private static boolean required(Class<?> record, RecordComponent component) {
            JsonProperty property = annotation(record, component);
            return property != null && property.required();
        }

        /** Jackson annotations on a record component land on its field, its accessor or the constructor parameter. */
        private static JsonProperty annotation(Class<?> record, RecordComponent component) {
            JsonProperty onAccessor = component.getAccessor().getAnnotation(JsonProperty.class);
            if (onAccessor != null) {
                return onAccessor;
            }
            try {
                Field field = record.getDeclaredField(component.getName());
                return field.getAnnotation(JsonProperty.class);
            } catch (NoSuchFieldException e) {
                return null;
            }
        }
    }
}
