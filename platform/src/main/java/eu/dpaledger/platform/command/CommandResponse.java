package eu.dpaledger.platform.command;

import jakarta.ws.rs.core.Response;

import java.util.Map;

/**
 * The HTTP answer to a command, kept verbatim for {@code Idempotency-Key} replays: status, JSON body
 * and the headers that matter (ETag, Location).
 */
public record CommandResponse(int status, String body, Map<String, String> headers, boolean replayed) {

    public Response toResponse() {
        Response.ResponseBuilder builder = Response.status(status);
        if (body != null) {
            // A stored refusal or the tombstone of an erased reply (personaldata.PersonalDataErasure) is a problem document.
            builder.entity(body).type(status >= 400 ? "application/problem+json" : "application/json");
        }
        headers.forEach(builder::header);
        if (replayed) {
            builder.header("Idempotent-Replayed", "true");
        }
        return builder.build();
    }
}
