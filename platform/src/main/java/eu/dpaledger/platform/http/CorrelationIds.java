package eu.dpaledger.platform.http;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.MDC;

/**
 * Gives every HTTP request one correlation id before anything else sees it (first route of the router, so
 * also 401s, 403s, 404s, the early 413 of {@link OversizedRequests} and {@code /q/*}): the caller's valid
 * {@code X-Correlation-Id} ({@link RequestSupport#correlationId}), else a new UUID. The id replaces the
 * request's header, so every reader of the header (the command headers, hence the events' metadata) sees
 * the same id; it is echoed on the response, whatever answers, and put in the logging MDC
 * ({@value #MDC_KEY}) for the log lines of the request.
 */
@ApplicationScoped
public class CorrelationIds {

    public static final String HEADER = "X-Correlation-Id";
    public static final String MDC_KEY = "correlationId";

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String id = RequestSupport.correlationId(context.request().getHeader(HEADER));
            context.request().headers().set(HEADER, id);
            // Set when the headers go out, so no handler that resets the response's headers can drop it.
            context.addHeadersEndHandler(v -> context.response().headers().set(HEADER, id));
            // Quarkus keeps the MDC in the request's (duplicated) Vert.x context: it follows the request's work.
            MDC.put(MDC_KEY, id);
            context.next();
        });
    }
}
