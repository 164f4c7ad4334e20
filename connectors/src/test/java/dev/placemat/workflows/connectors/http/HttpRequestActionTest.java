package dev.placemat.workflows.connectors.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.connectors.support.LoopbackGuard;
import dev.placemat.workflows.connectors.support.StepFixture;
import dev.placemat.workflows.connectors.support.TestServices;
import dev.placemat.workflows.fixtures.LocalHttpServer;
import dev.placemat.workflows.fixtures.LocalHttpServer.Reply;
import dev.placemat.workflows.fixtures.SilentServer;
import dev.placemat.workflows.runtime.StepRun;
import dev.placemat.workflows.spi.OutboundGuard;
import dev.placemat.workflows.spi.PlatformServices;
import dev.placemat.workflows.spi.StepFailure;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HttpRequestActionTest {

    private static LocalHttpServer server;
    @RegisterExtension
    static final StepFixture FIXTURE = new StepFixture();
    private static LoopbackGuard guard;

    @BeforeAll
    static void start() {
        server = LocalHttpServer.start();
        guard = new LoopbackGuard(server.port()).naming("pinned.test");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void routes() {
        server.reset();
        server.route("/ok", Reply.of(200, "application/json", "{\"a\":1}"));
        server.route("/text", Reply.of(200, "text/plain", "plain words"));
        server.route("/gone", Reply.of(404, "text/plain", "nothing here"));
        server.route("/broken", Reply.of(500, "text/html", "<h1>Internal error</h1> " + "x".repeat(3000)));
        server.route("/elsewhere", Reply.of(302, "text/plain", "").withHeader("Location",
                "http://internal.test:1/internal"));
    }

    private static JsonNode call(String config) throws Exception {
        return StepFixture.output(new HttpRequestAction().execute(
                StepFixture.config(HttpRequestAction.Config.class, config), FIXTURE.context(null, services())));
    }

    private static JsonNode get(String path) throws Exception {
        return call("{\"url\": \"" + server.url(path) + "\"}");
    }

    private static PlatformServices services() {
        return new TestServices().with(OutboundGuard.class, guard);
    }

    @Test
    void returnsStatusHeadersAndAParsedJsonBodyOrText() throws Exception {
        JsonNode json = get("/ok");
        assertThat(json.get("status").asInt()).isEqualTo(200);
        assertThat(json.get("body").get("a").asInt()).isEqualTo(1);
        assertThat(get("/text").get("body").asText()).isEqualTo("plain words");
    }

    @Test
    void sharesOneClientAndCreatesNoCamelEndpoint() throws Exception {
        for (int i = 0; i < 25; i++) {
            get("/ok");
        }
        assertThat(FIXTURE.camel().getEndpoints()).noneMatch(e -> e.getEndpointUri().startsWith("http"));
        assertThat(FIXTURE.camel().hasService(OutboundClients.class)).isNotNull();
    }

    @Test
    void failsA4xxForGoodAndA5xxSoThatItMayBeRetriedWithTheStatusLineTypeAndStartOfTheBody() {
        assertThatThrownBy(() -> get("/gone"))
                .isInstanceOfSatisfying(StepFailure.class, f -> assertThat(f.retryable()).isFalse())
                .hasMessage("HTTP 404 Not Found from 127.0.0.1: (text/plain) nothing here");
        assertThatThrownBy(() -> get("/broken"))
                .isInstanceOfSatisfying(StepFailure.class, f -> {
                    assertThat(f.retryable()).isTrue();
                    assertThat(f.getMessage()).startsWith("HTTP 500 Internal Server Error from 127.0.0.1: "
                            + "(text/html) <h1>Internal error</h1> xxx").endsWith("x ...");
                    assertThat(f.getMessage().length()).isBetween(2048, 2200);
                });
    }

    @Test
    void a429Or503WithRetryAfterTellsTheEngineHowLongToWait() {
        String date = ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(120).format(DateTimeFormatter.RFC_1123_DATE_TIME);
        server.route("/busy", Reply.of(429, "application/json", "{\"error\":\"slow down\"}")
                .withHeader("Retry-After", "7"));
        server.route("/down", Reply.of(503, "text/plain", "maintenance").withHeader("Retry-After", date));
        assertThatThrownBy(() -> get("/busy")).isInstanceOfSatisfying(StepFailure.class, f -> {
            assertThat(f.retryAfter()).isEqualTo(Duration.ofSeconds(7));
            assertThat(f.getMessage()).isEqualTo("HTTP 429 Too Many Requests from 127.0.0.1: (application/json) "
                    + "{\"error\":\"slow down\"}; the service asked to wait 7 s (Retry-After)");
        });
        assertThatThrownBy(() -> get("/down")).isInstanceOfSatisfying(StepFailure.class,
                f -> assertThat(f.retryAfter()).isBetween(Duration.ofSeconds(100), Duration.ofSeconds(121)));
    }

    @Test
    void sendsTheStepsIdempotencyKeyAndNumbersAsPeopleWriteThem() throws Exception {
        server.route("/orders", Reply.of(201, "application/json", "{}"));
        call("{\"method\": \"POST\", \"url\": \"" + server.url("/orders") + "\", "
                + "\"body\": {\"amount\": 3E+4, \"price\": 12.50}}");
        var request = server.requests("/orders").get(0);
        assertThat(request.headers()).containsEntry("idempotency-key", "exec-1:1");
        assertThat(request.body()).isEqualTo("{\"amount\":30000,\"price\":12.5}");
    }

    @Test
    void checksTheHostOfEveryRedirectBeforeConnecting() {
        assertThatThrownBy(() -> get("/elsewhere"))
                .isInstanceOf(StepFailure.class).hasMessage("the host internal.test is not allowed");
        assertThat(guard.resolved()).contains("internal.test");
        assertThat(server.requests("/elsewhere")).hasSize(1);
    }

    @Test
    void dropsCredentialsWhenARedirectLeavesTheOrigin() throws Exception {
        server.route("/moved", Reply.of(307, "text/plain", "").withHeader("Location",
                "http://localhost:" + server.port() + "/landing"));
        server.route("/landing", Reply.of(200, "text/plain", "here"));
        call("{\"url\": \"" + server.url("/moved") + "\", \"headers\": {\"Authorization\": \"Bearer s3cret\"}}");
        assertThat(server.requests("/moved").get(0).headers()).containsEntry("authorization", "Bearer s3cret");
        assertThat(server.requests("/landing").get(0).headers()).doesNotContainKey("authorization");
    }

    /** The client connects to the address the guard checked: no DNS server knows pinned.test, only the guard. */
    @Test
    void connectsToTheAddressTheGuardResolvedAndKeepsTheHostName() throws Exception {
        JsonNode answer = call("{\"url\": \"http://pinned.test:" + server.port() + "/ok\"}");
        assertThat(answer.get("status").asInt()).isEqualTo(200);
        assertThat(server.requests("/ok").get(0).headers()).containsEntry("host", "pinned.test:" + server.port());
        assertThat(guard.resolved()).contains("pinned.test");
    }

    @Test
    void aStepGivenUpAbortsItsCallAndTheServerSeesTheConnectionClose() throws Exception {
        try (SilentServer silent = SilentServer.start()) {
            StepRun context = FIXTURE.context(null, new TestServices()
                    .with(OutboundGuard.class, new LoopbackGuard(silent.port())));
            CompletableFuture<JsonNode> call = new HttpRequestAction().execute(StepFixture.config(
                    HttpRequestAction.Config.class, "{\"url\": \"http://127.0.0.1:" + silent.port() + "/slow\"}"),
                    context);
            assertThat(silent.clientConnected(5000)).isTrue();

            context.cancel();

            assertThat(silent.clientHungUp(2000)).isTrue();
            assertThatThrownBy(call::join).hasCauseInstanceOf(CancellationException.class);
        }
    }

    @Test
    void getHeadPutDeleteAndOptionsMayBeRepeatedPostAndPatchMayNot() {
        HttpRequestAction action = new HttpRequestAction();
        for (String method : new String[] {"GET", "HEAD", "PUT", "DELETE", "OPTIONS"}) {
            assertThat(action.repeatSafe(StepFixture.config(HttpRequestAction.Config.class,
                    "{\"method\": \"" + method + "\", \"url\": \"http://x.test/\"}"))).as(method).isTrue();
        }
        for (String method : new String[] {"POST", "PATCH"}) {
            assertThat(action.repeatSafe(StepFixture.config(HttpRequestAction.Config.class,
                    "{\"method\": \"" + method + "\", \"url\": \"http://x.test/\"}"))).as(method).isFalse();
        }
        assertThat(action.repeatSafe(StepFixture.config(HttpRequestAction.Config.class,
                "{\"url\": \"http://x.test/\"}"))).isTrue();
    }
}
