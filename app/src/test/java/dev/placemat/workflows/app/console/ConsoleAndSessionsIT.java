package dev.placemat.workflows.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.app.security.LoginThrottle;
import dev.placemat.workflows.app.support.Api;
import dev.placemat.workflows.app.support.FromAddress;
import dev.placemat.workflows.app.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The console and the sessions as an attacker meets them: Jolokia only reads Camel's, the JVM's and the platform's
 * MBeans (no DiagnosticCommand, no heap dump, no writes, no stopping anything, nothing but reads through GET), the
 * session cookie stays on this site, every answer carries a Content-Security-Policy, and guessing passwords from
 * one address is stopped after 10 failures in 5 minutes whichever users it tries.
 */
class ConsoleAndSessionsIT extends IntegrationTest {

    private static final String JOLOKIA = "/actuator/hawtio/jolokia";

    @Autowired
    LoginThrottle throttle;

    @AfterEach
    void forgetFailures() {
        List.of("127.0.0.1", "127.0.0.4").forEach(a -> throttle.forget(LoginThrottle.address(a)));
    }

    @Test
    void theConsoleRefusesDiagnosticCommandsHeapDumpsWritesAndStateChanges() {
        String camelContext = jolokia(Map.of("type", "search", "mbean", "org.apache.camel:type=context,*"))
                .get("value").get(0).asText();
        List<Map<String, Object>> attacks = List.of(
                Map.of("type", "exec", "mbean", "com.sun.management:type=DiagnosticCommand",
                        "operation", "vmSystemProperties"),
                Map.of("type", "exec", "mbean", "com.sun.management:type=DiagnosticCommand",
                        "operation", "jvmtiAgentLoad", "arguments", List.of(List.of("/tmp/agent.so"))),
                Map.of("type", "exec", "mbean", "com.sun.management:type=HotSpotDiagnostic",
                        "operation", "dumpHeap", "arguments", List.of("/tmp/placemat-heap.hprof", true)),
                Map.of("type", "write", "mbean", "java.lang:type=Memory", "attribute", "Verbose", "value", true),
                Map.of("type", "exec", "mbean", "java.lang:type=Memory", "operation", "gc"),
                Map.of("type", "exec", "mbean", camelContext, "operation", "stop"),
                Map.of("type", "read", "mbean", "java.util.logging:type=Logging", "attribute", "LoggerNames"));
        for (Map<String, Object> attack : attacks) {
            JsonNode answer = api().post(JOLOKIA, attack).json();
            assertThat(answer.get("status").asInt()).as("%s answered %s", attack, answer).isEqualTo(403);
        }
        for (String pattern : List.of("com.sun.management:*", "*:type=DiagnosticCommand", "java.util.logging:*")) {
            JsonNode answer = api().post(JOLOKIA, Map.of("type", "read", "mbean", pattern)).json();
            assertThat(answer.path("value").toString()).as(pattern + ": " + answer)
                    .doesNotContain("vmSystemProperties", "HeapDumpPath", "LoggerNames");
        }
        JsonNode names = jolokia(Map.of("type", "search", "mbean", "*:*")).get("value");
        assertThat(names.toString()).contains("org.apache.camel", "java.lang:type=Memory")
                .doesNotContain("com.sun.management", "DiagnosticCommand", "java.util.logging");
    }

    @Test
    void theConsoleReadsCamelAndTheJvmAndRunsReadingOperations() {
        String camelContext = jolokia(Map.of("type", "search", "mbean", "org.apache.camel:type=context,*"))
                .get("value").get(0).asText();
        assertThat(jolokia(Map.of("type", "read", "mbean", camelContext, "attribute", "State")).get("value").asText())
                .isEqualTo("Started");
        assertThat(jolokia(Map.of("type", "read", "mbean", "java.lang:type=Memory", "attribute", "HeapMemoryUsage"))
                .get("value").get("used").asLong()).isPositive();
        assertThat(jolokia(Map.of("type", "exec", "mbean", "java.lang:type=Threading", "operation",
                "dumpAllThreads(boolean,boolean)", "arguments", List.of(false, false))).get("value")).isNotEmpty();
    }

    @Test
    void throughGetTheConsoleOnlyReads() {
        Api.Answer gc = api().get("/actuator/jolokia/exec/java.lang:type=Memory/gc");
        gc.expect(405);
        assertThat(gc.header("Allow")).isEqualTo("POST");
        api().get(JOLOKIA + "/exec/java.lang:type=Threading/dumpAllThreads/false/false").expect(405);
        api().get("/actuator/jolokia?p=/write/java.lang:type=Memory/Verbose/true").expect(405);
        JsonNode read = api().get("/actuator/jolokia/read/java.lang:type=Memory/HeapMemoryUsage").expect(200).json();
        assertThat(read.get("status").asInt()).isEqualTo(200);
    }

    @Test
    void theSessionAndCsrfCookiesStayOnThisSite() {
        String name = "cookie-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        api().post("/api/users", Map.of("username", name, "password", "a-cookie-password", "role", "viewer"))
                .expect(201);
        Api.Answer signIn = Api.session(port, name, "a-cookie-password").signInAnswer().expect(200);
        List<String> cookies = signIn.headers().get("set-cookie");
        assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("JSESSIONID=").contains("HttpOnly")
                .containsIgnoringCase("SameSite=Lax"));
        assertThat(cookies).filteredOn(c -> c.startsWith("XSRF-TOKEN=")).allSatisfy(c -> assertThat(c)
                .containsIgnoringCase("SameSite=Lax"));
    }

    @Test
    void everyAnswerCarriesAContentSecurityPolicyForWhatItServes() {
        String api = api().get("/api/workflows").expect(200).header("Content-Security-Policy");
        assertThat(api).contains("default-src 'none'", "frame-ancestors 'none'");
        assertThat(anonymous().get("/api/workflows").expect(401).header("Content-Security-Policy")).isEqualTo(api);
        String designer = anonymous().get("/").header("Content-Security-Policy");
        assertThat(designer).contains("script-src 'self'", "object-src 'none'").doesNotContain("script-src 'self' "
                + "'unsafe-inline'");
        String console = api().get("/actuator/hawtio/").expect(200).header("Content-Security-Policy");
        assertThat(console).contains("default-src 'self'", "connect-src 'self'");
    }

    @Test
    void guessingFromOneAddressIsStoppedAfterTenFailuresWhicheverUsersItTriesAndAudited() {
        FromAddress attacker = FromAddress.of("127.0.0.4");
        for (int i = 0; i < 10; i++) {
            attacker.post(port, "/api/auth/login", Map.of("username", "victim-" + i, "password", "guess")).expect(401);
        }
        Api.Answer refused = attacker.post(port, "/api/auth/login", Map.of("username", "victim-10", "password",
                "guess")).expect(429);
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 300L);
        assertThat(refused.json().get("errors").get(0).get("code").asText()).isEqualTo("sign_in");
        attacker.post(port, "/api/auth/login", Map.of("token", ADMIN_TOKEN)).expect(429);
        Api.signIn(port, Map.of("token", ADMIN_TOKEN)).signInAnswer().expect(200);

        JsonNode audit = api().get("/api/audit?action=login.throttled&actor=victim-10&limit=1").expect(200).json();
        assertThat(audit.get("items").get(0).get("detail").get("address").asText()).isEqualTo("127.0.0.4");
    }

    private JsonNode jolokia(Map<String, Object> request) {
        JsonNode answer = api().post(JOLOKIA, request).expect(200).json();
        assertThat(answer.get("status").asInt()).as("Jolokia answer %s", answer).isEqualTo(200);
        return answer;
    }
}
