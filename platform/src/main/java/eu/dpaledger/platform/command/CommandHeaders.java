package eu.dpaledger.platform.command;

import jakarta.ws.rs.HeaderParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * What every command on an existing resource takes besides its body, as one {@code @BeanParam}: {@code If-Match}
 * besides what {@link CreateHeaders} has.
 */
public class CommandHeaders extends CreateHeaders {

    @HeaderParam("If-Match")
    @Parameter(description = "The resource's current ETag (stream version); required (missing: 428, stale: 412).")
    public String ifMatch;

    /** For callers outside HTTP (tests, internal use): the same values without a request. */
    public static CommandHeaders of(String ifMatch, String idempotencyKey, String correlationId, String path) {
        CommandHeaders headers = new CommandHeaders() {
            @Override
            public String path() {
                return path;
            }
        };
        headers.ifMatch = ifMatch;
        headers.idempotencyKey = idempotencyKey;
        headers.correlationId = correlationId;
        return headers;
    }
}
