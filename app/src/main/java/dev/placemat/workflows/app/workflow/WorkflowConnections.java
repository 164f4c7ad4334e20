package dev.placemat.workflows.app.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.app.connections.ConnectionAccess;
import dev.placemat.workflows.app.connections.ConnectionStore;
import dev.placemat.workflows.app.connections.ConnectionType;
import dev.placemat.workflows.app.identity.CurrentUser;
import dev.placemat.workflows.app.identity.Role;
import dev.placemat.workflows.app.security.UserRepository;
import dev.placemat.workflows.definition.StepSpec;
import dev.placemat.workflows.definition.WorkflowDefinition;
import dev.placemat.workflows.spi.ActionRegistry;
import dev.placemat.workflows.spi.ConnectionUse;
import dev.placemat.workflows.validation.Errors;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Checks the connections a workflow's steps use (docs/adr/0080-connection-scoping.md), when it is saved, tested and
 * deployed: each must be usable by the workflow's author and by the user saving or deploying it, be of the type the
 * step needs, and an {@code http} connection's credentials must go only to its allowed hosts when the step's URL
 * names its host literally (a templated host is checked when the step runs). On deploy, the connection must exist.
 */
@Component
@RequiredArgsConstructor
public class WorkflowConnections {

    /** The scheme and authority of a URL whose start holds no template. */
    private static final Pattern LITERAL_ORIGIN = Pattern.compile("^\\s*(https?://[^/?#{}\\s]+)(?:[/?#].*)?$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private record Person(UUID id, Role role, String name) {}

    private final ActionRegistry actions;
    private final ConnectionStore connections;
    private final UserRepository users;
    private final CurrentUser currentUser;

    /** Refuses (422) a definition the current user saves or tests, written by {@code authorId} (null: by them). */
    public void checkSave(WorkflowDefinition definition, UUID authorId) {
        check(definition, authorId, false);
    }

    /** Refuses (422) a deploy: the same checks with today's rights, and every connection must exist. */
    public void checkDeploy(WorkflowDefinition definition, UUID authorId) {
        check(definition, authorId, true);
    }

    private void check(WorkflowDefinition definition, UUID authorId, boolean deploy) {
        List<Person> people = people(authorId);
        Errors errors = new Errors();
        steps(definition.steps(), people, deploy, errors);
        errors.throwIfAny();
    }

    private List<Person> people(UUID authorId) {
        List<Person> people = new ArrayList<>();
        people.add(new Person(currentUser.id(), currentUser.role(), "you"));
        if (authorId != null && !authorId.equals(currentUser.id())) {
            users.find(authorId).ifPresent(author -> people.add(new Person(author.id(), author.role(),
                    "its author " + author.username())));
        }
        return people;
    }

    private void steps(List<StepSpec> steps, List<Person> people, boolean deploy, Errors errors) {
        for (StepSpec step : steps) {
            actions.find(step.actionType()).flatMap(a -> a.connectionUse())
                    .ifPresent(use -> step(step, use, people, deploy, errors));
            step.children().values().forEach(children -> steps(children, people, deploy, errors));
        }
    }

    private void step(StepSpec step, ConnectionUse use, List<Person> people, boolean deploy, Errors errors) {
        JsonNode config = step.config();
        String name = use.nameIn(config);
        if (name == null) {
            return;
        }
        String path = step.path() + ".config." + use.field();
        Optional<ConnectionStore.Connection> found = connections.find(name);
        if (found.isEmpty()) {
            if (deploy) {
                errors.add(path, "unknown_connection", "there is no connection named '" + name + "'; create it under "
                        + "/api/connections before deploying");
            }
            return;
        }
        ConnectionStore.Connection connection = found.get();
        if (!connection.type().id().equals(use.type())) {
            errors.add(path, "wrong_connection_type", "'" + name + "' is a " + connection.type().id()
                    + " connection; this step needs a " + use.type() + " connection");
            return;
        }
        for (Person person : people) {
            if (!ConnectionAccess.mayUse(connection, person.id(), person.role())) {
                errors.add(path, "connection_not_allowed", person.name() + " may not use the connection '" + name
                        + "'; its owner or an admin can share it (shared_with)");
                return;
            }
        }
        if (connection.type() == ConnectionType.HTTP) {
            literalOrigin(config.path("url")).flatMap(origin -> connections.destinationRefusal(name, origin))
                    .ifPresent(refusal -> errors.add(step.path() + ".config.url", "host_not_allowed", refusal));
        }
    }

    /** The scheme and host of a URL that names them without a template; empty when a template decides them. */
    private static Optional<URI> literalOrigin(JsonNode url) {
        if (!url.isTextual()) {
            return Optional.empty();
        }
        Matcher m = LITERAL_ORIGIN.matcher(url.asText());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(URI.create(m.group(1).strip() + "/"));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
