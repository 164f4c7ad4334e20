package dev.placemat.workflows.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document of {@code /api} (springdoc, from the controllers): snake_case property names as the app's
 * JSON has them, the bearer token and session as security, and every error as {@code application/problem+json}.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfig {

    private static final String PROBLEM = "Problem";
    /** The errors every operation may answer (docs/api.md, Errors); others are documented where they occur. */
    private static final Map<String, String> ERRORS = Map.of(
            "400", "Malformed request: the field errors say what and where",
            "401", "Not signed in: sign in, or send an API token",
            "403", "Your role does not allow this",
            "404", "Not found",
            "422", "Invalid: every error with its path, code and message");

    @Bean
    OpenAPI placematOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Placemat Workflows API").version("1")
                        .description("The REST API of Placemat Workflows (docs/api.md). All JSON is snake_case."))
                // a relative server keeps the document the same on every host and port
                .servers(List.of(new Server().url("/")))
                .components(new Components()
                        .addSecuritySchemes("token", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer"))
                        .addSecuritySchemes("session", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.COOKIE).name("JSESSIONID")))
                .addSecurityItem(new SecurityRequirement().addList("token"))
                .addSecurityItem(new SecurityRequirement().addList("session"));
    }

    /** Schemas of records and classes named as the API names them (the app's one ObjectMapper: snake_case). */
    @Bean
    ModelResolver snakeCaseModels(ObjectMapper objectMapper) {
        return new ModelResolver(objectMapper);
    }

    @Bean
    OpenApiCustomizer problemsInTheDocument() {
        return openApi -> {
            requireAnsweredProperties(openApi);
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation ->
                    ERRORS.forEach((status, description) -> {
                        if (!operation.getResponses().containsKey(status)) {
                            operation.getResponses().addApiResponse(status, new ApiResponse().description(description)
                                    .content(new Content().addMediaType("application/problem+json", new MediaType()
                                            .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
                        }
                    })));
        };
    }

    /**
     * The app writes every property of what it answers, null or not ({@code default-property-inclusion: always}):
     * the schemas of answers, and of the records inside them, require them all, so that the designer's generated
     * types do not make them optional ({@link PropertyPresence} says which may be null, or left out).
     */
    private static void requireAnsweredProperties(OpenAPI openApi) {
        Set<String> answered = new TreeSet<>();
        openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation ->
                operation.getResponses().values().forEach(response -> {
                    if (response.getContent() != null) {
                        response.getContent().values().forEach(media ->
                                require(media.getSchema(), openApi.getComponents().getSchemas(), answered));
                    }
                })));
    }

    /** Requires the properties of the schema a reference, an array or a nullable wrapper names, and of theirs. */
    @SuppressWarnings("rawtypes")
    private static void require(Schema<?> schema, Map<String, Schema> schemas, Set<String> done) {
        if (schema == null) {
            return;
        }
        if (schema.get$ref() != null) {
            String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
            Schema<?> named = schemas.get(name);
            if (named != null && done.add(name) && named.getProperties() != null) {
                Map<String, Schema> properties = named.getProperties();
                named.setRequired(properties.entrySet().stream()
                        .filter(property -> !PropertyPresence.optional(property.getValue()))
                        .map(Map.Entry::getKey).sorted().toList());
                properties.replaceAll((key, property) -> PropertyPresence.settled(property));
                properties.values().forEach(property -> require(property, schemas, done));
            }
        }
        require(schema.getItems(), schemas, done);
        if (schema.getAnyOf() != null) {
            schema.getAnyOf().forEach(part -> require(part, schemas, done));
        }
        if (schema.getAdditionalProperties() instanceof Schema<?> values) {
            require(values, schemas, done);
        }
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        Schema<?> error = new ObjectSchema()
                .addProperty("path", new StringSchema().example("steps[1].config.url"))
                .addProperty("code", new StringSchema().example("required"))
                .addProperty("message", new StringSchema().example("url is required"))
                .required(List.of("path", "code", "message"));
        return new ObjectSchema()
                .description("RFC 9457 problem details, with every field error")
                .addProperty("type", new StringSchema())
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("errors", new ArraySchema().items(error));
    }
}
