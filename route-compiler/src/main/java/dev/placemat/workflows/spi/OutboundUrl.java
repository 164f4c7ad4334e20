package dev.placemat.workflows.spi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a config field that holds an address the platform calls. When a definition is saved, a literal one (scheme
 * and host written out, not templated) must be an http or https URL that the outbound guard allows. Templated ones
 * are checked when the step runs, like every address.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface OutboundUrl {}
