package eu.dpaledger.platform.command;

import eu.dpaledger.platform.http.RequestSupport;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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
    @Parameter(description = "Your id for this request, echoed on the response (every response carries one). Kept when it "
            + "is 1 to 128 letters, digits and . _ : + / = -; otherwise, or when absent, the server makes a UUID. Written in "
            + "the server's log lines of the request, recorded in the metadata of the events it causes, sent with them to Kafka "
            + "(CloudEvents extension correlationid, header ce_correlationid) and on the webhook deliveries they cause.",
            schema = @Schema(type = SchemaType.STRING, maxLength = 128, pattern = "^[A-Za-z0-9._:+/=-]{1,128}$"))
    public String correlationId;

    @Context
    UriInfo uri;

    /**
     * The request's correlation id: over HTTP the one {@link eu.dpaledger.platform.http.CorrelationIds} settled and
     * echoes (it rewrote the header), so the events carry the id the caller sees; without a request, a new one.
     */
    public String correlation() {
        return RequestSupport.correlationId(correlationId);
    }

    /** The request path as received (decoded), for the idempotency fingerprint. */
    public String path() {
        return uri == null ? "" : "/" + uri.getPath().replaceFirst("^/", "");
    }
}
