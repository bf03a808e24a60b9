package eu.dpaledger.platform.webhooks;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which webhook targets are refused, with a stub resolver (no lookup leaves the machine). */
class WebhookTargetsTest {

    private static WebhookTargets targets(boolean allowLoopback, Map<String, List<String>> names) {
        WebhookTargets targets = new WebhookTargets();
        targets.allowLoopback = allowLoopback;
        targets.resolver = host -> {
            List<String> addresses = names.get(host);
            if (addresses == null) {
                throw new UnknownHostException(host);
            }
            return addresses.stream().map(WebhookTargetsTest::address).toList();
        };
        return targets;
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Optional<String> problem(String literal) {
        return WebhookTargets.addressProblem(address(literal), false);
    }

    @Test
    void private_loopback_link_local_metadata_and_reserved_addresses_are_refused() {
        for (String refused : List.of("10.0.0.1", "172.16.0.1", "172.31.255.254", "192.168.1.10", "127.0.0.1", "127.8.9.10",
                "169.254.169.254", "169.254.0.1", "100.64.0.1", "100.127.255.254", "0.0.0.0", "0.1.2.3", "224.0.0.1",
                "240.0.0.1", "255.255.255.255", "192.0.0.8", "198.18.0.1", "::1", "::", "fe80::1", "fc00::1",
                "fd00:ec2::254", "ff02::1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "::ffff:127.0.0.1")) {
            assertTrue(problem(refused).isPresent(), refused + " must be refused");
        }
    }

    @Test
    void public_addresses_pass() {
        for (String accepted : List.of("93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "203.0.113.10",
                "2606:2800:220:1:248:1893:25c8:1946", "::ffff:93.184.216.34")) {
            assertEquals(Optional.empty(), problem(accepted), accepted + " must pass");
        }
    }

    @Test
    void loopback_passes_only_where_switched_on() {
        assertEquals(Optional.empty(), WebhookTargets.addressProblem(address("127.0.0.1"), true));
        assertEquals(Optional.of("a loopback address"), WebhookTargets.addressProblem(address("127.0.0.1"), false));
        assertTrue(WebhookTargets.addressProblem(address("10.0.0.1"), true).isPresent(), "private stays refused");
    }

    @Test
    void a_host_is_refused_when_any_of_its_addresses_is_and_accepted_with_the_address_to_connect_to() {
        WebhookTargets targets = targets(false, Map.of(
                "hooks.example", List.of("203.0.113.10"),
                "split.example", List.of("203.0.113.11", "10.0.0.1"),
                "metadata.example", List.of("169.254.169.254")));
        WebhookTargets.Target target = targets.check("https://hooks.example:8443/in").await().atMost(Duration.ofSeconds(5));
        assertEquals("203.0.113.10", target.address().getHostAddress());
        assertEquals(8443, target.port());
        assertEquals("host split.example resolves to 10.0.0.1, a private address", refusal(targets, "https://split.example/in"));
        assertTrue(refusal(targets, "https://metadata.example/latest").contains("169.254.169.254, a link-local address"));
        assertEquals("host nowhere.example does not resolve", refusal(targets, "https://nowhere.example/in"));
        assertEquals("must use https", refusal(targets, "http://hooks.example/in"));
    }

    @Test
    void the_form_of_the_url_is_checked_before_any_lookup() {
        WebhookTargets targets = targets(true, Map.of());
        assertEquals("must use https (http only to a loopback address)", refusal(targets, "http://hooks.example/x"));
        assertEquals("must not carry credentials", refusal(targets, "https://user:pw@hooks.example/x"));
        assertEquals("must be an absolute URL with a host", refusal(targets, "/relative"));
        assertEquals("is required", refusal(targets, " "));
        assertEquals(Optional.empty(), targets.formProblem("http://localhost:8080/x"));
        assertEquals(Optional.empty(), targets.formProblem("http://[::1]:8080/x"));
    }

    private static String refusal(WebhookTargets targets, String url) {
        return assertThrows(WebhookTargets.Refused.class, () -> targets.check(url).await().atMost(Duration.ofSeconds(5)))
                .getMessage();
    }
}
