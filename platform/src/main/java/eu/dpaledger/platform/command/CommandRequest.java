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
 * @param anyVersion      run against whatever version is current, without If-Match: only for the service's own
 *                        commands (a scheduler's clock tick), whose decision depends on nothing but that state
 */
public record CommandRequest<S, C>(String streamId, boolean creates, String ifMatch, String idempotencyKey,
                                   String requestFingerprint, Caller caller, String correlationId,
                                   Function<Loaded<S>, C> command, Function<Loaded<S>, Reply> respond,
                                   boolean anyVersion) {

    public CommandRequest(String streamId, boolean creates, String ifMatch, String idempotencyKey,
                          String requestFingerprint, Caller caller, String correlationId,
                          Function<Loaded<S>, C> command, Function<Loaded<S>, Reply> respond) {
        this(streamId, creates, ifMatch, idempotencyKey, requestFingerprint, caller, correlationId, command, respond, false);
    }

    /** A command of the service itself on an existing stream, at its current version. */
    public static <S, C> CommandRequest<S, C> internal(String streamId, Caller caller, String correlationId,
                                                       Function<Loaded<S>, C> command, Function<Loaded<S>, Reply> respond) {
        return new CommandRequest<>(streamId, false, null, null, null, caller, correlationId, command, respond, true);
    }

    /** Status, body object (serialised as JSON) and extra headers of a successful command. */
    public record Reply(int status, Object body, java.util.Map<String, String> headers) {
    }
}
