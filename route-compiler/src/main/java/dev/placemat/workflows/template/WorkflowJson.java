package dev.placemat.workflows.template;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The route compiler's one {@link ObjectMapper}, with Jackson's defaults: template defaults are read with it and
 * config schemas are generated with it. A use that needs other settings derives them from this one
 * ({@link dev.placemat.workflows.validation.ConfigMapper} binds snake_case configs with a configured copy) instead
 * of building a mapper of its own. It sits in this package because every other package of the module already
 * depends on it, and it on none of them.
 */
public final class WorkflowJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private WorkflowJson() {}

    /** The shared mapper; never reconfigure it (derive a {@code copy()} instead). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
