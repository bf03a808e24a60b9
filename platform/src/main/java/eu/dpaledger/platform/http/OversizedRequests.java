package eu.dpaledger.platform.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses, from its {@code Content-Length} and before a byte of it is read, a request larger than any
 * endpoint accepts ({@code dpa.http.max-request-bytes}), with the same RFC 9457 shape as every other refusal
 * (413 {@code body-too-large}); the connection is then closed, as the body is never read. Requests up to this
 * size reach {@link JsonBodyReader}, which names the field that makes a body too large.
 */
@ApplicationScoped
public class OversizedRequests {

    private static final String PROBLEM = "{\"type\":\"" + Problems.TYPE_BASE + "body-too-large\",\"title\":\"Body too large\","
            + "\"status\":413,\"detail\":\"The request is larger than the server reads; JSON bodies are limited to %d bytes\"}";

    @ConfigProperty(name = "dpa.http.max-request-bytes", defaultValue = "4194304")
    long maxRequestBytes;

    @ConfigProperty(name = "dpa.http.max-body-bytes", defaultValue = "262144")
    long maxBodyBytes;

    void install(@Observes Router router) {
        // Right after CorrelationIds, so the 413 carries the request's correlation id.
        router.route().order(Integer.MIN_VALUE + 1).handler(context -> {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && tooLarge(length)) {
                context.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problems.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close").end(PROBLEM.formatted(maxBodyBytes));
            } else {
                context.next();
            }
        });
    }

    private boolean tooLarge(String length) {
        try {
            return Long.parseLong(length.trim()) > maxRequestBytes;
        } catch (NumberFormatException e) {
            return false; // the HTTP layer answers a malformed Content-Length itself
        }
    }
}
