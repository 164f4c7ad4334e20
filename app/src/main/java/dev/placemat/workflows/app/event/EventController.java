package dev.placemat.workflows.app.event;

import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.app.engine.LaunchRefused;
import dev.placemat.workflows.app.errors.ForbiddenException;
import dev.placemat.workflows.app.errors.InvalidValueException;
import dev.placemat.workflows.app.identity.CurrentUser;
import dev.placemat.workflows.app.identity.Role;
import dev.placemat.workflows.validation.EventTriggerRule;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Publishes an event from outside: every deployed workflow listening for its type (and whose conditions hold) runs. */
@RestController
@RequestMapping("/api/events")
@RequiredArgsConstructor
public class EventController {

    /** The id the event was published with (the Idempotency-Key, the event_id parameter or a new one). */
    public record PublishedEvent(String eventId) {}

    static final int MAX_EVENT_ID_LENGTH = 200;

    private final EventBus bus;
    private final CurrentUser currentUser;

    @PostMapping("/{eventType}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public PublishedEvent publish(@PathVariable String eventType, @RequestBody(required = false) JsonNode data,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestParam(name = "event_id", required = false) String eventIdParam) {
        if (!EventTriggerRule.EVENT_TYPE.matcher(eventType).matches()) {
            throw new InvalidValueException("event_type", "The event type must be 1 to 100 letters, digits, '.', '-' "
                    + "or '_', such as notion.opportunity.stage_changed.");
        }
        if (PlatformEvent.reserved(eventType) && currentUser.role() != Role.ADMIN) {
            throw new ForbiddenException("Events of type workflow.* and execution.* are the platform's own; only an "
                    + "admin may publish one.");
        }
        String eventId = idempotencyKey != null ? idempotencyKey : eventIdParam != null ? eventIdParam
                : UUID.randomUUID().toString();
        if (eventId.isBlank() || eventId.length() > MAX_EVENT_ID_LENGTH) {
            throw new InvalidValueException("event_id", "The event id must be 1 to " + MAX_EVENT_ID_LENGTH
                    + " characters.");
        }
        try {
            bus.publish(new PlatformEvent(eventId, eventType, data, 0));
        } catch (IllegalStateException e) {
            throw new LaunchRefused("the event bus is not reachable; the event was not published", 5);
        }
        return new PublishedEvent(eventId);
    }
}
