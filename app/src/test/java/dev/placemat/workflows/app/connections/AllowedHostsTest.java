package dev.placemat.workflows.app.connections;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class AllowedHostsTest {

    private final AllowedHosts hosts = AllowedHosts.parse("api.example.com, *.example.org  files.example.net:8443");

    @Test
    void matchesExactNamesSubdomainsAndPorts() {
        assertThat(hosts.allows(URI.create("https://API.Example.com./v1"))).isTrue();
        assertThat(hosts.allows(URI.create("https://a.b.example.org/x"))).isTrue();
        assertThat(hosts.allows(URI.create("https://example.org/x"))).as("*. means subdomains only").isFalse();
        assertThat(hosts.allows(URI.create("https://files.example.net:8443/"))).isTrue();
        assertThat(hosts.allows(URI.create("https://files.example.net/"))).as("another port").isFalse();
    }

    @Test
    void readsTheHostTheWayTheClientConnectsToIt() {
        assertThat(hosts.allows(URI.create("https://api.example.com@evil.example/"))).isFalse();
        assertThat(hosts.allows(URI.create("https://api.example.com.evil.example/"))).isFalse();
        assertThat(hosts.allows(URI.create("https://evilapi.example.com/"))).isFalse();
        assertThat(hosts.allows(URI.create("https://evil.example/?api.example.com"))).isFalse();
    }

    @Test
    void refusesWhatIsNotAListOfHosts() {
        assertThat(AllowedHosts.problem(null)).isPresent();
        assertThat(AllowedHosts.problem("  ")).isPresent();
        assertThat(AllowedHosts.problem("*")).isPresent();
        assertThat(AllowedHosts.problem("https://api.example.com/")).isPresent();
        assertThat(AllowedHosts.problem("api.example.com:0")).isPresent();
        assertThat(AllowedHosts.problem("api.example.com, [::1]:8080")).isEmpty();
    }
}
