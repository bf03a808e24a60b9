package eu.dpaledger.platform.command;

import eu.dpaledger.platform.http.RequestSupport;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * What every command endpoint that creates a resource takes besides its body, as one {@code @BeanParam}: the
 * {@code Idempotency-Key} and {@code X-Correlation-Id} headers, and the request path (part of the idempotency
 * fingerprint). A command on an existing resource takes {@link CommandHeaders}, which adds {@code If-Match}.
 */
public class CreateHeaders {

    @HeaderParam("Idempotency-Key")
    @Parameter(description = "Up to 200 characters; a retry with the same key and request returns the first response "
            + "(Idempotent-Replayed: true), the same key with another request is 422.")
    public String idempotencyKey;

    @HeaderParam("X-Correlation-Id")
    @Parameter(description = "Recorded in the event's metadata; a new one when absent.")
    public String correlationId;

    @Context
    UriInfo uri;

    /** The caller's correlation id, or a new one. */
    public String correlation() {
        return RequestSupport.correlationId(correlationId);
    }

    /** The request path as received (decoded), for the idempotency fingerprint. */
    public String path() {
        return uri == null ? "" : "/" + uri.getPath().replaceFirst("^/", "");
    }
}
