package dev.placemat.workflows.app.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.placemat.workflows.app.cluster.ClusterNode;
import dev.placemat.workflows.app.support.IntegrationTest;
import dev.placemat.workflows.app.support.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code GET /api/executions/{id}/events}: the rows an execution's run writes (here written as the engine on another
 * node would, straight into the database) reach the stream as {@code execution} and {@code step} events.
 */
class ExecutionEventsIT extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    ExecutionStreams streams;

    @Autowired
    ClusterNode node;

    /** One server-sent event: its name and data (null data for a comment line). */
    record Event(String name, String data) {
        JsonNode json() {
            try {
                return JSON.readTree(data);
            } catch (IOException e) {
                throw new AssertionError(data, e);
            }
        }
    }

    /** Reads a stream's events on a thread of its own; END when the server closes it. */
    static final class Stream implements AutoCloseable {
        static final Event END = new Event("end", null);
        final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        final HttpResponse<java.io.InputStream> response;

        Stream(HttpResponse<java.io.InputStream> response) {
            this.response = response;
            Thread reader = new Thread(this::read, "sse-test-reader");
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String name = "message";
                StringBuilder data = new StringBuilder();
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith(":")) {
                        events.add(new Event("comment", null));
                    } else if (line.startsWith("event:")) {
                        name = line.substring(6).trim();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5));
                    } else if (line.isEmpty() && !data.isEmpty()) {
                        events.add(new Event(name, data.toString()));
                        name = "message";
                        data.setLength(0);
                    }
                }
            } catch (IOException closed) {
                // closed by the test
            }
            events.add(END);
        }

        /** The next event that is not a heartbeat. */
        Event next() throws InterruptedException {
            for (;;) {
                Event event = events.poll(10, TimeUnit.SECONDS);
                assertThat(event).as("an event within 10 s").isNotNull();
                if (!"comment".equals(event.name())) {
                    return event;
                }
            }
        }

        @Override
        public void close() throws IOException {
            response.body().close();
        }
    }

    private Stream open(UUID executionId, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/executions/"
                        + executionId + "/events"))
                .header("Accept", "text/event-stream").header("Authorization", "Bearer " + token)
                .timeout(java.time.Duration.ofSeconds(30)).GET().build();
        HttpResponse<java.io.InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new AssertionError(response.statusCode() + ": " + new String(response.body().readAllBytes(),
                    StandardCharsets.UTF_8));
        }
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        return new Stream(response);
    }

    private UUID runningExecution() {
        String workflowId = api().post("/api/workflows", Json.of("{'name':'Streamed','trigger':{'type':'manual','config':{}},"
                + "'steps':[{'action_type':'data.transform','config':{'expression':'1'}},"
                + "{'action_type':'data.transform','config':{'expression':'2'}}]}")).expect(201).json().get("id").asText();
        // owned by this (live) node, so that recovery leaves it alone: an unowned running row is resumed
        return jdbc.sql("INSERT INTO workflow_executions (workflow_id, workflow_version, status, trigger_data, "
                        + "owner_node) VALUES (CAST(:w AS uuid), 1, 'running', CAST('{\"n\": 7}' AS jsonb), :node) "
                        + "RETURNING id")
                .param("w", workflowId).param("node", node.id()).query(UUID.class).single();
    }

    private UUID stepRow(UUID executionId, String key, String status) {
        return jdbc.sql("INSERT INTO step_executions (execution_id, step_key, step_number, action_type, status, started_at, "
                        + "input_data) VALUES (:e, :k, CAST(:k AS int), 'data.transform', :s, now(), "
                        + "CAST('{\"expression\": \"1\"}' AS jsonb)) RETURNING id")
                .param("e", executionId).param("k", key).param("s", status).query(UUID.class).single();
    }

    @Test
    void sendsTheStateThenEachChangeAndEndsAfterTheFinalStatus() throws Exception {
        UUID execution = runningExecution();
        UUID first = stepRow(execution, "1", "completed");
        try (Stream stream = open(execution, ADMIN_TOKEN)) {
            Event start = stream.next();
            assertThat(start.name()).isEqualTo("execution");
            assertThat(start.json().get("status").asText()).isEqualTo("running");
            assertThat(start.json().get("trigger_data").get("n").asInt()).isEqualTo(7);
            assertThat(start.json().has("steps")).isFalse();
            Event step1 = stream.next();
            assertThat(step1.name()).isEqualTo("step");
            assertThat(step1.json().get("step_key").asText()).isEqualTo("1");
            assertThat(step1.json().get("status").asText()).isEqualTo("completed");
            assertThat(step1.json().get("attempt").asInt()).isEqualTo(1);

            UUID second = stepRow(execution, "2", "running");
            Event running = stream.next();
            assertThat(running.json().get("step_key").asText()).isEqualTo("2");
            assertThat(running.json().get("status").asText()).isEqualTo("running");
            assertThat(running.json().get("completed_at").isNull()).isTrue();

            jdbc.sql("UPDATE step_executions SET status = 'completed', completed_at = now(), "
                    + "output_data = CAST('{\"value\": 2}' AS jsonb) WHERE id = :id").param("id", second).update();
            Event done = stream.next();
            assertThat(done.json().get("step_key").asText()).isEqualTo("2");
            assertThat(done.json().get("status").asText()).isEqualTo("completed");
            assertThat(done.json().get("output").get("value").asInt()).isEqualTo(2);

            jdbc.sql("UPDATE workflow_executions SET status = 'completed', completed_at = now() WHERE id = :id")
                    .param("id", execution).update();
            Event end = stream.next();
            assertThat(end.name()).isEqualTo("execution");
            assertThat(end.json().get("status").asText()).isEqualTo("completed");
            assertThat(stream.next().name()).as("an end event after the final status").isEqualTo("end");
            assertThat(stream.next()).as("the stream ends after the final status").isEqualTo(Stream.END);
            assertThat(first).isNotNull();
        }
    }

    @Test
    void sendsNothingWhenARowIsRewrittenUnchangedButKeepsTheStreamAlive() throws Exception {
        UUID execution = runningExecution();
        UUID row = stepRow(execution, "1", "running");
        try (Stream stream = open(execution, ADMIN_TOKEN)) {
            assertThat(stream.next().name()).isEqualTo("execution");
            assertThat(stream.next().name()).isEqualTo("step");
            jdbc.sql("UPDATE step_executions SET status = status WHERE id = :id").param("id", row).update();
            jdbc.sql("UPDATE workflow_executions SET status = status WHERE id = :id").param("id", execution).update();
            // the heartbeat (1 s in tests) comes, no event
            Event next = stream.events.poll(5, TimeUnit.SECONDS);
            assertThat(next).isNotNull();
            assertThat(next.name()).isEqualTo("comment");
        }
    }

    @Test
    void closedStreamsAreForgotten() throws Exception {
        UUID execution = runningExecution();
        int before = streams.openCount();
        Stream stream = open(execution, ADMIN_TOKEN);
        assertThat(stream.next().name()).isEqualTo("execution");
        assertThat(streams.openCount()).isEqualTo(before + 1);
        stream.close();
        // the next heartbeat's write fails and the stream is dropped
        awaitOpenCount(before);
    }

    private void awaitOpenCount(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (streams.openCount() > count && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(streams.openCount()).isEqualTo(count);
    }

    @Test
    void followsTheDetailsAccessRules() throws Exception {
        anonymous().get("/api/executions/" + runningExecution() + "/events").expect(401);
        api().get("/api/executions/" + UUID.randomUUID() + "/events").expect(404);
        api().get("/api/executions/not-an-id/events").expect(400);
        String viewerToken = tokenOfNewUser("viewer");
        try (Stream stream = open(runningExecution(), viewerToken)) {
            assertThat(stream.next().name()).isEqualTo("execution");
        }
    }

    @Test
    void refusesStreamsBeyondTheBound() throws Exception {
        UUID execution = runningExecution();
        int before = streams.openCount();
        List<Stream> open = new ArrayList<>();
        try {
            while (streams.openCount() < 5) {
                open.add(open(execution, ADMIN_TOKEN));
            }
            var refused = api().get("/api/executions/" + execution + "/events").expect(503);
            assertThat(refused.header("Retry-After")).isNotBlank();
        } finally {
            for (Stream stream : open) {
                stream.close();
            }
        }
        awaitOpenCount(before);
    }
}
