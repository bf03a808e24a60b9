package eu.dpaledger.subprocessor;

import eu.dpaledger.platform.webhooks.HostResolver;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tests' name resolution: IP literals and {@code localhost} as the system reads them, other names only from
 * {@link #NAMES} (no DNS traffic; an unknown name does not resolve). A test may point a name elsewhere, as a DNS
 * change between a subscription and a delivery would.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class StubHostResolver implements HostResolver {

    /** Public names of the tests and where they point (a TEST-NET-3 address: documentation, routed nowhere). */
    public static final Map<String, String> NAMES = new ConcurrentHashMap<>(Map.of(
            "hooks.example", "203.0.113.10",
            "intranet.example", "10.0.0.1",
            "metadata.example", "169.254.169.254"));

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        if (host.equals("localhost") || host.chars().allMatch(c -> Character.isDigit(c) || c == '.') || host.contains(":")) {
            return List.of(InetAddress.getAllByName(host));
        }
        String address = NAMES.get(host);
        if (address == null) {
            throw new UnknownHostException(host);
        }
        return List.of(InetAddress.getByName(address));
    }
}
