package eu.dpaledger.platform.webhooks;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where webhooks may be sent. The URL: absolute {@code https} without credentials or fragment; {@code http} only to a
 * loopback host, and only where {@code dpa.webhooks.allow-loopback-http} is on (development, demo, tests). The host:
 * every address it resolves to must be public; private (RFC 1918, IPv6 unique-local), loopback (unless switched on),
 * link-local (with the cloud metadata address 169.254.169.254), carrier-grade NAT, unspecified, multicast and
 * reserved addresses are refused. Checked when a subscription is made AND before each delivery (DNS can change
 * between the two), and the delivery connects to the very address checked, so a second lookup cannot swap it.
 */
@ApplicationScoped
public class WebhookTargets {

    @Inject
    HostResolver resolver;

    @ConfigProperty(name = "dpa.webhooks.allow-loopback-http", defaultValue = "false")
    boolean allowLoopback;

    /** A URL whose host resolved to an acceptable address: send to {@code address}, with the URL's host. */
    public record Target(URI uri, InetAddress address) {

        public int port() {
            return uri.getPort() > 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        }
    }

    /** Why a target is refused: a message naming what is wrong with the URL (for the {@code url} field). */
    public static final class Refused extends RuntimeException {

        public Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    /** Why the URL is refused by its form alone, or empty (no lookup). */
    public Optional<String> formProblem(String url) {
        return formProblem(url, allowLoopback);
    }

    /** The URL checked in full: its form, then every address of its host (the lookup runs off the event loop). */
    public Uni<Target> check(String url) {
        Optional<String> form = formProblem(url);
        if (form.isPresent()) {
            return Uni.createFrom().failure(new Refused(form.get()));
        }
        URI uri = URI.create(url.trim());
        return Uni.createFrom().item(() -> lookUp(uri)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private Target lookUp(URI uri) {
        String host = bare(uri.getHost());
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new Refused("host " + host + " does not resolve");
        }
        if (addresses.isEmpty()) {
            throw new Refused("host " + host + " does not resolve");
        }
        for (InetAddress address : addresses) {
            addressProblem(address, allowLoopback).ifPresent(problem -> {
                throw new Refused("host " + host + " resolves to " + address.getHostAddress() + ", " + problem);
            });
        }
        return new Target(uri, addresses.get(0));
    }

    static Optional<String> formProblem(String url, boolean allowLoopback) {
        if (url == null || url.isBlank()) {
            return Optional.of("is required");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("must be an absolute URL with a host");
        }
        if (uri.getUserInfo() != null) {
            return Optional.of("must not carry credentials");
        }
        if (uri.getFragment() != null) {
            return Optional.of("must not have a fragment");
        }
        if (scheme.equals("https")) {
            return Optional.empty();
        }
        if (scheme.equals("http") && allowLoopback && isLoopbackName(uri.getHost())) {
            return Optional.empty();
        }
        return Optional.of(scheme.equals("http") && allowLoopback ? "must use https (http only to a loopback address)" : "must use https");
    }

    /** Why an address may not receive webhooks, or empty when it is a public one. */
    static Optional<String> addressProblem(InetAddress address, boolean allowLoopback) {
        InetAddress a = embeddedIpv4(address);
        if (a.isLoopbackAddress()) {
            return allowLoopback ? Optional.empty() : Optional.of("a loopback address");
        }
        if (a.isAnyLocalAddress()) {
            return Optional.of("an unspecified address");
        }
        if (a.isLinkLocalAddress()) {
            return Optional.of("a link-local address (such as the cloud metadata service)");
        }
        if (a.isSiteLocalAddress()) {
            return Optional.of("a private address");
        }
        if (a.isMulticastAddress()) {
            return Optional.of("a multicast address");
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 100 && second >= 64 && second < 128) {
                return Optional.of("a private address (carrier-grade NAT)");
            }
            if (first == 0 || first >= 240 || (first == 192 && second == 0 && (b[2] & 0xff) == 0)
                    || (first == 198 && (second == 18 || second == 19))) {
                return Optional.of("a reserved address");
            }
        } else if ((b[0] & 0xfe) == 0xfc) {
            return Optional.of("a private address (unique local)");
        }
        return Optional.empty();
    }

    /** The IPv4 address inside an IPv4-mapped or -compatible IPv6 address, else the address itself. */
    private static InetAddress embeddedIpv4(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] b = address.getAddress();
            boolean zeros = true;
            for (int i = 0; i < 10; i++) {
                zeros &= b[i] == 0;
            }
            boolean mapped = zeros && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
            boolean compatible = zeros && b[10] == 0 && b[11] == 0 && !address.isLoopbackAddress() && !address.isAnyLocalAddress();
            if (mapped || compatible) {
                try {
                    return InetAddress.getByAddress(new byte[]{b[12], b[13], b[14], b[15]});
                } catch (UnknownHostException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return address;
    }

    private static boolean isLoopbackName(String host) {
        String h = bare(host).toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("::1") || h.matches("127(\\.\\d{1,3}){3}");
    }

    private static String bare(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
