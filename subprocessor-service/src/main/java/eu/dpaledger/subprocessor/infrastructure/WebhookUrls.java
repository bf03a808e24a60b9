package eu.dpaledger.subprocessor.infrastructure;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which webhook URLs are accepted: absolute {@code https} URLs without credentials; {@code http} only to
 * a loopback address, and only where that is switched on (development, demo, tests).
 */
public final class WebhookUrls {

    private WebhookUrls() {
    }

    /** Why the URL is refused, or empty when it is acceptable. */
    public static Optional<String> problem(String url, boolean allowLoopbackHttp) {
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
        if (scheme.equals("http")) {
            if (allowLoopbackHttp && isLoopback(uri.getHost())) {
                return Optional.empty();
            }
            return Optional.of(allowLoopbackHttp ? "must use https (http only to a loopback address)" : "must use https");
        }
        return Optional.of("must use https");
    }

    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("[::1]") || h.equals("::1") || h.matches("127(\\.\\d{1,3}){3}");
    }
}
