package dev.placemat.workflows.app.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.placemat.workflows.spi.StepFailure;
import java.net.InetAddress;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The outbound guard against internal addresses in every spelling, and against non-http schemes. */
class AddressGuardTest {

    private final AddressGuard guard = new AddressGuard("");
    private final AddressGuard allowing = new AddressGuard("10.1.0.0/16, intranet.local, ::1");

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/", "http://127.0.0.2:8080/", "http://localhost/", "http://localhost./",
        "http://LOCALHOST/", "http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/", "http://172.16.5.4/",
        "http://172.31.255.255/", "http://192.168.1.1/", "http://[::1]/", "http://[0:0:0:0:0:0:0:1]/",
        "http://[fc00::1]/", "http://[fd12:3456::1]/", "http://[fe80::1]/", "http://[::ffff:127.0.0.1]/",
        "http://[::ffff:7f00:1]/", "http://[::ffff:169.254.169.254]/", "http://[::127.0.0.1]/", "http://0.0.0.0/",
        "http://0/", "http://2130706433/", "http://0x7f000001/", "http://0x7f.1/", "http://127.1/",
        "http://017700000001/", "http://0177.0.0.1/", "http://100.64.0.1/", "http://224.0.0.1/",
        "http://255.255.255.255/", "http://198.18.0.1/", "http://[ff02::1]/", "http://[64:ff9b::7f00:1]/",
        "https://127.0.0.1:443/", "http://user:pw@127.0.0.1/"})
    void refusesInternalAddresses(String url) {
        assertThatThrownBy(() -> guard.check(URI.create(url))).isInstanceOf(StepFailure.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "gopher://127.0.0.1:70/_x", "jar:http://example.com/a.jar!/",
        "ftp://example.com/", "dict://127.0.0.1:11211/", "ldap://127.0.0.1/", "netdoc:///etc/passwd",
        "javascript:alert(1)", "data:text/plain,hi", "//example.com/", "/relative"})
    void refusesOtherSchemesAndUrlsWithoutAHost(String url) {
        assertThatThrownBy(() -> guard.check(URI.create(url))).isInstanceOf(StepFailure.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://93.184.215.14/", "https://1.1.1.1/dns", "http://[2606:4700:4700::1111]/"})
    void letsPublicAddressesThrough(String url) {
        assertThatCode(() -> guard.check(URI.create(url))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://10.1.2.3/", "http://intranet.local/", "http://[::1]/"})
    void letsAllowListedHostsAndRangesThrough(String url) {
        assertThatCode(() -> allowing.check(URI.create(url))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://10.2.0.1/", "http://127.0.0.1/", "http://169.254.169.254/"})
    void keepsRefusingWhatTheAllowListDoesNotName(String url) {
        assertThatThrownBy(() -> allowing.check(URI.create(url))).isInstanceOf(StepFailure.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://169.254.169.254/latest/meta-data/", "http://[::1]/", "http://127.0.0.2/",
        "http://10.0.0.1/", "http://[::ffff:169.254.169.254]/", "http://0x7f.1/", "http://2130706433/",
        "http://localhost/", "http://intranet/", "http://metadata.google.internal/", "http://printer.local/",
        "file:///etc/passwd", "gopher://example.com/"})
    void refusesAtSaveTimeWhatTheTextAloneShowsToBeInternal(String url) {
        assertThat(guard.refusal(URI.create(url))).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://api.example.com/x", "http://93.184.215.14/", "http://10.1.2.3/",
        "http://intranet.local/"})
    void leavesPublicNamesAndAllowListedAddressesToTheRunTime(String url) {
        assertThat(allowing.refusal(URI.create(url))).isEmpty();
    }

    /** A DNS server that answers differently each time (DNS rebinding): the first answer is checked and kept. */
    @Test
    void resolvesOnceAndReturnsTheAddressesItChecked() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        AddressGuard rebinding = new AddressGuard("", host -> lookups.getAndIncrement() == 0
                ? new InetAddress[] {InetAddress.getByName("93.184.215.14")}
                : new InetAddress[] {InetAddress.getByName("127.0.0.1")});

        assertThat(rebinding.resolve("rebind.example")).containsExactly(InetAddress.getByName("93.184.215.14"));
        assertThat(lookups).hasValue(1);
        assertThatThrownBy(() -> rebinding.resolve("rebind.example")).isInstanceOf(StepFailure.class)
                .hasMessageContaining("internal address (127.0.0.1)");
    }

    @Test
    void refusesAHostWhenAnyOfItsAddressesIsInternal() {
        AddressGuard mixed = new AddressGuard("", host -> new InetAddress[] {InetAddress.getByName("93.184.215.14"),
            InetAddress.getByName("10.0.0.1")});
        assertThatThrownBy(() -> mixed.resolve("mixed.example")).isInstanceOf(StepFailure.class)
                .hasMessageContaining("10.0.0.1");
    }
}
