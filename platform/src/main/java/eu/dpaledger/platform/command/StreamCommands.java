package eu.dpaledger.platform.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.dpaledger.platform.domain.Actor;
import eu.dpaledger.platform.http.ETags;
import eu.dpaledger.platform.http.Fingerprints;
import eu.dpaledger.platform.http.HttpProblem;
import eu.dpaledger.platform.http.RequestSupport;
import eu.dpaledger.platform.security.Caller;
import eu.dpaledger.platform.security.CallerProvider;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The command pipeline every endpoint goes through: the caller, the body check, the context the command
 * needs (looked up first), the idempotency fingerprint, the executor, and the reply with its {@code ETag}
 * (and {@code Location} when created). An endpoint names only its binding, its command and its view:
 * <pre>
 * return commands.act(audits, id, headers, body, given -&gt; new Cancel(body.reason(), given.actor(), given.at()), this::view);
 * </pre>
 * A body declared optional is passed as {@code Optional.ofNullable(body)}; any other body must be present
 * (400 {@code body-required}). A command that needs more than its stream (the agreement's facts, say) passes
 * the lookup as its context: for a create a {@code Uni}, for a command on a stream a function of the stream's
 * state (looked up after the stream is found visible, so a foreign id is 404 before anything else is read).
 */
@ApplicationScoped
public class StreamCommands {

    @Inject
    CommandExecutor executor;

    @Inject
    CallerProvider callers;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    /** Starts the stream {@code id}; answers 201 with the view, its ETag and {@code Location}. */
    public <S, C, E> Uni<Response> create(AggregateBinding<S, C, E> binding, String id, CreateHeaders headers, Object body,
                                          Function<Given<S, Void>, C> command, Function<Loaded<S>, Object> view, String location) {
        return create(binding, id, headers, body, Uni.createFrom().nullItem(), command, view, location);
    }

    /** Starts the stream {@code id} with a context looked up first (its failure, e.g. a 404, answers instead). */
    public <S, C, E, F> Uni<Response> create(AggregateBinding<S, C, E> binding, String id, CreateHeaders headers, Object body,
                                             Uni<F> context, Function<Given<S, F>, C> command, Function<Loaded<S>, Object> view,
                                             String location) {
        Object payload = payload(body);
        Caller caller = callers.current();
        return context.flatMap(found -> run(binding, id, true, headers, null, payload, caller, found, command,
                after -> reply(201, view.apply(after), after.version(), location)));
    }

    /**
     * Starts the stream {@code id} and, in the same transaction, runs {@code then} on the existing stream
     * {@code thenId} of the same binding, to which {@code If-Match} applies (required): both append or neither
     * does, e.g. a new change and the one it supersedes. The reply and the {@code Idempotency-Key} are the
     * new stream's, as for {@link #create}.
     */
    public <S, C, E, F> Uni<Response> create(AggregateBinding<S, C, E> binding, String id, CommandHeaders headers, Object body,
                                             Uni<F> context, Function<Given<S, F>, C> command, String thenId,
                                             Function<Given<S, F>, C> then, Function<Loaded<S>, Object> view, String location) {
        Object payload = payload(body);
        ETags.requiredVersion(headers.ifMatch);
        Caller caller = callers.current();
        Actor actor = binding.actor(caller);
        Instant at = clock.instant();
        String correlation = headers.correlation();
        return context.flatMap(found -> executor.execute(binding,
                        new CommandRequest<>(id, true, null, headers.idempotencyKey,
                                Fingerprints.forKey(mapper, headers.idempotencyKey, headers.path(), payload), caller,
                                correlation, loaded -> command.apply(new Given<>(loaded, found, actor, at)),
                                after -> reply(201, view.apply(after), after.version(), location)),
                        new CommandRequest<>(thenId, false, headers.ifMatch, null, null, caller, correlation,
                                loaded -> then.apply(new Given<>(loaded, found, actor, at)),
                                loaded -> new CommandRequest.Reply(200, null, Map.of()))))
                .map(CommandResponse::toResponse);
    }

    /** A command on the existing stream {@code id} ({@code If-Match} required); answers 200 with the view and its ETag. */
    public <S, C, E> Uni<Response> act(AggregateBinding<S, C, E> binding, String id, CommandHeaders headers, Object body,
                                       Function<Given<S, Void>, C> command, Function<Loaded<S>, Object> view) {
        Object payload = payload(body);
        Caller caller = callers.current();
        return run(binding, id, false, headers, headers.ifMatch, payload, caller, null, command,
                after -> reply(200, view.apply(after), after.version(), null));
    }

    /**
     * A command on the existing stream {@code id} that adds a part to it with no address of its own (an agreement's
     * addendum): like {@link #act} but answers 201.
     */
    public <S, C, E> Uni<Response> add(AggregateBinding<S, C, E> binding, String id, CommandHeaders headers, Object body,
                                       Function<Given<S, Void>, C> command, Function<Loaded<S>, Object> view) {
        Object payload = payload(body);
        Caller caller = callers.current();
        return run(binding, id, false, headers, headers.ifMatch, payload, caller, null, command,
                after -> reply(201, view.apply(after), after.version(), null));
    }

    /** A command on the existing stream {@code id} that needs a context derived from the stream (e.g. its agreement's facts). */
    public <S, C, E, F> Uni<Response> act(AggregateBinding<S, C, E> binding, String id, CommandHeaders headers, Object body,
                                          Function<S, Uni<F>> context, Function<Given<S, F>, C> command,
                                          Function<Loaded<S>, Object> view) {
        Object payload = payload(body);
        Caller caller = callers.current();
        return executor.load(binding, id)
                .flatMap(current -> {
                    if (!current.exists() || !binding.visibleTo(current.state(), caller)) {
                        throw HttpProblem.notFound("The " + binding.displayName());
                    }
                    return context.apply(current.state());
                })
                .flatMap(found -> run(binding, id, false, headers, headers.ifMatch, payload, caller, found, command,
                        after -> reply(200, view.apply(after), after.version(), null)));
    }

    /** The stream for a read: 404 unless it exists and the caller may read it ({@link AggregateBinding#readableBy}). */
    public <S, C, E> Uni<Loaded<S>> read(AggregateBinding<S, C, E> binding, String id) {
        Caller caller = callers.current();
        return executor.load(binding, id).map(loaded -> {
            if (!loaded.exists() || !binding.readableBy(loaded.state(), caller)) {
                throw HttpProblem.notFound("The " + binding.displayName());
            }
            return loaded;
        });
    }

    /** A read answered with the view and the stream's ETag. */
    public <S, C, E> Uni<Response> get(AggregateBinding<S, C, E> binding, String id, Function<Loaded<S>, Object> view) {
        return read(binding, id).map(loaded -> Response.ok(view.apply(loaded)).header("ETag", ETags.of(loaded.version())).build());
    }

    /** The caller of the current request (401/403 when there is none). */
    public Caller caller() {
        return callers.current();
    }

    /** The server's time. */
    public Instant now() {
        return clock.instant();
    }

    private static Object payload(Object body) {
        if (body instanceof Optional<?> optional) {
            return optional.orElse(null);
        }
        RequestSupport.requireBody(body);
        return body;
    }

    private <S, C, E, F> Uni<Response> run(AggregateBinding<S, C, E> binding, String id, boolean creates, CreateHeaders headers,
                                           String ifMatch, Object payload, Caller caller, F context, Function<Given<S, F>, C> command,
                                           Function<Loaded<S>, CommandRequest.Reply> reply) {
        Actor actor = binding.actor(caller);
        Instant at = clock.instant();
        return executor.execute(binding, new CommandRequest<>(id, creates, ifMatch, headers.idempotencyKey,
                        Fingerprints.forKey(mapper, headers.idempotencyKey, headers.path(), payload), caller, headers.correlation(),
                        loaded -> command.apply(new Given<>(loaded, context, actor, at)), reply))
                .map(CommandResponse::toResponse);
    }

    private static CommandRequest.Reply reply(int status, Object view, long version, String location) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ETag", ETags.of(version));
        if (location != null) {
            headers.put("Location", location);
        }
        return new CommandRequest.Reply(status, view, headers);
    }
}
