package eu.dpaledger.platform.command;

import eu.dpaledger.platform.security.Caller;

import java.util.function.Function;

/**
 * One command call as the HTTP layer received it.
 *
 * @param streamId        the aggregate id
 * @param creates         true for a command that starts a new stream (no If-Match; the stream must be empty)
 * @param ifMatch         the raw {@code If-Match} header (required when {@code creates} is false)
 * @param idempotencyKey  the raw {@code Idempotency-Key} header, may be null
 * @param requestFingerprint a digest of method, path and body (needed only with a key): the same key with another fingerprint is 422
 * @param command         builds the command from the loaded stream (most ignore it)
 * @param respond         builds the response from the stream after the command
 */
public record CommandRequest<S, C>(String streamId, boolean creates, String ifMatch, String idempotencyKey,
                                   String requestFingerprint, Caller caller, String correlationId,
                                   Function<Loaded<S>, C> command, Function<Loaded<S>, Reply> respond) {

    /** Status, body object (serialised as JSON) and extra headers of a successful command. */
    public record Reply(int status, Object body, java.util.Map<String, String> headers) {
    }
}
