package dev.placemat.workflows.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.placemat.workflows.app.support.Api;
import dev.placemat.workflows.app.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Every request mapping the app has (controllers, actuator endpoints, Camel platform-http webhooks), called
 * without credentials and through path variants that have bypassed other platforms' checks: none answers 2xx
 * with data, except the few public ones.
 */
class AccessSweepIT extends IntegrationTest {

    private static final Set<String> PUBLIC = Set.of("/api/auth/login", "/actuator/health", "/actuator/health/**",
            "/webhooks/workflow/{id}");
    private static final Set<Integer> REFUSED = Set.of(400, 401, 403, 404, 405);
    private static final String ID = "00000000-0000-0000-0000-000000000001";

    @Autowired
    ApplicationContext context;

    /** Method and path pattern of every mapping of every handler mapping. */
    private List<String[]> endpoints() {
        api().deploy(dev.placemat.workflows.app.support.Json.of(
                "{'name':'sweep','trigger':{'type':'webhook','config':{}},'steps':[{'action_type':'control.wait',"
                        + "'config':{'duration_seconds':0}}]}"));
        Set<String> seen = new TreeSet<>();
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class)
                .values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET, RequestMethod.POST)
                            : methods) {
                        seen.add(method.name() + " " + pattern);
                    }
                }
            }
        }
        List<String[]> endpoints = new ArrayList<>();
        seen.forEach(e -> endpoints.add(e.split(" ", 2)));
        return endpoints;
    }

    @TestFactory
    Stream<DynamicTest> everyMappingNeedsCredentialsInEverySpelling() {
        List<String[]> endpoints = endpoints();
        assertThat(endpoints).extracting(e -> e[1]).contains("/api/workflows", "/api/users", "/api/tokens",
                "/api/audit", "/actuator/metrics", "/actuator/camelroutes", "/error")
                .anyMatch(p -> p.startsWith("/webhooks/workflow/"));
        return endpoints.stream().map(e -> DynamicTest.dynamicTest(e[0] + " " + e[1], () -> sweep(e[0], e[1])));
    }

    private void sweep(String method, String pattern) {
        String path = pattern.replaceAll("\\{[^}]+}", ID).replace("/**", "/x");
        boolean isPublic = PUBLIC.contains(pattern) || pattern.startsWith("/webhooks/");
        List<String> variants = isPublic ? traversals(path) : variants(path);
        for (String variant : variants) {
            Api.Answer answer = anonymous().raw(method, variant, "application/json", "{}");
            assertThat(answer.status()).as("%s %s answered %s: %s", method, variant, answer.status(), answer.text())
                    .isIn(REFUSED);
            assertThat(answer.text()).doesNotContain("\tat ", "Exception");
        }
    }

    /** The path and its other spellings: each must be refused like the path itself. */
    private static List<String> variants(String path) {
        List<String> variants = new ArrayList<>(List.of(path, path + "/", path + ";jsessionid=x",
                path.toUpperCase(Locale.ROOT), "/" + path, path.replace("/api/", "/api//"),
                path.replace("/api/", "/api/%2e/"), path + "%2f", path + "?x=/webhooks/", path + "/.;/x"));
        int last = path.lastIndexOf('/');
        if (last > 0) {
            variants.add(path.substring(0, last) + "/./" + path.substring(last + 1));
        }
        variants.addAll(traversals(path));
        return variants;
    }

    /** Ways to reach the path from below a public prefix (the Kestra-style suffix and prefix bypasses). */
    private static List<String> traversals(String path) {
        return List.of("/webhooks/%2e%2e" + path, "/webhooks/..;" + path, "/webhooks/../.." + path,
                "/actuator/health/..%2f.." + path, "/api/auth/login/.." + path, "/api/auth/login/%2e%2e" + path,
                "/webhooks/%252e%252e" + path);
    }
}
