package dev.placemat.workflows.app.config;

import com.fasterxml.jackson.core.StreamReadConstraints;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API's JSON reader refuses bodies nested deeper than {@code workflows.limits.max-json-depth} (400), and
 * text after the JSON value (400). */
@Configuration(proxyBeanMethods = false)
public class JsonLimitsConfig {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer jsonDepthLimit(WorkflowsProperties properties) {
        int depth = properties.limits().maxJsonDepth();
        return builder -> builder.featuresToEnable(com.fasterxml.jackson.databind.DeserializationFeature
                .FAIL_ON_TRAILING_TOKENS).postConfigurer(mapper -> mapper.getFactory().setStreamReadConstraints(
                StreamReadConstraints.builder().maxNestingDepth(depth).build()));
    }
}
