package dev.placemat.workflows.app.execution;

import dev.placemat.workflows.app.errors.NotFoundException;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/executions/{id}/events}: an execution's changes as server-sent events, for whoever may read its
 * detail. Events {@code execution} and {@code step} carry the detail's JSON; the stream ends after the final status.
 */
@RestController
@RequiredArgsConstructor
public class ExecutionEventsController {

    private final ExecutionRepository executions;
    private final ExecutionStreams streams;

    @GetMapping(path = "/api/executions/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ApiResponse(responseCode = "200", description = "Events `execution` and `step` (JSON data as in the detail)",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "503", description = "Too many streams open on this node; see Retry-After")
    public SseEmitter events(@PathVariable UUID id, HttpServletResponse response) {
        if (executions.summary(id).isEmpty()) {
            throw new NotFoundException("There is no execution " + id + ".");
        }
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Accel-Buffering", "no"); // proxies such as nginx must not hold events back
        return streams.open(id);
    }
}
